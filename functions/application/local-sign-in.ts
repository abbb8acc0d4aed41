import { verifyPassword } from '../adapters/auth/passwords';
import { RateLimiter } from '../repositories/rate-limiter';
import { StaffAccounts } from '../repositories/staff-accounts';
import type { StaffTokenSigner } from '../ports/staff-auth';
import type { AppDependencies } from './context';

export { DEMO_ACCOUNTS } from './demo-data';

const TOKEN_SECONDS = 8 * 60 * 60;
export const LOGIN_LIMIT = { limit: 20, windowSeconds: 300, message: '登录尝试过于频繁，请 5 分钟后再试。' } as const;

/** Local mode's sign-in: checks a demo account's password and issues a Cognito-shaped ID token. */
export async function signInLocally(
  deps: Pick<AppDependencies, 'records' | 'clock'>,
  signer: StaffTokenSigner,
  username: string,
  password: string,
  client: string,
): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  // Failed attempts count; a successful sign-in gives its slot back, so an office behind one NAT
  // address is not locked out by its own colleagues signing in.
  const limiter = new RateLimiter(deps.records, deps.clock);
  const attempt = await limiter.reserve(`login:${client}`, LOGIN_LIMIT);
  const account = await new StaffAccounts(deps.records).find(username);
  if (!account || !(await verifyPassword(password, account.passwordHash))) return { ok: false, message: '用户名或密码错误。' };
  await limiter.refund(attempt);
  const { passwordHash: _hidden, ...staff } = account;
  return { ok: true, token: await signer.sign(staff, TOKEN_SECONDS) };
}
