import { Hono, type Context } from 'hono';
import type { AppDependencies } from '../../functions/application/context';
import { changeLocalPassword, changeLocalRoles, listLocalAccounts } from '../../functions/application/local-sign-in';
import { NotFoundError, ValidationError } from '../../functions/domain/errors';
import { ROLE_LABELS, STAFF_ROLES } from '../../functions/domain/staff';
import type { WebEnv } from '../env';
import { readForm, textOf } from '../form-body';
import { endSession } from '../middleware/session';
import { pageContext } from '../page-context';
import { AccountsPage, PasswordPage } from '../views/pages/AccountPages';

/**
 * Local mode's own accounts: changing one's password and (administrators) changing roles. Both
 * end the person's sessions everywhere. In AWS the same happens in Cognito, whose events end the
 * sessions there (functions/handlers/revoke-sessions.ts); these pages do not exist.
 */
export function accountRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.use('/staff/account/*', localOnly(deps));
  app.use('/staff/accounts', localOnly(deps));
  app.use('/staff/accounts/*', localOnly(deps));

  const passwordPage = (c: Context<WebEnv>, errors?: Record<string, string>) => {
    const ctx = pageContext(c, deps);
    return c.html(<PasswordPage {...ctx} staff={ctx.staff!} {...(errors ? { errors } : {})} />, errors ? 400 : 200);
  };

  app.get('/staff/account/password', (c) => passwordPage(c));
  app.post('/staff/account/password', async (c) => {
    const body = await readForm(c);
    try {
      await changeLocalPassword(deps, c.get('staff')!, { current: textOf(body, 'current'), next: textOf(body, 'next'), confirm: textOf(body, 'confirm') });
    } catch (error) {
      if (error instanceof ValidationError) return passwordPage(c, error.fields);
      throw error;
    }
    endSession(c);
    return c.redirect('/login?next=%2Fstaff', 303);
  });

  const accountsPage = async (c: Context<WebEnv>, extra: { flash?: string; errors?: Record<string, string> } = {}) => {
    const ctx = pageContext(c, deps);
    const accounts = (await listLocalAccounts(deps)).map((a) => ({
      username: a.username,
      displayName: a.displayName,
      roles: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], checked: a.roles.includes(r) })),
    }));
    return c.html(<AccountsPage {...ctx} staff={ctx.staff!} accounts={accounts} {...extra} />, extra.errors ? 400 : 200);
  };

  app.get('/staff/accounts', (c) => accountsPage(c, c.req.query('done') ? { flash: '角色已调整，该工作人员的登录已全部失效。' } : {}));
  app.post('/staff/accounts/:username/roles', async (c) => {
    const body = await readForm(c, { all: true });
    const roles = [body['roles'] ?? []].flat().filter((r): r is string => typeof r === 'string');
    try {
      await changeLocalRoles(deps, c.get('staff')!, c.req.param('username'), roles);
    } catch (error) {
      if (error instanceof ValidationError) return accountsPage(c, { errors: error.fields });
      throw error;
    }
    return c.redirect('/staff/accounts?done=1', 303);
  });
  return app;
}

function localOnly(deps: AppDependencies) {
  return async (_c: Context<WebEnv>, next: () => Promise<void>) => {
    if (deps.config.deployment !== 'local') throw new NotFoundError('页面不存在。');
    await next();
  };
}
