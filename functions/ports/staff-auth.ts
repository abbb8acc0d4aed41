import type { StaffMember } from '#domain/staff';

/** A verified token's member of staff, and when the token was issued (seconds since the epoch). */
export type VerifiedStaff = StaffMember & { readonly issuedAt?: number };

/** Turns a staff ID token into the member of staff it names; throws UnauthenticatedError. */
export type StaffTokenVerifier = (token: string) => Promise<VerifiedStaff>;

/** Local mode only: issues tokens for the demo accounts, exactly as Cognito would. */
export interface StaffTokenSigner {
  sign(staff: StaffMember, lifetimeSeconds: number): Promise<string>;
}
