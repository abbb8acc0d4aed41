import { Hono, type Context } from 'hono';
import type { AppDependencies } from '#application/context';
import { changeLocalPassword, changeLocalRoles, DEMO_ACCOUNTS, listLocalAccounts, signInLocally } from '#application/local-sign-in';
import { closeSession, openSession } from '#application/sessions';
import { ValidationError } from '#domain/errors';
import { ROLE_LABELS } from '#domain/staff';
import { z } from '#domain/zod';
import type { StaffEnv, WebEnv } from '#web/env';
import { readForm, textOf } from '#web/form-body';
import { formStep } from '#web/form-step';
import { endSession, sessionCookie, startSession } from '#web/middleware/session';
import { localOnly } from '../local/routes';
import { AccountsPage, LoginPage, PasswordPage } from './pages';

const SAME_SITE = 'https://portal.invalid';

/**
 * Only a path of this site may follow a sign-in (no open redirect). The value is parsed the way a
 * browser would parse a Location header (tabs and newlines are stripped, backslashes become
 * slashes, `/./` collapses), so `/\t/evil.example` or `/.//evil.example` cannot turn into a
 * protocol-relative `//evil.example`; control characters are refused outright (in a header they
 * would be a 500 or a header injection).
 */
export function safeNext(next: unknown, fallback = '/staff'): string {
  // eslint-disable-next-line no-control-regex
  if (typeof next !== 'string' || next.length > 2000 || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, SAME_SITE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== SAME_SITE || !path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}

const loginForm = z.object({ username: z.string().trim().max(64), password: z.string().max(200), next: z.string().optional() });

export function authRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  const local = deps.localSignIn;

  const demoAccounts = DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: a.password, roleLabel: a.roles.map((r) => ROLE_LABELS[r]).join('、') }));
  const loginPage = (c: Context<WebEnv>, extra: { error?: string; username?: string; next?: string } = {}) => {
    // The sign-in page is the public site's, whoever is signed in already (switching accounts signs in afresh).
    c.set('page', { ...c.var.page, staff: undefined });
    return c.render(<LoginPage next={extra.next ?? safeNext(c.req.query('next'))} error={extra.error} values={{ username: extra.username }} demoAccounts={demoAccounts} />);
  };

  app.get('/login', (c) => {
    if (!local) {
      // AWS: staff sign in through the Cognito hosted UI (authorization code flow).
      const signIn = deps.config.staffSignIn;
      if (!signIn) throw new Error('staff sign-in is not configured');
      const url = new URL(signIn.authorizeUrl);
      const query = { client_id: signIn.clientId, response_type: 'code', scope: 'openid profile', redirect_uri: `${deps.config.publicBaseUrl}/auth/callback`, state: safeNext(c.req.query('next')) };
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return c.redirect(url.toString(), 303);
    }
    return loginPage(c);
  });

  app.post('/login', async (c) => {
    if (!local) return c.redirect('/login', 303);
    const form = loginForm.safeParse(await readForm(c));
    if (!form.success) throw new ValidationError('登录信息格式不正确。');
    const next = safeNext(form.data.next);
    const result = await signInLocally(deps, form.data.username, form.data.password, c.get('clientAddress'));
    if (!result.ok) {
      c.status(401);
      return loginPage(c, { error: result.message, username: form.data.username, next });
    }
    startSession(c, result.sessionId);
    return c.redirect(next, 303);
  });

  app.get('/auth/callback', async (c) => {
    const signIn = deps.config.staffSignIn;
    const code = c.req.query('code');
    if (!signIn || !code) throw new ValidationError('登录回调参数无效，请重新登录。');
    const response = await fetch(signIn.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: signIn.clientId, code, redirect_uri: `${deps.config.publicBaseUrl}/auth/callback` }),
    });
    if (!response.ok) throw new ValidationError('登录已失效，请重新登录。');
    const tokens = (await response.json()) as { id_token?: string };
    if (!tokens.id_token) throw new ValidationError('登录已失效，请重新登录。');
    const staff = await deps.verifyStaffToken(tokens.id_token);
    const { issuedAt: _iat, ...member } = staff;
    startSession(c, (await openSession(deps, member, 'cognito')).id);
    return c.redirect(safeNext(c.req.query('state')), 303);
  });

  // The session ends on the server: a copy of the cookie is worthless from now on.
  app.post('/logout', async (c) => {
    await closeSession(deps, sessionCookie(c));
    endSession(c);
    return c.redirect('/', 303);
  });

  return app;
}

/**
 * Local mode's own accounts: changing one's password and (administrators) changing roles. Both
 * end the person's sessions everywhere. In AWS the same happens in Cognito, whose events end the
 * sessions there (functions/handlers/revoke-sessions.ts); these pages do not exist.
 */
export function accountRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  for (const path of ['/staff/account/*', '/staff/accounts/*']) app.use(path, localOnly(deps));

  app.get('/staff/account/password', (c) => c.render(<PasswordPage />));
  formStep(app, '/staff/account/password', {
    run: async (c, body) => {
      await changeLocalPassword(deps, c.get('staff'), { current: textOf(body, 'current'), next: textOf(body, 'next'), confirm: textOf(body, 'confirm') });
      endSession(c);
      return '/login?next=%2Fstaff';
    },
    // A form shown again answers under the refusal's status (formStep).
    again: (c, refusal) => c.render(<PasswordPage errors={refusal.errors()} />),
  });

  const accountsPage = async (c: Context<StaffEnv>, extra: { flash?: string; errors?: Record<string, string> } = {}) => c.render(<AccountsPage accounts={await listLocalAccounts(deps)} {...extra} />);

  app.get('/staff/accounts', (c) => accountsPage(c, c.req.query('done') ? { flash: '角色已调整，该工作人员的登录已全部失效。' } : {}));
  formStep(app, '/staff/accounts/:username/roles', {
    all: true,
    run: async (c, body) => {
      const roles = [body['roles'] ?? []].flat().filter((r): r is string => typeof r === 'string');
      await changeLocalRoles(deps, c.get('staff'), c.req.param('username'), roles);
      return '/staff/accounts?done=1';
    },
    again: (c, refusal) => accountsPage(c, { errors: refusal.errors() }),
  });
  return app;
}
