import { MAX_ATTACHMENT_BYTES, type SubmitResult } from '#application/requests';
import { APPLICANT_KIND_LABELS, DELIVERY_METHOD_LABELS, formatAccessCode, ID_DOCUMENT_LABELS, ORGANISATION_KIND_LABELS, PROVISION_FORM_LABELS } from '#domain/requests';
import { ErrorSummary } from '../../views/components/ErrorSummary';
import { fieldId } from '../../views/components/FormField';
import { FormPanel, PanelFields, type PanelField } from '../../views/components/FormPanel';
import { MetaTable } from '../../views/components/MetaTable';
import { Notice } from '../../views/components/Notice';
import { ReceiptCodes } from '../../views/components/ReceiptCodes';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import type { StaffInfo } from '../../views/types';
import { DueDate } from '../requests/parts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const choice = (name: string, label: string, labels: Record<string, string>): PanelField => ({ name, label, kind: 'radio', required: true, options: options(labels) });
const text = (name: string, label: string, maxlength: number, more: Partial<PanelField> = {}): PanelField => ({ name, label, kind: 'text', ...more, input: { maxlength, ...more.input } });
const NO_AUTOFILL = { autocomplete: 'off', spellcheck: false } as const;

/** A part of the form: a fieldset of fields, then groups under their subheadings. */
interface ApplySection {
  legend: string;
  /** The fieldset's id, and the key of a message about the section as a whole ("contact"). */
  name?: string;
  hint?: string;
  fields: PanelField[];
  groups?: { heading: string; fields: PanelField[] }[];
}

