import { jwtVerify, type JWTVerifyGetKey, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '#domain/errors';
import { isStaffRole } from '#domain/staff';
import type { StaffTokenVerifier } from '#ports/staff-auth';

/**
 * Verifies a staff ID token and turns it into a StaffMember. The same code runs in AWS (Cognito
 * user pool, keys from its JWKS URL) and locally (the local issuer, keys from memory): only the
 * issuer, audience and key source differ. Roles come from the `cognito:groups` claim.
 */
export interface StaffTokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
}

export function createStaffTokenVerifier(options: StaffTokenVerifierOptions): StaffTokenVerifier {
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, { issuer: options.issuer, audience: options.audience, algorithms: ['RS256', 'ES256'] }));
    } catch (error) {
      throw new UnauthenticatedError('登录已失效，请重新登录。', (error as Error).message);
    }
    if (payload.token_use !== undefined && payload.token_use !== 'id') throw new UnauthenticatedError('登录凭证类型不正确，请重新登录。');
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]) : [];
    const roles = groups.filter((g): g is string => typeof g === 'string').filter(isStaffRole);
    const username = String(payload['cognito:username'] ?? payload.sub ?? '');
    if (!payload.sub || !username) throw new UnauthenticatedError('登录凭证不完整，请重新登录。');
    return { id: payload.sub, username, displayName: String(payload.name ?? username), roles, ...(typeof payload.iat === 'number' ? { issuedAt: payload.iat } : {}) };
  };
}
