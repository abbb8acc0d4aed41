import { createHmac, randomBytes } from 'node:crypto';
import { UnauthenticatedError } from '#domain/errors';
import { staffActor, type Actor, type StaffMember } from '#domain/staff';
import { SessionRepository, type StaffSession } from '#repositories/sessions';
import type { AppDependencies } from './context';

/**
 * Server-side staff sessions. The cookie holds a random id; the table holds only a keyed hash of
 * it, with the member of staff as they signed in and when it ends. Every staff request checks the
 * record, so logging out, changing a password or losing a role ends the session at once rather
 * than when a token would have expired. Bearer tokens (API clients) are checked against a per-
 * person "revoked before" instant for the same reasons.
 */
export const SESSION_SECONDS = 8 * 60 * 60;

type Deps = Pick<AppDependencies, 'records' | 'clock' | 'config'>;

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (deps: Deps, id: string) => createHmac('sha256', deps.config.appSecret).update(`staff-session:${id}`).digest('hex');

export async function openSession(deps: Deps, staff: StaffMember, via: StaffSession['via']): Promise<{ id: string; expiresAt: string }> {
  const id = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const session: StaffSession = {
    idHash: hashOf(deps, id),
    staff: { id: staff.id, username: staff.username, displayName: staff.displayName, roles: [...staff.roles] },
    via,
    startedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000).toISOString(),
  };
  await deps.records.commit([SessionRepository.start(session, { type: 'session.started', actor: staffActor(staff), data: { via } })]);
  return { id, expiresAt: session.expiresAt };
}

/** The member of staff a session cookie stands for, or undefined (unknown, ended, expired). */
export async function sessionStaff(deps: Deps, id: string | undefined): Promise<StaffMember | undefined> {
  if (!id || !SESSION_ID.test(id)) return undefined;
  const record = await new SessionRepository(deps.records).get(hashOf(deps, id));
  const s = record?.data;
  if (!s || s.endedAt || Date.parse(s.expiresAt) <= deps.clock.now().getTime()) return undefined;
  return s.staff;
}

async function end(deps: Deps, idHash: string, reason: NonNullable<StaffSession['endReason']>, actor: Actor): Promise<boolean> {
  const repo = new SessionRepository(deps.records);
  const record = await repo.get(idHash);
  if (!record || record.data.endedAt) return false;
  await repo.save({ ...record.data, endedAt: deps.clock.now().toISOString(), endReason: reason }, record.version, { type: 'session.ended', actor, data: { reason } });
  return true;
}

/** 退出登录: this session ends (the cookie is worthless from now on, even if someone kept a copy). */
export async function closeSession(deps: Deps, id: string | undefined): Promise<void> {
  if (!id || !SESSION_ID.test(id)) return;
  const record = await new SessionRepository(deps.records).get(hashOf(deps, id));
  if (record) await end(deps, record.data.idHash, 'logout', staffActor(record.data.staff));
}

/**
 * Ends every session of one member of staff and refuses their bearer tokens issued until now:
 * after a password change, a role change, a disabled account, or an administrator's sign-out.
 */
export async function endAllSessions(deps: Deps, staffId: string, reason: 'password-changed' | 'roles-changed' | 'revoked', actor: Actor): Promise<number> {
  const repo = new SessionRepository(deps.records);
  await repo.revokeTokensBefore(staffId, Math.ceil(deps.clock.now().getTime() / 1000));
  let ended = 0;
  for (const s of await repo.activeOf(staffId)) if (await end(deps, s.data.idHash, reason, actor)) ended++;
  return ended;
}

/** An API client's bearer token: verified, and refused if it was issued before a revocation. */
export async function bearerStaff(deps: Deps & Pick<AppDependencies, 'verifyStaffToken'>, token: string): Promise<StaffMember> {
  const verified = await deps.verifyStaffToken(token);
  const before = await new SessionRepository(deps.records).revokedBefore(verified.id);
  if (before && (verified.issuedAt ?? 0) < before) throw new UnauthenticatedError('登录已失效，请重新登录。', 'token issued before revocation');
  const { issuedAt: _i, ...staff } = verified;
  return staff;
}
