import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField, type SelectOption } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Layout } from '../../layouts/Layout';

export interface CatalogueSettingsPageProps {
  values: { profile: string; categories: string; indexSchemeId: string; guide: string };
  schemes: SelectOption[];
  errors?: Record<string, string>;
  flash?: string;
}

/** Admin: agency profile, category tree, index-number scheme and the disclosure guide. */
export function CatalogueSettingsPage(p: CatalogueSettingsPageProps) {
  return (
    <Layout title="目录与指南设置" section="staff" navHref="/staff/catalogue" breadcrumbs={[{ href: '/staff', label: '工作台' }, { label: '目录与指南设置' }]}>
      <div class="page-head">
        <h1 class="page-title">目录与指南设置</h1>
      </div>
      {p.flash ? (
        <Notice kind="success" role="status">
          <p>{p.flash}</p>
        </Notice>
      ) : null}
      <form class="form" method="post" action="/staff/catalogue" novalidate>
        <ErrorSummary errors={p.errors} />
        <CsrfField />
        <FormField name="guide" label="政府信息公开指南" as="textarea" rows={16} hint="Markdown 格式，保存后在“政府信息公开指南”页面公布" value={p.values.guide} error={p.errors?.['guide']} />
        <FormField name="indexSchemeId" label="索引号规则" as="select" options={p.schemes} value={p.values.indexSchemeId} error={p.errors?.['indexSchemeId']} />
        <FormField
          name="profile"
          label="机关信息（JSON）"
          as="textarea"
          rows={10}
          hint="name、code（组织机构代码或统一社会信用代码）、address、officeHours、phone、email、disclosureOffice、reconsiderationBody；留空则不修改"
          value={p.values.profile}
          error={p.errors?.['profile'] ?? Object.entries(p.errors ?? {}).find(([k]) => k.startsWith('profile.'))?.[1]}
        />
        <FormField
          name="categories"
          label="目录分类（JSON）"
          as="textarea"
          rows={16}
          hint="数组，每项包含 id、name、parentId、order，可选 code、description、legalBasis；最多三级"
          value={p.values.categories}
          error={p.errors?.['categories']}
        />
        <div class="form__actions">
          <button type="submit" class="button button--primary">
            保存设置
          </button>
        </div>
      </form>
    </Layout>
  );
}
