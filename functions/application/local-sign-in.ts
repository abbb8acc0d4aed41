import { ForbiddenError, NotFoundError, ValidationError } from '#domain/errors';
import { isStaffRole, staffActor, type StaffMember, type StaffRole } from '#domain/staff';
import { RateLimiter } from '#repositories/rate-limiter';
import { StaffAccounts } from '#repositories/staff-accounts';
import type { AppDependencies } from './context';
import { endAllSessions, openSession } from './sessions';

export { DEMO_ACCOUNTS } from './demo-data';

export const LOGIN_LIMIT = { limit: 20, windowSeconds: 300, message: '登录尝试过于频繁，请 5 分钟后再试。' } as const;
export const MIN_PASSWORD_LENGTH = 12;

type Deps = Pick<AppDependencies, 'records' | 'clock' | 'config' | 'passwords'>;

/** The local demo accounts for the administrator's page (no password hashes). */
export async function listLocalAccounts(deps: Pick<AppDependencies, 'records'>): Promise<{ username: string; displayName: string; roles: readonly StaffRole[] }[]> {
  return (await new StaffAccounts(deps.records).list()).map((a) => ({ username: a.username, displayName: a.displayName, roles: a.roles }));
}

/** Local mode's sign-in: checks an account's password and opens a server-side session. */
export async function signInLocally(deps: Deps, username: string, password: string, client: string): Promise<{ ok: true; sessionId: string; staff: StaffMember } | { ok: false; message: string }> {
  // Failed attempts count; a successful sign-in gives its slot back, so an office behind one NAT
  // address is not locked out by its own colleagues signing in.
  const limiter = new RateLimiter(deps.records, deps.clock);
  const attempt = await limiter.reserve(`login:${client}`, LOGIN_LIMIT);
  const account = await new StaffAccounts(deps.records).find(username);
  if (!account || !(await deps.passwords.verify(password, account.passwordHash))) return { ok: false, message: '用户名或密码错误。' };
  await limiter.refund(attempt);
  const { passwordHash: _hidden, ...staff } = account;
  const session = await openSession(deps, staff, 'local');
  return { ok: true, sessionId: session.id, staff };
}

/** Local mode: a member of staff changes their password; every session of theirs ends. */
export async function changeLocalPassword(deps: Deps, staff: StaffMember, input: { current: string; next: string; confirm: string }): Promise<{ ended: number }> {
  const accounts = new StaffAccounts(deps.records);
  const record = await accounts.record(staff.username);
  if (!record) throw new NotFoundError('账号不存在。');
  const fields: Record<string, string> = {};
  if (!(await deps.passwords.verify(String(input.current ?? ''), record.data.passwordHash))) fields['current'] = '当前密码不正确。';
  const next = String(input.next ?? '');
  if ([...next].length < MIN_PASSWORD_LENGTH) fields['next'] = `新密码至少 ${MIN_PASSWORD_LENGTH} 个字符。`;
  else if (next === input.current) fields['next'] = '新密码不能与当前密码相同。';
  if (next !== input.confirm) fields['confirm'] = '两次输入的新密码不一致。';
  if (Object.keys(fields).length) throw new ValidationError('密码未修改，请按提示更正。', fields);
  await accounts.update({ ...record.data, passwordHash: await deps.passwords.hash(next) }, record.version, { type: 'staff-account.password-changed', actor: staffActor(staff) });
  return { ended: await endAllSessions(deps, staff.id, 'password-changed', staffActor(staff)) };
}

/** Local mode: an administrator changes someone's roles; every session of theirs ends. */
export async function changeLocalRoles(deps: Deps, admin: StaffMember, username: string, roles: readonly string[]): Promise<{ roles: StaffRole[]; ended: number }> {
  if (!admin.roles.includes('admin')) throw new ForbiddenError('只有管理员可以调整角色。');
  const accounts = new StaffAccounts(deps.records);
  const record = await accounts.record(username);
  if (!record) throw new NotFoundError('账号不存在。');
  const next = [...new Set(roles.filter(isStaffRole))];
  if (record.data.id === admin.id && !next.includes('admin')) throw new ValidationError('不能取消自己的管理员角色。', { roles: '不能取消自己的管理员角色。' });
  await accounts.update({ ...record.data, roles: next }, record.version, { type: 'staff-account.roles-changed', actor: staffActor(admin), data: { username, from: record.data.roles, to: next } });
  return { roles: next, ended: await endAllSessions(deps, record.data.id, 'roles-changed', staffActor(admin)) };
}
