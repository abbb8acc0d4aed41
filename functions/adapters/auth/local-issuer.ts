import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import type { StaffMember } from '#domain/staff';

/**
 * Local mode's stand-in for the Cognito user pool: it signs ID tokens with the same claims
 * Cognito puts in them (`cognito:groups`, `cognito:username`, `token_use`), so the verifier that
 * runs in AWS is exactly the one that runs locally. Never constructed in AWS.
 */
export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  readonly jwks: { keys: JWK[] };
  sign(staff: StaffMember, lifetimeSeconds: number): Promise<string>;
}

export interface LocalIssuerKeys {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function generateLocalIssuerKeys(): Promise<LocalIssuerKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

export async function createLocalIssuer(issuer: string, audience: string, keys: LocalIssuerKeys): Promise<LocalIssuer> {
  const privateKey = await importJWK(keys.privateJwk, 'ES256');
  const jwks = { keys: [keys.publicJwk] };
  return {
    issuer,
    audience,
    jwks,
    keys: createLocalJWKSet(jwks),
    async sign(staff, lifetimeSeconds) {
      return new SignJWT({
        token_use: 'id',
        'cognito:username': staff.username,
        'cognito:groups': [...staff.roles],
        name: staff.displayName,
      })
        .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid })
        .setSubject(staff.id)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey);
    },
  };
}
