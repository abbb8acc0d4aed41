import { randomBytes } from 'node:crypto';
import { filesOf, flatValues, readForm } from '../form-body';
import { Hono, type Context } from 'hono';
import { MAX_UPLOAD_BYTES } from '#application/clarifications';
import type { AppDependencies } from '#application/context';
import {
  actOnCorrection,
  evidenceUrl,
  findCorrectionByTracking,
  getCorrection,
  listCorrections,
  MAX_EVIDENCE,
  submitCorrection,
  withdrawCorrection,
  type CorrectionTrackingView,
  type CorrectionView,
} from '#application/corrections';
import { DomainError, NotFoundError, ValidationError } from '#domain/errors';
import { CORRECTION_COMMAND_LABELS, CORRECTION_OUTCOME_LABELS, CORRECTION_STATUS_LABELS, CORRECTION_TRANSITIONS, type CorrectionCommandType, type CorrectionStatus } from '#domain/corrections';
import { formatAccessCode } from '#domain/requests/tracking';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '#domain/secrecy';
import type { StaffEnv, WebEnv } from '../env';
import { formStep } from '../form-step';
import { shanghaiDateTime } from '../page-context';
import type { BadgeTone } from '../views/components/StatusBadge';
import type { StepForm } from '../views/pages/clarifications';
import { CorrectionCasePage, CorrectionReceiptPage, CorrectionRequestPage, CorrectionTrackPage, StaffCorrectionsPage, type CorrectionStatusPanelProps } from '../views/pages/corrections';

export const CORRECTION_TONES: Record<CorrectionStatus, BadgeTone> = {
  submitted: 'neutral',
  registered: 'info',
  assessing: 'info',
  correcting: 'info',
  'answer-drafting': 'info',
  'secrecy-review': 'warning',
  'answer-approved': 'success',
  answered: 'success',
  closed: 'neutral',
  withdrawn: 'neutral',
};

const COMMANDS = new Set(CORRECTION_TRANSITIONS.map((t) => t.command));

/**
 * The status of a correction request for its tracking number and access code. Shared by
 * /corrections/track and the general /track form, which hands GZ- numbers over to it.
 */
export async function showCorrectionStatus(c: Context<WebEnv>, deps: AppDependencies, values: Record<string, string>) {
  try {
    const view = await findCorrectionByTracking(deps, values['trackingNumber'] ?? '', values['accessCode'] ?? '', { ip: c.get('clientAddress') });
    return c.render(<CorrectionTrackPage result={{ ...correctionPanelProps(view), ...(view.canWithdraw ? { withdraw: true } : {}) }} />);
  } catch (error) {
    if (error instanceof ValidationError) return c.render(<CorrectionTrackPage values={{ trackingNumber: values['trackingNumber'] ?? '' }} errors={error.fields} />, 400);
    if (error instanceof DomainError && error.status === 404) return c.render(<CorrectionTrackPage values={{ trackingNumber: values['trackingNumber'] ?? '' }} errors={{ _: error.message }} />, 404);
    throw error;
  }
}

/** Props of CorrectionStatusPanel from the lookup result (for /track and /corrections/track). */
export function correctionPanelProps(v: CorrectionTrackingView): CorrectionStatusPanelProps {
  return {
    trackingNumber: v.trackingNumber,
    statusLabel: v.statusLabel,
    submittedOn: v.submittedOn,
    ...(v.receivedOn ? { receivedOn: v.receivedOn } : {}),
    ...(v.due ? { due: v.due, dueProvisional: v.dueProvisional } : {}),
    record: v.record,
    ...(v.outcomeLabel ? { outcomeLabel: v.outcomeLabel } : {}),
    timeline: v.timeline.map((t) => ({ at: shanghaiDateTime(t.at), label: t.label })),
    ...(v.answerText ? { answerText: v.answerText } : {}),
    ...(v.answeredOn ? { answeredOn: v.answeredOn } : {}),
  };
}

