import { clarificationSections, type ClarificationView, type PublicClarification } from '#application/clarifications';
import { usePageInfo } from '../../views/page-info';
import { CaseSteps } from '../../views/components/CaseSteps';
import { FormPanel, type FormPanelProps } from '../../views/components/FormPanel';
import { MetaTable } from '../../views/components/MetaTable';
import { Section } from '../../views/components/Section';
import { Notice } from '../../views/components/Notice';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseListPage, CasePage, CaseTimeline, ReviewLine, type CaseOutcome } from '../case/CasePage';
import { NEW_CASE } from './forms';
import { CLARIFICATIONS, clarificationCase, publicHref, shanghaiDay, type ClarificationRow } from './view-model';

const crumbs = (last?: string) => [{ href: ROUTES.home, label: '首页' }, ...(last ? [{ href: ROUTES.clarifications, label: '澄清说明' }, { label: last }] : [{ label: '澄清说明' }])];

/** 澄清说明: the published clarifications, newest first. */
export function ClarificationListPage(p: { items: readonly PublicClarification[] }) {
  return (
    <Layout title="澄清说明" section="proactive" breadcrumbs={crumbs()} staffLoginHref={ROUTES.login}>
      <h1 class="page-title">澄清说明</h1>
      <p class="lead">发现影响或者可能影响社会稳定、扰乱社会和经济管理秩序的虚假或者不完整信息的，本机关在职责范围内发布准确的政府信息予以澄清（《中华人民共和国政府信息公开条例》第六条）。</p>
      <p>
        <a class="button button--secondary" href="/clarifications/report">
          反映虚假或不完整信息
        </a>
      </p>
      {p.items.length === 0 ? (
        <p class="empty-state">暂无澄清说明。</p>
      ) : (
        <ul class="item-list" id="clarification-list">
          {p.items.map((i) => (
            <li class="item-list__item">
              <a class="item-list__link" href={publicHref(i)}>
                {i.title}
              </a>
              <span class="item-list__date">{shanghaiDay(i.publishedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** One published clarification: the released text, the items it concerns, earlier statements. */
export function ClarificationPage({ clarification: p }: { clarification: PublicClarification }) {
  return (
    <Layout title={p.title} section="proactive" breadcrumbs={crumbs(p.title)} staffLoginHref={ROUTES.login}>
      <article class="clarification" id="clarification">
        <h1 class="page-title">{p.title}</h1>
        <MetaTable
          rows={[
            { label: '编号', value: p.id },
            { label: '发布日期', value: shanghaiDay(p.publishedAt) },
            { label: '信息类别', value: '澄清说明' },
            { label: '发布机关', value: usePageInfo().site.agencyName },
          ]}
        />
        {clarificationSections(p.text).sections.map((s, i) => (
          <Section name={`part-${i}`} title={s.heading}>
            {s.body
              .split('\n')
              .filter(Boolean)
              .map((line) => (
                <p>{line}</p>
              ))}
          </Section>
        ))}
        {p.relatedItemIds.length > 0 ? (
          <Section name="related" title="相关信息">
            <ul>
              {p.relatedItemIds.map((itemId) => (
                <li>
                  <a href={`/items/${encodeURIComponent(itemId)}`}>信息 {itemId}</a>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {p.earlier.length > 0 ? (
          <Section name="earlier" title="此前发布的说明">
            <ul>
              {p.earlier.map((e) => (
                <li>
                  {shanghaiDay(e.publishedAt)} {e.title}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </article>
    </Layout>
  );
}

const ACCEPT = 'image/png,image/jpeg,application/pdf';

/** The report form's fields: where the information appeared, what is wrong with it, who reports it. */
const reportGroups = (maxMb: number): FormPanelProps['groups'] => [
  {
    legend: '信息出现在哪里',
    fields: [
      { name: 'url', label: '链接', kind: 'text', hint: '信息所在网页的完整地址。链接、来源名称、截图至少提供一项。', input: { type: 'url', maxlength: 1000 } },
      { name: 'outlet', label: '来源名称', kind: 'text', hint: '例如：某微信公众号、某报纸、某微博账号', input: { maxlength: 200 } },
      { name: 'firstSeenOn', label: '首次看到的日期', kind: 'date' },
      { name: 'screenshot', label: '截图', kind: 'text', hint: `可选。PNG、JPEG 或 PDF，不超过 ${maxMb} MB。`, input: { type: 'file', accept: ACCEPT } },
    ],
  },
  {
    fields: [
      { name: 'description', label: '哪些内容不实或不完整', kind: 'textarea', required: true, rows: 6, hint: '请说明信息的主要内容，以及您认为不实或不完整的地方。', input: { maxlength: 5000 } },
    ],
  },
  {
    legend: '联系方式（选填）',
    fields: [
      { name: 'contactName', label: '姓名', kind: 'text', input: { maxlength: 50 } },
      { name: 'contactPhone', label: '联系电话', kind: 'text', input: { type: 'tel' } },
      { name: 'contactEmail', label: '电子邮箱', kind: 'text', input: { type: 'email' } },
    ],
  },
];

/** The public report form (反映虚假或不完整信息). Reports are never published as such. */
export function ClarificationReportPage(p: { values?: Record<string, string>; errors?: Record<string, string>; maxMb: number }) {
  return (
    <Layout title="反映虚假或不完整信息" section="proactive" breadcrumbs={crumbs('反映虚假或不完整信息')} staffLoginHref={ROUTES.login}>
      <h1 class="page-title">反映虚假或不完整信息</h1>
      <p class="lead">如您发现涉及本机关工作的虚假或者不完整信息，请告诉我们。我们核实后将在职责范围内发布准确信息予以澄清。您提交的内容仅供工作人员核实，不会公开发布。</p>
      <FormPanel action="/clarifications/report" multipart button="提交" errors={p.errors} values={p.values} groups={reportGroups(p.maxMb)} />
    </Layout>
  );
}

export function ClarificationReportThanksPage(p: { reference: string }) {
  return (
    <Layout title="已收到您的反映" section="proactive" breadcrumbs={crumbs('已收到您的反映')} staffLoginHref={ROUTES.login}>
      <h1 class="page-title">已收到您的反映</h1>
      <Notice kind="success" role="status" title="提交成功">
        <p>
          感谢您的反映。线索编号：<strong id="report-reference">{p.reference}</strong>。我们将尽快核实；经核实需要澄清的，将在“<a href={ROUTES.clarifications}>澄清说明</a>”栏目发布。
        </p>
      </Notice>
    </Layout>
  );
}

/** The staff list of cases, with the form to open one from monitoring for those who may. */
export function StaffClarificationsPage(p: { rows: ClarificationRow[]; canCreate: boolean } & CaseOutcome) {
  return (
    <CaseListPage
      area={CLARIFICATIONS}
      heading="澄清虚假或不完整信息"
      table={{ id: 'clarification-cases', caption: '澄清案件', idHeader: '编号', dueHeader: '期限', empty: '暂无案件。' }}
      columns={[
        { header: '标题', cell: (r) => r.title },
        { header: '来源', cell: (r) => r.source },
      ]}
      urgency
      rows={p.rows}
      flash={p.flash}
    >
      {p.canCreate ? <CaseSteps steps={[NEW_CASE]} failed={p.failed} /> : null}
    </CaseListPage>
  );
}

/** One clarification case for staff: the case page with the report, assessment, verification, draft and follow-ups. */
export function ClarificationCasePage({ view, ...outcome }: { view: ClarificationView } & CaseOutcome) {
  const m = clarificationCase(view);
  const link = (label: string, href: string | undefined, text: string = href ?? '') =>
    href ? (
      <p>
        {label}
        <a href={href}>{text}</a>
      </p>
    ) : null;
  return (
    <CasePage
      area={CLARIFICATIONS}
      noun="澄清案件"
      {...m}
      {...outcome}
      sections={[
        { title: '案件信息', rows: m.meta },
        { title: '线索内容（仅供内部核实，不公开）', rows: m.report, children: link('', m.screenshotHref, '查看截图') },
        { title: '研判结论', rows: m.assessment },
        { title: '核实情况', rows: m.verification },
        {
          title: '澄清稿',
          id: 'draft',
          children: m.draftText ? (
            <>
              <pre class="letter-text">{m.draftText}</pre>
              <ReviewLine review={view.review} />
              {link('公开信息（澄清说明栏目）：', m.itemHref)}
              {link('已发布：', m.publishedHref)}
            </>
          ) : undefined,
        },
        { title: '发布后跟踪', children: m.followUps.length ? <CaseTimeline rows={m.followUps} /> : undefined },
      ]}
    />
  );
}
