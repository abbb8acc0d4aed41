import { CsrfField } from '../components/CsrfField';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { Layout } from '../layouts/Layout';
import { ROUTES } from '../layouts/nav';

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
  /** Field errors (username/password), e.g. 请输入用户名. */
  errors?: Record<string, string>;
  /** Submitted username, kept on error. The password is never echoed. */
  values?: { username?: string };
  demoAccounts: DemoAccount[];
}

/** Local-mode staff sign-in (本地演示登录). Production uses the unified identity provider instead. */
export function LoginPage({ next, error, errors, values, demoAccounts }: LoginPageProps) {
  return (
    <Layout title="工作人员登录" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { label: '工作人员登录' }]}>
      <div class="narrow">
        <h1 class="page-title">工作人员登录</h1>
        <Notice kind="warning" title="本地演示登录（仅用于本地开发环境，生产环境使用统一身份认证）">
          <p>本页面仅在本地开发和演示时启用，账号和密码均为公开的演示数据，请勿用于真实业务。</p>
        </Notice>
        <ErrorSummary errors={errors} order={['username', 'password']} />
        {error ? (
          <Notice kind="error" role="alert" title="登录失败">
            <p>{error}</p>
          </Notice>
        ) : null}
        <form class="form" method="post" action={ROUTES.login} novalidate>
          <CsrfField />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <FormField name="username" label="用户名" required autocomplete="username" spellcheck={false} value={values?.username} error={errors?.['username']} />
          <FormField name="password" label="密码" type="password" required autocomplete="current-password" error={errors?.['password']} />
          <div class="form__actions">
            <button type="submit" class="button button--primary button--large">
              登录
            </button>
          </div>
        </form>

        {demoAccounts.length > 0 ? (
          <section class="section" aria-labelledby="demo-title">
            <h2 class="section__title" id="demo-title">
              演示账号
            </h2>
            <p>以下账号对应不同的办理角色，可用于体验各环节的操作权限。</p>
            <div class="table-wrap" role="region" aria-labelledby="demo-caption" tabindex={0}>
              <table class="data-table">
                <caption id="demo-caption" class="visually-hidden">
                  演示账号列表
                </caption>
                <thead>
                  <tr>
                    <th scope="col">角色</th>
                    <th scope="col">用户名</th>
                    <th scope="col">密码</th>
                  </tr>
                </thead>
                <tbody>
                  {demoAccounts.map((a) => (
                    <tr>
                      <th scope="row">{a.roleLabel}</th>
                      <td>
                        <code>{a.username}</code>
                      </td>
                      <td>
                        <code>{a.password}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
