import { CaseListPage, CasePage } from '../case/CasePage';
import { FormPanel, type PanelField } from '../../views/components/FormPanel';
import { FormField, type SelectOption } from '../../views/components/FormField';
import { Notice } from '../../views/components/Notice';
import { Layout } from '../../views/layouts/Layout';
import { StaffPage } from '../../views/layouts/StaffPage';
import { ITEM_FIELDS, type ItemFormValues, type SettingsValues } from './forms';
import type { ItemPageProps, WorkListProps } from './view-model';

const HOME = { href: '/staff', label: '工作台' };
const ITEMS = { href: '/staff/items', label: '主动公开' };

/** 主动公开 work list: items by workflow state, with the publication deadline and overdue flags. */
export function WorkListPage({ stateLabel, overdue, ...p }: WorkListProps) {
  return (
    <CaseListPage
      area={ITEMS}
      heading="主动公开"
      notice={
        overdue.length > 0 ? (
          <Notice kind="error" title={`有 ${overdue.length} 条信息已超过公开期限（形成或变更之日起20个工作日）`}>
            <ul>
              {overdue.map((o) => (
                <li>
                  <a href={o.href}>{o.title}</a>（应于 {o.due} 前公开）
                </li>
              ))}
            </ul>
          </Notice>
        ) : null
      }
      table={{ id: 'items', caption: `${stateLabel}的信息`, idHeader: '标题', dueHeader: '公开期限', empty: `暂无${stateLabel}的信息` }}
      columns={[
        { header: '索引号', cell: (r) => r.indexNumber ?? '—', class: 'data-table__nowrap' },
        { header: '最近更新', cell: (r) => r.updatedAt, class: 'data-table__nowrap' },
      ]}
      {...p}
    />
  );
}

export interface ItemFormProps {
  action: string;
  values: ItemFormValues;
  errors?: Record<string, string> | undefined;
  categories: SelectOption[];
  /** Attachments already on the version (kept unless unticked). */
  attachments: { index: number; name: string; size: string }[];
  submitLabel: string;
  version?: number;
}

const FILES: PanelField = {
  name: 'files',
  label: '上传附件',
  kind: 'text',
  hint: '可选择多个文件：PDF、Word（.docx）、文本、图片；每个不超过 20 MB',
  input: { type: 'file', multiple: true, accept: '.pdf,.docx,.txt,.md,.html,.png,.jpg,.jpeg' },
};

/** The item editing form (multipart: attachments are uploaded with it and checked by content); the version's attachments are kept unless unticked. */
export function ItemForm(p: ItemFormProps) {
  const keep: PanelField[] = p.attachments.length
    ? [{ name: 'keep', label: '已上传的附件', kind: 'checkboxes', options: p.attachments.map((a) => ({ value: String(a.index), label: `保留 ${a.name}（${a.size}）` })) }]
    : [];
  return (
    <FormPanel
      action={p.action}
      button={p.submitLabel}
      errors={p.errors}
      multipart
      hidden={p.version !== undefined ? { version: p.version } : {}}
      fields={[...ITEM_FIELDS.map((f) => (f.name === 'categoryId' ? { ...f, options: p.categories } : f)), ...keep, FILES]}
      values={{ ...p.values, keep: p.attachments.map((a) => a.index).join(',') }}
    />
  );
}

export function NewItemPage({ form }: { form: ItemFormProps }) {
  return (
    <Layout title="新建主动公开信息" section="staff" navHref="/staff/items" breadcrumbs={[HOME, ITEMS, { label: '新建信息' }]}>
      <div class="page-head">
        <h1 class="page-title">新建主动公开信息</h1>
      </div>
      <p class="lead">保存为草稿后，提交保密审查；审查通过后即可发布。</p>
      <ItemForm {...form} />
    </Layout>
  );
}

/** Staff page of one item, as every case page: its facts, the draft form and versions, the history, and the steps allowed now. */
export function StaffItemPage({ title, meta, publicHref, review, form, versions, ...p }: ItemPageProps) {
  const about = (
    <>
      {publicHref ? (
        <p>
          <a href={publicHref}>查看公开页面</a>
        </p>
      ) : null}
      {review ? (
        <Notice kind={review.approved ? 'success' : 'info'} title="保密审查">
          <p>
            审查单状态：{review.statusLabel}。<a href={review.href}>查看审查单</a>
          </p>
        </Notice>
      ) : null}
    </>
  );
  const versionList = (
    <ol class="revision-list">
      {versions.map((v) => (
        <li>
          第{v.number}版：{v.statusLabel}（{v.updatedAt}）
        </li>
      ))}
    </ol>
  );
  const sections = [{ title: '信息基本情况', rows: meta, children: about }, ...(form ? [{ title: '修改草稿', children: <ItemForm {...form} /> }] : []), { title: '版本', children: versionList }];
  return <CasePage area={ITEMS} id={title} noun="主动公开" heading={title} sections={sections} {...p} />;
}

export interface CatalogueSettingsPageProps {
  values: SettingsValues;
  schemes: SelectOption[];
  errors?: Record<string, string> | undefined;
  flash?: string | undefined;
}

/** Admin: agency profile, category tree, index-number scheme and the disclosure guide. */
export function CatalogueSettingsPage(p: CatalogueSettingsPageProps) {
  const e = p.errors ?? {};
  return (
    <StaffPage title="目录与指南设置" navHref="/staff/catalogue" flash={p.flash}>
      <FormPanel action="/staff/catalogue" button="保存设置" errors={p.errors}>
        <FormField name="guide" label="政府信息公开指南" as="textarea" rows={16} hint="Markdown 格式，保存后在“政府信息公开指南”页面公布" value={p.values.guide} error={e['guide']} />
        <FormField name="indexSchemeId" label="索引号规则" as="select" options={p.schemes} value={p.values.indexSchemeId} error={e['indexSchemeId']} />
        <FormField
          name="profile"
          label="机关信息（JSON）"
          as="textarea"
          rows={10}
          hint="name、code（组织机构代码或统一社会信用代码）、address、officeHours、phone、email、disclosureOffice、reconsiderationBody、court（有管辖权的人民法院）、letterPrefix（发文机关代字）；后三项填写前不能出具告知书；留空则不修改"
          value={p.values.profile}
          error={e['profile']}
        />
        <FormField
          name="categories"
          label="目录分类（JSON）"
          as="textarea"
          rows={16}
          hint="数组，每项包含 id、name、parentId、order，可选 code、description、legalBasis；最多三级"
          value={p.values.categories}
          error={e['categories']}
        />
      </FormPanel>
    </StaffPage>
  );
}