function stepForm(tn: string, command: CorrectionCommandType, view: CorrectionView): StepForm {
  const action = `/staff/corrections/${tn}/${command}`;
  const label = CORRECTION_COMMAND_LABELS[command];
  const d = view.record.data;
  switch (command) {
    case 'register':
      return {
        command,
        label,
        action,
        fields: [{ name: 'receivedOn', label: '收到申请之日', as: 'date', value: d.case.submittedOn, required: true }],
        note: '登记后开始计算答复期限（默认 20 个工作日）。',
      };
    case 'decideCorrect':
      return { command, label, action, fields: [{ name: 'plannedCorrection', label: '拟更正的内容', as: 'textarea', value: d.requestedCorrection, required: true }] };
    case 'recordCorrection':
      return {
        command,
        label,
        action,
        note: '公开信息的更正在“主动公开”中办理：修订该信息、保密审查后发布新版本（原版本保留在修订记录中），再在此登记。',
        fields: [
          {
            name: 'recordType',
            label: '记录类型',
            as: 'select',
            options: [
              { value: 'item', label: '公开信息' },
              { value: 'document', label: '文档' },
              { value: 'other', label: '其他记录' },
            ],
            value: 'item',
          },
          { name: 'recordId', label: '记录编号', value: d.record.itemId, required: true },
          { name: 'previousVersion', label: '原版本号', hint: '公开信息可留空：按当前公开版本的前一版填写。' },
          { name: 'newVersion', label: '更正后版本号', hint: '公开信息可留空：按当前公开的版本填写。' },
          { name: 'summary', label: '更正说明', as: 'textarea', required: true },
        ],
      };
    case 'decideRefer':
      return {
        command,
        label,
        action,
        secondary: true,
        fields: [
          { name: 'competentAgency', label: '有权更正的行政机关', required: true },
          { name: 'reasons', label: '理由', as: 'textarea', required: true },
        ],
      };
    case 'decideRefuse':
      return { command, label, action, secondary: true, fields: [{ name: 'reasons', label: '不予更正的理由', as: 'textarea', required: true }] };
    case 'draftAnswer':
      return { command, label, action, fields: [], note: '按审核决定生成答复告知书（含救济途径）。' };
    case 'submitForSecrecyReview':
      return { command, label, action, fields: [], note: '答复告知书将进入保密审查（先审查、后提供）。' };
    case 'recordReviewApproved':
      return { command, label, action, fields: [], note: view.review ? `审查单当前状态：${REVIEW_STATUS_LABELS[view.review.status as ReviewStatus] ?? view.review.status}。` : undefined };
    case 'returnToDrafting':
      return { command, label, action, secondary: true, fields: [{ name: 'reason', label: '理由', as: 'textarea', required: true }] };
    case 'release':
      return { command, label, action, fields: [], note: '通过送达服务将经审查的答复告知书提供给申请人，申请人可凭编号和查询码查看。' };
    default:
      return { command, label, action, secondary: command === 'withdraw', fields: [] };
  }
}

/** The public correction request form, its receipt and lookup, and the staff pages. */
export function correctionRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.use('/corrections/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const requestPage = (c: Context<WebEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; nonce?: string } = {}) => {
    const { idNumber: _never, ...values } = extra.values ?? {};
    return (
      <CorrectionRequestPage
        nonce={extra.nonce ?? randomBytes(16).toString('base64url')}
        maxMb={MAX_UPLOAD_BYTES / 1024 / 1024}
        maxFiles={MAX_EVIDENCE}
        values={values}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />
    );
  };
  app.get('/corrections/request', (c) => c.render(requestPage(c)));
  app.post('/corrections/request', async (c) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    try {
      const r = await submitCorrection(deps, { form: values, nonce: values['nonce'] ?? '', evidence: await filesOf(body, 'evidence') }, { ip: c.get('clientAddress') });
      return c.render(<CorrectionReceiptPage trackingNumber={r.trackingNumber} accessCode={formatAccessCode(r.accessCode)} submittedOn={r.submittedOn} />);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      c.status(400);
      return c.render(requestPage(c, { values, errors: Object.keys(error.fields).length ? error.fields : { _: error.message }, ...(values['nonce'] ? { nonce: values['nonce'] } : {}) }));
    }
  });

  app.get('/corrections/track', (c) => {
    return c.render(<CorrectionTrackPage />);
  });
  app.post('/corrections/track', async (c) => showCorrectionStatus(c, deps, flatValues(await readForm(c))));

  app.post('/corrections/withdraw', async (c) => {
    const values = flatValues(await readForm(c));
    try {
      const view = await withdrawCorrection(deps, values['trackingNumber'] ?? '', values['accessCode'] ?? '', { ip: c.get('clientAddress') });
      return c.render(<CorrectionTrackPage flash="您的更正申请已撤回。" result={correctionPanelProps(view)} />);
    } catch (error) {
      if (error instanceof ValidationError)
        return c.render(<CorrectionTrackPage values={{ trackingNumber: values['trackingNumber'] ?? '' }} errors={Object.keys(error.fields).length ? error.fields : { _: error.message }} />, 400);
      if (error instanceof DomainError && (error.status === 404 || error.status === 409))
        return c.render(<CorrectionTrackPage values={{ trackingNumber: values['trackingNumber'] ?? '' }} errors={{ _: error.message }} />, error.status);
      throw error;
    }
  });

  return app;
}

