import type { StaffMember } from '../domain/staff';

/** Turns a staff ID token into the member of staff it names; throws UnauthenticatedError. */
export type StaffTokenVerifier = (token: string) => Promise<StaffMember>;

/** Local mode only: issues tokens for the demo accounts, exactly as Cognito would. */
export interface StaffTokenSigner {
  sign(staff: StaffMember, lifetimeSeconds: number): Promise<string>;
}
