import type { CorrectionReceipt, CorrectionTrackingView, CorrectionView } from '#application/corrections';
import { formatAccessCode } from '#domain/requests/tracking';
import { shanghaiDateTime } from '../../page-context';
import { FormPanel, type FormPanelProps, type PanelField } from '../../views/components/FormPanel';
import { FormField } from '../../views/components/FormField';
import { MetaTable } from '../../views/components/MetaTable';
import { StepOutcome } from '../../views/components/StepOutcome';
import { ReceiptCodes } from '../../views/components/ReceiptCodes';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseListPage, CasePage, CaseTimeline, ReviewLine, type CaseOutcome } from '../case/CasePage';
import { CORRECTIONS, correctionCase, type CorrectionRow } from './view-model';

const crumbs = (label: string) => [{ href: ROUTES.home, label: '首页' }, { href: ROUTES.apply, label: '依申请公开' }, { label }];

/** The request form's fields: who asks, which record is wrong, what it should say, and the evidence. */
const requestGroups = (maxMb: number, maxFiles: number): FormPanelProps['groups'] => [
  {
    legend: '申请人',
    fields: [
      {
        name: 'applicantKind',
        label: '申请人类型',
        kind: 'radio',
        required: true,
        options: [
          { value: 'citizen', label: '公民' },
          { value: 'organisation', label: '法人或其他组织' },
        ],
      },
      { name: 'name', label: '姓名或名称', kind: 'text', required: true, input: { maxlength: 100, autocomplete: 'name' } },
      {
        name: 'idNumber',
        label: '身份证件号码或统一社会信用代码',
        kind: 'text',
        required: true,
        hint: '公民填写身份证件号码；法人或其他组织填写统一社会信用代码或其他登记证明编号。用于核实记录是否与申请人相关，页面和回执中仅显示部分号码。',
      },
      { name: 'contactPerson', label: '联系人（法人或其他组织填写）', kind: 'text', input: { maxlength: 50 } },
      { name: 'phone', label: '联系电话', kind: 'text', hint: '联系电话和电子邮箱至少填写一项。', input: { type: 'tel' } },
      { name: 'email', label: '电子邮箱', kind: 'text', input: { type: 'email' } },
      { name: 'address', label: '通信地址', kind: 'text' },
    ],
  },
  {
    legend: '需要更正的记录',
    fields: [
      { name: 'recordDescription', label: '记录名称', kind: 'text', required: true, hint: '信息名称、文号，或本机关向您提供该信息的时间和方式。' },
      { name: 'itemId', label: '公开信息编号', kind: 'text', hint: '如该记录是本网站公开的信息，可填写其页面地址中的编号。' },
      { name: 'inaccuracy', label: '不准确的内容', kind: 'textarea', required: true, rows: 6 },
      { name: 'requestedCorrection', label: '应当更正为', kind: 'textarea', required: true, rows: 6 },
      {
        name: 'evidence',
        label: '证据材料',
        kind: 'text',
        required: true,
        hint: `PNG、JPEG 或 PDF，最多 ${maxFiles} 个，每个不超过 ${maxMb} MB。`,
        input: { type: 'file', accept: 'image/png,image/jpeg,application/pdf' },
      },
    ],
  },
];

export function CorrectionRequestPage(p: { nonce: string; values?: Record<string, string>; errors?: Record<string, string>; maxMb: number; maxFiles: number }) {
  return (
    <Layout title="申请更正政府信息记录" section="apply" breadcrumbs={crumbs('申请更正')} staffLoginHref={ROUTES.login}>
      <h1 class="page-title">申请更正政府信息记录</h1>
      <p class="lead">
        您有证据证明本机关提供的与您自身相关的政府信息记录不准确的，可以要求本机关更正（《中华人民共和国政府信息公开条例》第四十一条）。本机关有权更正的予以更正；无权更正的，转送有权更正的行政机关处理并告知您。
      </p>
      <FormPanel action="/corrections/request" multipart button="提交申请" errors={p.errors} values={p.values} hidden={{ nonce: p.nonce }} groups={requestGroups(p.maxMb, p.maxFiles)} />
    </Layout>
  );
}

export function CorrectionReceiptPage({ receipt: r }: { receipt: CorrectionReceipt }) {
  return (
    <Layout title="更正申请回执" section="apply" breadcrumbs={crumbs('更正申请回执')} staffLoginHref={ROUTES.login}>
      <h1 class="page-title">更正申请回执</h1>
      <ReceiptCodes received="我们已收到您的更正申请。" trackingNumber={r.trackingNumber} accessCode={formatAccessCode(r.accessCode)} />
      <MetaTable
        layout="single"
        caption="申请信息"
        rows={[
          { label: '提交日期', value: r.submittedOn },
          { label: '查询办理进度', value: <a href="/corrections/track">凭申请编号和查询码查询</a> },
        ]}
      />
    </Layout>
  );
}