/** 政府信息公开申请表 as data: what Art. 29 asks for, and nothing more. */
const APPLY_SECTIONS: ApplySection[] = [
  {
    legend: '申请人信息',
    fields: [
      choice('applicantKind', '申请人类型', APPLICANT_KIND_LABELS),
      text('name', '姓名或名称', 100, { required: true, hint: '公民填写本人姓名；法人或其他组织填写单位全称。', input: { autocomplete: 'name' } }),
    ],
    groups: [
      {
        heading: '公民填写',
        fields: [
          { name: 'idType', label: '证件类型', kind: 'select', options: options(ID_DOCUMENT_LABELS) },
          text('idNumber', '证件号码', 40, { hint: '居民身份证为18位，最后一位可能是X。仅用于核实身份，页面和列表中只显示部分号码。', input: NO_AUTOFILL }),
          text('workUnit', '工作单位', 100),
        ],
      },
      {
        heading: '法人或其他组织填写',
        fields: [
          { name: 'organisationKind', label: '组织类别', kind: 'select', options: options(ORGANISATION_KIND_LABELS) },
          text('creditCode', '统一社会信用代码', 22, { hint: '18位，见营业执照或登记证书。', input: NO_AUTOFILL }),
          text('orgDocument', '其他登记或身份证明文件', 100, { hint: '没有统一社会信用代码的其他组织（如业主委员会）填写，写明文件名称和编号，并上传该文件。' }),
          text('legalRepresentative', '法定代表人或负责人', 100),
          text('contactPerson', '联系人', 100),
        ],
      },
      {
        heading: '由代理人代为申请的填写',
        fields: [
          text('agent.name', '代理人姓名', 100),
          { name: 'agent.idType', label: '代理人证件类型', kind: 'select', options: options(ID_DOCUMENT_LABELS) },
          text('agent.idNumber', '代理人证件号码', 40, { hint: '代理申请须在附件中上传申请人签署的授权委托书。', input: NO_AUTOFILL }),
        ],
      },
    ],
  },
  {
    legend: '联系方式',
    name: 'contact',
    hint: '请至少填写一种联系方式。',
    fields: [
      text('contact.phone', '联系电话', 40, { input: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' } }),
      text('contact.email', '电子邮箱', 100, { hint: '填写后，回执和办理通知将发送到该邮箱。', input: { type: 'email', autocomplete: 'email' } }),
      text('contact.address', '通信地址', 200, { input: { autocomplete: 'street-address' } }),
      text('contact.postCode', '邮政编码', 6, { input: { inputmode: 'numeric', autocomplete: 'postal-code', class: 'field--narrow' } }),
    ],
  },
  {
    legend: '所需政府信息',
    hint: '请写明信息的名称、文号，或者便于查询的其他特征性描述（《条例》第二十九条）。',
    fields: [
      text('requested.documentTitle', '信息名称', 200),
      text('requested.documentNumber', '文号', 100, { hint: '例如：示政发〔2025〕12号' }),
      { name: 'requested.description', label: '内容描述', kind: 'textarea', rows: 5, input: { maxlength: 2000 } },
    ],
  },
  { legend: '获取信息的方式', fields: [choice('provisionForm', '信息的载体形式', PROVISION_FORM_LABELS), choice('deliveryMethod', '获取信息的方式', DELIVERY_METHOD_LABELS)] },
  {
    legend: '附件与备注',
    fields: [
      {
        name: 'attachments',
        label: '身份证明等附件',
        kind: 'text',
        hint: `可上传 PDF、JPEG 或 PNG 文件，最多3个，每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。如提交有误需要修改，请重新选择附件。`,
        input: { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' },
      },
      { name: 'notes', label: '备注', kind: 'textarea', rows: 3, input: { maxlength: 1000 } },
      {
        name: 'proactiveSuggestion',
        label: '建议将所申请信息纳入主动公开范围',
        kind: 'textarea',
        rows: 2,
        hint: '认为该信息涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的，可以写明理由；本机关审核后在答复中告知结果（《条例》第四十四条第二款）。',
        input: { maxlength: 1000 },
      },
    ],
  },
];

/** Staff registering an application first say how it came and when. */
const channelSection = (channels: Record<string, string>): ApplySection => ({
  legend: '申请渠道',
  fields: [
    choice('channel', '申请渠道', channels),
    {
      name: 'receivedOn',
      label: '收到申请之日',
      kind: 'date',
      hint: '邮寄需签收的，填签收之日；平常信函、传真的，填与申请人确认之日；当面递交或口头提出的，填递交之日（不填为今日）。',
    },
    {
      name: 'arrivedOn',
      label: '信函到达之日（平常信函）',
      kind: 'date',
      hint: '平常信函须在到达当日与申请人确认；尚未确认的，可只填到达之日先行录入，确认后在案件页面“登记受理”填写确认之日。确认晚于到达之日的，以到达之日为收到申请之日。',
    },
  ],
});

export interface ApplyPageProps {
  nonce: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** Staff registering a paper, post, fax or oral application: the channels, the receipt date, where it posts. */
  staffMode?: { staff: StaffInfo; action: string; channels: Record<string, string> };
}

/** Field order for the error summary: the order the fields appear, a section's own message first. */
const APPLY_FIELD_ORDER = [channelSection({}), ...APPLY_SECTIONS].flatMap((s) => [...(s.name ? [s.name] : []), ...[...s.fields, ...(s.groups ?? []).flatMap((g) => g.fields)].map((f) => f.name)]);

function SectionFields({ section: s, values, errors }: { section: ApplySection; values: Record<string, string>; errors: Record<string, string> }) {
  const error = s.name ? errors[s.name] : undefined;
  return (
    <fieldset class="apply-form__section" id={s.name ? fieldId(s.name) : undefined}>
      <legend class="apply-form__legend">{s.legend}</legend>
      {s.hint ? <p class="field__hint">{s.hint}</p> : null}
      {error ? (
        <p class="field__error">
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <PanelFields fields={s.fields} values={values} errors={errors} />
      {(s.groups ?? []).map((g) => (
        <>
          <h3 class="subheading">{g.heading}</h3>
          <PanelFields fields={g.fields} values={values} errors={errors} />
        </>
      ))}
    </fieldset>
  );
}

/** 政府信息公开申请表: what Art. 29 asks for, and nothing more. Works without JavaScript. */
export function ApplyPage(p: ApplyPageProps) {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  const staff = p.staffMode?.staff;
  const sections = p.staffMode ? [channelSection(p.staffMode.channels), ...APPLY_SECTIONS] : APPLY_SECTIONS;
  const title = staff ? '登记政府信息公开申请' : '政府信息公开申请';
  return (
    <Layout
      title={title}
      section={staff ? 'staff' : 'apply'}
      navHref={staff ? '/staff/requests' : undefined}
      breadcrumbs={
        staff ? [{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/requests', label: '依申请公开' }, { label: '登记申请' }] : [{ href: ROUTES.home, label: '首页' }, { label: '依申请公开' }]
      }
    >
      <h1 class="page-title">{title}</h1>
      {staff ? (
        <p class="lead">当面、邮寄、传真或口头提出的申请，由工作人员在此登记。登记人即为本申请的承办人（首问负责）。</p>
      ) : (
        <>
          <p class="lead">
            依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，您可以向本机关申请获取政府信息。请如实填写以下内容，带“必填”标记的为必填项。提交后将显示申请编号和查询码，请妥善保存。
          </p>
          <p>
            已提交申请？<a href={ROUTES.track}>查询办理进度</a>
          </p>
        </>
      )}
      <ErrorSummary errors={p.errors} order={APPLY_FIELD_ORDER} />
      <FormPanel class="form apply-form" action={p.staffMode?.action ?? '/apply'} button={staff ? '登记申请' : '提交申请'} buttonClass="button--large" multipart noSummary hidden={{ nonce: p.nonce }}>
        {sections.map((s) => (
          <SectionFields section={s} values={v} errors={e} />
        ))}
      </FormPanel>
    </Layout>
  );
}

export interface ReceiptPageProps {
  result: SubmitResult;
  /** Registered by a member of staff (their breadcrumbs, the case link, the duplicates hint). */
  staffMode: boolean;
  submittedAt: string;
  emailSent: boolean;
}

/** 申请回执: printable; the access code appears here once and is not stored in clear. */
export function ReceiptPage({ result: r, staffMode: staff, ...p }: ReceiptPageProps) {
  return (
    <Layout
      title="申请回执"
      section={staff ? 'staff' : 'apply'}
      breadcrumbs={
        staff
          ? [{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/requests', label: '依申请公开' }, { label: '申请回执' }]
          : [{ href: ROUTES.home, label: '首页' }, { href: ROUTES.apply, label: '依申请公开' }, { label: '申请回执' }]
      }
    >
      <h1 class="page-title">政府信息公开申请回执</h1>
      <ReceiptCodes received={staff ? '申请已登记。请将本回执（含查询码）交给申请人。' : '我们已收到您的申请。'} trackingNumber={r.trackingNumber} accessCode={formatAccessCode(r.accessCode)} />
      <MetaTable
        layout="single"
        caption="申请信息"
        rows={[
          { label: '提交时间', value: p.submittedAt },
          { label: '收到申请之日', value: r.receivedOn ?? '待工作人员确认' },
          { label: '确定规则', value: r.receiptRule },
          {
            label: '答复期限',
            value: r.answerDue ? (
              <DueDate due={r.answerDue} provisional={r.provisional}>
                <span class="data-table__sub">自收到申请之日起20个工作日内答复；需要补正、征求意见或依法延期的，期限相应调整。</span>
              </DueDate>
            ) : (
              '收到申请之日确定后计算'
            ),
          },
        ]}
      />
      {p.emailSent ? <p>回执已发送到您填写的电子邮箱（邮件中不含查询码）。</p> : null}
      {staff && r.duplicates.length > 0 ? (
        <Notice kind="warning" title="可能的重复申请">
          <p>该申请人有 {r.duplicates.length} 件内容相近的申请，请在办理时核查（仅提示，不自动处理）。</p>
        </Notice>
      ) : null}
      <p class="no-print button-group">
        <a class="button button--primary" href={`${ROUTES.track}?tn=${encodeURIComponent(r.trackingNumber)}`}>
          查询办理进度
        </a>
        {staff ? (
          <a class="button button--secondary" href={`/staff/requests/${r.trackingNumber}`}>
            打开案件
          </a>
        ) : null}
      </p>
    </Layout>
  );
}
