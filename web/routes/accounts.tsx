import { Hono, type Context } from 'hono';
import type { AppDependencies } from '#application/context';
import { changeLocalPassword, changeLocalRoles, listLocalAccounts } from '#application/local-sign-in';
import { NotFoundError } from '#domain/errors';
import { ROLE_LABELS, STAFF_ROLES } from '#domain/staff';
import type { StaffEnv } from '../env';
import { textOf } from '../form-body';
import { formStep } from '../form-step';
import { endSession } from '../middleware/session';
import { AccountsPage, PasswordPage } from '../views/pages/AccountPages';

/**
 * Local mode's own accounts: changing one's password and (administrators) changing roles. Both
 * end the person's sessions everywhere. In AWS the same happens in Cognito, whose events end the
 * sessions there (functions/handlers/revoke-sessions.ts); these pages do not exist.
 */
export function accountRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  app.use('/staff/account/*', localOnly(deps));
  app.use('/staff/accounts', localOnly(deps));
  app.use('/staff/accounts/*', localOnly(deps));

  const passwordPage = (c: Context<StaffEnv>, errors?: Record<string, string>) => {
    return c.render(<PasswordPage {...(errors ? { errors } : {})} />, errors ? 400 : 200);
  };

  app.get('/staff/account/password', (c) => passwordPage(c));
  formStep(app, '/staff/account/password', {
    run: async (c, body) => {
      await changeLocalPassword(deps, c.get('staff'), { current: textOf(body, 'current'), next: textOf(body, 'next'), confirm: textOf(body, 'confirm') });
      endSession(c);
      return '/login?next=%2Fstaff';
    },
    again: (c, refusal) => passwordPage(c, refusal.errors()),
  });

  const accountsPage = async (c: Context<StaffEnv>, extra: { flash?: string; errors?: Record<string, string> } = {}) => {
    const accounts = (await listLocalAccounts(deps)).map((a) => ({
      username: a.username,
      displayName: a.displayName,
      roles: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], checked: a.roles.includes(r) })),
    }));
    return c.render(<AccountsPage accounts={accounts} {...extra} />, extra.errors ? 400 : 200);
  };

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

function localOnly(deps: AppDependencies) {
  return async (_c: Context<StaffEnv>, next: () => Promise<void>) => {
    if (deps.config.deployment !== 'local') throw new NotFoundError('页面不存在。');
    await next();
  };
}