/**
 * The applicant's view of a correction request (no staff notes, no staff names). The /track page
 * shows it too, for `GZ-` numbers (showCorrectionStatus).
 */
export function CorrectionStatusPanel({ view: v }: { view: CorrectionTrackingView }) {
  return (
    <section class="panel" id="correction-status">
      <h2 class="panel__title">更正申请 {v.trackingNumber}</h2>
      <MetaTable
        layout="single"
        caption="办理情况"
        rows={[
          { label: '当前状态', value: <strong id="correction-status-label">{v.statusLabel}</strong> },
          { label: '需要更正的记录', value: v.record },
          { label: '提交日期', value: v.submittedOn },
          { label: '收到申请之日', value: v.receivedOn ?? '待工作人员登记' },
          ...(v.due ? [{ label: '答复期限', value: `${v.due}${v.dueProvisional ? '（暂定）' : ''}` }] : []),
          ...(v.outcomeLabel ? [{ label: '处理结果', value: v.outcomeLabel }] : []),
          ...(v.answeredOn ? [{ label: '答复日期', value: v.answeredOn }] : []),
        ]}
      />
      <h3 class="subheading">办理过程</h3>
      <CaseTimeline rows={v.timeline.map((t) => ({ at: shanghaiDateTime(t.at), label: t.label }))} />
      {v.canWithdraw ? (
        <FormPanel action="/corrections/withdraw" id="withdraw" button="撤回申请" secondary hidden={{ trackingNumber: v.trackingNumber }}>
          <h3 class="panel__title">撤回更正申请</h3>
          <p class="small">答复送达前，您可以撤回申请。撤回后本申请办结，如需更正可重新提出。</p>
          <FormField name="accessCode" label="请再次输入查询码以确认撤回" required autocomplete="off" id="withdraw-accessCode" />
        </FormPanel>
      ) : null}
      {v.answerText ? (
        <>
          <h3 class="subheading">答复告知书</h3>
          <pre class="letter-text" id="correction-answer">
            {v.answerText}
          </pre>
        </>
      ) : null}
    </section>
  );
}

const LOOKUP: PanelField[] = [
  { name: 'trackingNumber', label: '申请编号', kind: 'text', required: true, hint: '如 GZ-2026-000001' },
  { name: 'accessCode', label: '查询码', kind: 'text', required: true, input: { autocomplete: 'off', noEcho: true } },
];

export function CorrectionTrackPage(p: { values?: Record<string, string>; errors?: Record<string, string>; result?: CorrectionTrackingView; flash?: string }) {
  return (
    <Layout title="查询更正申请" section="apply" breadcrumbs={crumbs('查询更正申请')} staffLoginHref={ROUTES.login}>
      <h1 class="page-title">查询更正申请</h1>
      <StepOutcome flash={p.flash} />
      {p.result ? <CorrectionStatusPanel view={p.result} /> : <FormPanel action="/corrections/track" button="查询" errors={p.errors} values={p.values} fields={LOOKUP} />}
    </Layout>
  );
}

/** The staff list of correction requests. */
export function StaffCorrectionsPage(p: { rows: CorrectionRow[] }) {
  return (
    <CaseListPage
      area={CORRECTIONS}
      heading="更正申请（条例第四十一条）"
      table={{ id: 'correction-cases', caption: '更正申请', idHeader: '申请编号', dueHeader: '答复期限', empty: '暂无更正申请。' }}
      columns={[
        { header: '申请人', cell: (r) => r.applicant },
        { header: '记录', cell: (r) => r.record },
      ]}
      rows={p.rows}
    />
  );
}

/** One correction request for staff: the case page with the request and its evidence, the decision and the letter. */
export function CorrectionCasePage({ view, workingDays, ...outcome }: { view: CorrectionView; workingDays: number } & CaseOutcome) {
  const m = correctionCase(view, workingDays);
  return (
    <CasePage
      area={CORRECTIONS}
      noun="更正申请"
      {...m}
      {...outcome}
      sections={[
        { title: '申请信息', rows: m.meta },
        {
          title: '更正请求',
          rows: [{ label: '记录', value: m.record }, ...(m.itemHref ? [{ label: '公开信息', value: <a href={m.itemHref.href}>{m.itemHref.id}（在“主动公开”中修订）</a> }] : []), ...m.request],
          children: (
            <ul>
              {m.evidence.map((e) => (
                <li>
                  <a href={e.href}>{e.label}</a>
                </li>
              ))}
            </ul>
          ),
        },
        { title: '审核决定', rows: m.decision },
        {
          title: '答复告知书',
          id: 'letter',
          children: m.letterText ? (
            <>
              <pre class="letter-text">{m.letterText}</pre>
              <ReviewLine review={view.review} />
            </>
          ) : undefined,
        },
      ]}
    />
  );
}
