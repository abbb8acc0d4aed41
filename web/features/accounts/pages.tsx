import type { listLocalAccounts } from '#application/local-sign-in';
import { ROLE_LABELS, STAFF_ROLES } from '#domain/staff';
import { CsrfField } from '#web/views/components/CsrfField';
import { DataTable } from '#web/views/components/DataTable';
import { ErrorSummary } from '#web/views/components/ErrorSummary';
import { FormField } from '#web/views/components/FormField';
import { FormPanel } from '#web/views/components/FormPanel';
import { Notice } from '#web/views/components/Notice';
import { Section } from '#web/views/components/Section';
import { Layout } from '#web/views/layouts/Layout';
import { ROUTES } from '#web/views/layouts/nav';
import { StaffPage } from '#web/views/layouts/StaffPage';

export interface DemoAccount {
  username: string;
  roleLabel: string;
  password: string;
}

export interface LoginPageProps {
  /** Where to go after signing in (a local path; the app validates it). */
  next?: string;
  /** Form-level error, e.g. 用户名或密码不正确. */
  error?: string;
  /** Submitted username, kept on error. The password is never echoed. */
  values?: { username?: string };
  demoAccounts: DemoAccount[];
}

/** Local-mode staff sign-in (本地演示登录). Production uses the unified identity provider instead. */
export function LoginPage({ next, error, values, demoAccounts }: LoginPageProps) {
  return (
    <Layout title="工作人员登录" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { label: '工作人员登录' }]}>
      <div class="narrow">
        <h1 class="page-title">工作人员登录</h1>
        <Notice kind="warning" title="本地演示登录（仅用于本地开发环境，生产环境使用统一身份认证）">
          <p>本页面仅在本地开发和演示时启用，账号和密码均为公开的演示数据，请勿用于真实业务。</p>
        </Notice>
        {error ? (
          <Notice kind="error" role="alert" title="登录失败">
            <p>{error}</p>
          </Notice>
        ) : null}
        <FormPanel class="form" action={ROUTES.login} button="登录" buttonClass="button--large" hidden={next ? { next } : {}}>
          <FormField name="username" label="用户名" required autocomplete="username" spellcheck={false} value={values?.username} />
          <FormField name="password" label="密码" type="password" required autocomplete="current-password" />
        </FormPanel>
        {demoAccounts.length > 0 ? (
          <Section name="demo" title="演示账号">
            <p>以下账号对应不同的办理角色，可用于体验各环节的操作权限。</p>
            <DataTable
              id="demo"
              caption="演示账号列表"
              captionHidden
              stack={false}
              rows={demoAccounts}
              columns={[
                { header: '角色', cell: (a) => a.roleLabel, rowHeader: true },
                { header: '用户名', cell: (a) => <code>{a.username}</code> },
                { header: '密码', cell: (a) => <code>{a.password}</code> },
              ]}
            />
          </Section>
        ) : null}
      </div>
    </Layout>
  );
}

/** 修改密码 (local mode; in AWS staff change their password in the unified sign-in). */
export function PasswordPage({ errors }: { errors?: Record<string, string> }) {
  return (
    <StaffPage title="修改密码" navHref="/staff" lead="修改后，您在所有设备上的登录都将失效，需要用新密码重新登录。">
      <div class="narrow">
        <FormPanel class="form" action="/staff/account/password" button="修改密码" errors={errors} order={['current', 'next', 'confirm']}>
          <FormField name="current" label="当前密码" type="password" autocomplete="current-password" required error={errors?.['current']} />
          <FormField name="next" label="新密码" type="password" autocomplete="new-password" required hint="至少 12 个字符。" error={errors?.['next']} />
          <FormField name="confirm" label="再次输入新密码" type="password" autocomplete="new-password" required error={errors?.['confirm']} />
        </FormPanel>
      </div>
    </StaffPage>
  );
}

/** 账号与角色 (local mode; in AWS roles are Cognito groups). A change ends that person's sessions. */
export function AccountsPage({ accounts, flash, errors }: { accounts: Awaited<ReturnType<typeof listLocalAccounts>>; flash?: string; errors?: Record<string, string> }) {
  return (
    <StaffPage title="账号与角色" navHref="/staff" flash={flash} lead="调整角色后，该工作人员在所有设备上的登录立即失效，以新角色重新登录。">
      <ErrorSummary errors={errors} />
      <DataTable
        id="accounts"
        caption="本地账号"
        captionHidden
        stack={false}
        rows={accounts}
        columns={[
          { header: '账号', cell: (a) => a.username },
          { header: '姓名', cell: (a) => a.displayName },
          {
            header: '角色',
            cell: (a) => (
              <form class="form form--inline" method="post" action={`/staff/accounts/${encodeURIComponent(a.username)}/roles`}>
                <CsrfField />
                <fieldset class="choices">
                  <legend class="visually-hidden">{a.displayName}的角色</legend>
                  {STAFF_ROLES.map((r) => (
                    <label class="choice">
                      <input type="checkbox" name="roles" value={r} checked={a.roles.includes(r)} /> {ROLE_LABELS[r]}
                    </label>
                  ))}
                </fieldset>
                <button class="button button--secondary" type="submit">
                  保存
                </button>
              </form>
            ),
          },
        ]}
      />
    </StaffPage>
  );
}
