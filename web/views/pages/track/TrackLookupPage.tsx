import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';

export interface TrackLookupPageProps {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** A message above the form (wrong code, too many attempts, session expired). */
  message?: { kind: 'error' | 'info' | 'success'; text: string };
}

export function TrackLookupPage(p: TrackLookupPageProps) {
  return (
    <Layout title="申请进度查询" section="apply" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { href: ROUTES.apply, label: '依申请公开' }, { label: '进度查询' }]}>
      <h1 class="page-title">政府信息公开申请进度查询</h1>
      <p class="lead">请输入申请回执上的申请编号和查询码。</p>
      {p.message ? (
        <Notice kind={p.message.kind} role={p.message.kind === 'error' ? 'alert' : 'status'}>
          <p>{p.message.text}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={p.errors} order={['trackingNumber', 'accessCode']} />
      <form class="form narrow" method="post" action="/track" novalidate>
        <CsrfField />
        <FormField
          name="trackingNumber"
          label="申请编号"
          required
          maxlength={20}
          value={p.values?.['trackingNumber']}
          error={p.errors?.['trackingNumber']}
          hint="例如：YSQ-2026-000123"
          autocomplete="off"
          spellcheck={false}
        />
        <FormField
          name="accessCode"
          label="查询码"
          required
          maxlength={20}
          value={undefined}
          error={p.errors?.['accessCode']}
          hint="10位字母和数字，不区分大小写。"
          autocomplete="off"
          spellcheck={false}
        />
        <div class="form__actions">
          <button class="button button--primary" type="submit">
            查询
          </button>
        </div>
      </form>
      <p>
        尚未申请？<a href={ROUTES.apply}>在线提交申请</a>
      </p>
    </Layout>
  );
}