/** The staff case pages of corrections: the list, one case, its evidence and its steps. */
export function staffCorrectionRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  app.get('/staff/corrections', async (c) => {
    const today = shanghaiDateTime(deps.clock.now().toISOString()).slice(0, 10);
    const rows = (await listCorrections(deps)).map((r) => ({
      trackingNumber: r.trackingNumber,
      href: `/staff/corrections/${r.trackingNumber}`,
      applicant: r.applicantName,
      record: r.record,
      statusLabel: r.statusLabel,
      statusTone: CORRECTION_TONES[r.status],
      ...(r.due && r.dueOpen ? { due: r.due } : {}),
      overdue: Boolean(r.dueOpen && r.due && r.due < today),
    }));
    return c.render(<StaffCorrectionsPage rows={rows} />);
  });

  const casePage = async (c: Context<StaffEnv>, tn: string, extra: { flash?: string; errors?: Record<string, string>; failedCommand?: string; refusal?: string } = {}) => {
    const view = await getCorrection(deps, c.get('staff'), tn);
    const { data, version } = view.record;
    const k = data.case;
    return (
      <CorrectionCasePage
        trackingNumber={k.trackingNumber}
        version={version}
        statusLabel={CORRECTION_STATUS_LABELS[k.status]}
        statusTone={CORRECTION_TONES[k.status]}
        meta={[
          { label: '申请人', value: data.applicant.name },
          { label: '身份证件号码', value: data.applicant.idMasked },
          { label: '联系方式', value: [data.applicant.phone, data.applicant.email, data.applicant.address].filter(Boolean).join('，') },
          { label: '提交日期', value: k.submittedOn },
          { label: '收到申请之日', value: k.receivedOn ?? '待登记' },
          { label: '答复期限', value: k.due ? `${k.due}${k.dueProvisional ? '（暂定）' : ''}` : '登记后计算' },
          { label: '承办人', value: data.handlerName ?? '待分派' },
        ]}
        request={[
          { label: '记录', value: data.record.description },
          ...(data.record.itemId ? [{ label: '公开信息', value: <a href={`/staff/items/${encodeURIComponent(data.record.itemId)}`}>{data.record.itemId}（在“主动公开”中修订）</a> }] : []),
          { label: '不准确的内容', value: data.inaccuracy },
          { label: '应当更正为', value: data.requestedCorrection },
        ]}
        evidence={data.evidence.map((e) => ({ href: `/staff/corrections/${k.trackingNumber}/evidence/${e.id}`, label: `证据：${e.fileName}` }))}
        decision={
          k.outcome
            ? [
                { label: '决定', value: CORRECTION_OUTCOME_LABELS[k.outcome] },
                ...(k.plannedCorrection ? [{ label: '拟更正的内容', value: k.plannedCorrection }] : []),
                ...(k.corrected ? [{ label: '更正后的版本', value: `${k.corrected.recordId}：第 ${k.corrected.previousVersion} 版 → 第 ${k.corrected.newVersion} 版（${k.corrected.summary}）` }] : []),
                ...(k.referredTo ? [{ label: '转送机关', value: k.referredTo }] : []),
                ...(k.reasons ? [{ label: '理由', value: k.reasons }] : []),
              ]
            : undefined
        }
        letterText={data.letterText}
        review={view.review ? { id: view.review.id, href: `/staff/reviews/${view.review.id}`, statusLabel: REVIEW_STATUS_LABELS[view.review.status as ReviewStatus] ?? view.review.status } : undefined}
        timeline={data.timeline.map((t) => ({ at: shanghaiDateTime(t.at), label: t.label, by: t.actor.name, note: t.note }))}
        steps={view.available.map((cmd) => stepForm(k.trackingNumber, cmd, view))}
        {...extra}
      />
    );
  };

  app.get('/staff/corrections/:tn', async (c) => c.render(await casePage(c, c.req.param('tn'), { flash: c.req.query('done') ? '已办理。' : undefined })));
  app.get('/staff/corrections/:tn/evidence/:evidenceId', async (c) => c.redirect(await evidenceUrl(deps, c.req.param('tn'), c.req.param('evidenceId')), 302));
  formStep(app, '/staff/corrections/:tn/:command', {
    all: true,
    run: async (c, body, version) => {
      const tn = c.req.param('tn');
      const command = c.req.param('command') as CorrectionCommandType;
      if (!COMMANDS.has(command)) throw new NotFoundError('页面不存在。');
      await actOnCorrection(deps, c.get('staff'), tn, command, { ...flatValues(body), ...(version ? { expectedVersion: version } : {}) });
      return `/staff/corrections/${tn}?done=1`;
    },
    again: async (c, refusal) =>
      c.render(await casePage(c, c.req.param('tn'), refusal.status === 400 ? { errors: refusal.errors(), failedCommand: c.req.param('command') } : { refusal: refusal.message })),
  });

  return app;
}
