import { CsrfField } from '../components/CsrfField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { Layout } from '../layouts/Layout';

/** 修改密码 (local mode; in AWS staff change their password in the unified sign-in). */
export function PasswordPage({ errors }: { errors?: Record<string, string> }) {
  return (
    <Layout title="修改密码" section="staff" navHref="/staff" breadcrumbs={[{ href: '/staff', label: '工作台' }, { label: '修改密码' }]}>
      <div class="narrow">
        <h1 class="page-title">修改密码</h1>
        <p class="lead">修改后，您在所有设备上的登录都将失效，需要用新密码重新登录。</p>
        <ErrorSummary errors={errors} order={['current', 'next', 'confirm']} />
        <form class="form" method="post" action="/staff/account/password" novalidate>
          <CsrfField />
          <FormField name="current" label="当前密码" type="password" autocomplete="current-password" required error={errors?.['current']} />
          <FormField name="next" label="新密码" type="password" autocomplete="new-password" required hint="至少 12 个字符。" error={errors?.['next']} />
          <FormField name="confirm" label="再次输入新密码" type="password" autocomplete="new-password" required error={errors?.['confirm']} />
          <button class="button button--primary" type="submit">
            修改密码
          </button>
        </form>
      </div>
    </Layout>
  );
}

export interface AccountRow {
  username: string;
  displayName: string;
  roles: { value: string; label: string; checked: boolean }[];
}

/** 账号与角色 (local mode; in AWS roles are Cognito groups). A change ends that person's sessions. */
export function AccountsPage({ accounts, flash, errors }: { accounts: AccountRow[]; flash?: string; errors?: Record<string, string> }) {
  return (
    <Layout title="账号与角色" section="staff" navHref="/staff" breadcrumbs={[{ href: '/staff', label: '工作台' }, { label: '账号与角色' }]}>
      <h1 class="page-title">账号与角色</h1>
      <p class="lead">调整角色后，该工作人员在所有设备上的登录立即失效，以新角色重新登录。</p>
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <ErrorSummary errors={errors} />
      <table class="data-table">
        <caption class="visually-hidden">本地账号</caption>
        <thead>
          <tr>
            <th scope="col">账号</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>
                <form class="form form--inline" method="post" action={`/staff/accounts/${encodeURIComponent(a.username)}/roles`}>
                  <CsrfField />
                  <fieldset class="choices">
                    <legend class="visually-hidden">{a.displayName}的角色</legend>
                    {a.roles.map((r) => (
                      <label class="choice">
                        <input type="checkbox" name="roles" value={r.value} checked={r.checked} /> {r.label}
                      </label>
                    ))}
                  </fieldset>
                  <button class="button button--secondary" type="submit">
                    保存
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
