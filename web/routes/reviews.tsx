import { formStep } from '../form-step';
import { ownValue } from '#domain/untrusted-input';
import { Hono, type Context } from 'hono';
import type { AppDependencies } from '#application/context';
import { uploadDocument } from '#application/documents';
import {
  getReview,
  maySubmitForReview,
  publishReviewedDocument,
  recordReferral,
  redactReviewText,
  attachRedactedFile,
  resolveReviewFinding,
  returnReview,
  reviewQueueFor,
  reviseReviewContent,
  signReviewStage,
  submitForReview,
  type QueueItem,
  type ReviewView,
} from '#application/secrecy';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '#domain/documents/document';
import { ValidationError } from '#domain/errors';
import {
  CHECKLIST_ITEMS,
  CHECKLIST_LABELS,
  CONCLUSION_LABELS,
  FINDING_KIND_LABELS,
  REFERRAL_BODY_LABELS,
  REVIEW_STAGES,
  REVIEW_STATUS_LABELS,
  SIGN_COMMANDS,
  STAGE_LABELS,
  type Checklist,
  type Conclusion,
  type ReviewCommandType,
  type ReviewStage,
  type ReviewStatus,
  type SecrecyReview,
} from '#domain/secrecy';
import { ROLE_LABELS, type StaffMember } from '#domain/staff';
import type { StaffEnv } from '../env';
import type { BadgeTone } from '../views/components/StatusBadge';
import { formatBytes } from '../views/format';
import { ReviewNewPage, ReviewPage, ReviewQueuePage, type ContentSection, type FindingView, type QueueRow, type ReviewActions, type Segment } from '../views/pages/review';

export const SUBJECT_LABELS: Record<SecrecyReview['subject']['type'], string> = {
  publication: '主动公开信息',
  answer: '依申请公开答复',
  clarification: '澄清信息',
};

export const STATUS_TONES: Record<ReviewStatus, BadgeTone> = {
  draft: 'neutral',
  'in-review': 'info',
  'on-hold': 'warning',
  returned: 'warning',
  approved: 'success',
  withheld: 'danger',
};

const FLASH: Record<string, string> = {
  submitted: '已提交审查。请完成承办人自审并签署。',
  signed: '已签署。',
  returned: '已退回承办人。',
  resolved: '已保存处理意见。',
  redacted: '已生成删除处理后的版本并通过核验。',
  'redacted-partial': '已保存删除处理后的正文；仍有附件需要上传删除处理版本。',
  'file-attached': '已接收删除处理后的文件并通过核验。',
  'file-partial': '已接收该文件；其他部分仍需删除处理。',
  revised: '内容已修改并重新检测。',
  referral: '已登记答复，审查恢复。',
  released: '已发布。',
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function queueRow(item: QueueItem): QueueRow {
  return {
    id: item.id,
    href: `/staff/reviews/${item.id}`,
    title: item.title,
    subjectLabel: SUBJECT_LABELS[item.subjectType] ?? item.subjectType,
    stageLabel: item.status === 'approved' || item.status === 'withheld' ? '已办结' : item.status === 'on-hold' ? '报请确定' : STAGE_LABELS[item.stage],
    statusLabel: REVIEW_STATUS_LABELS[item.status],
    statusTone: STATUS_TONES[item.status],
    author: item.author,
    waitingSince: item.waitingSince,
    waitingMinutes: item.waitingMinutes,
    findingCount: item.findingCount,
    unresolvedCount: item.unresolvedCount,
    round: item.round,
  };
}

/** Checklist and conclusion from the sign form (`checklist.<item>` = yes/no, `checklist.<item>.note`). */
export function signFormInput(body: Record<string, unknown>): { checklist: Checklist; conclusion: Conclusion; comments: string } {
  const checklist = {} as Record<string, { involved: boolean; note?: string }>;
  for (const item of CHECKLIST_ITEMS) {
    const answer = str(body[`checklist.${item}`]);
    const note = str(body[`checklist.${item}.note`]).trim();
    if (answer === 'yes' || answer === 'no') checklist[item] = { involved: answer === 'yes', ...(note ? { note } : {}) };
  }
  const type = str(body['conclusion']);
  const conclusion = type === 'withhold' ? { type, legalBasis: str(body['legalBasis']) } : type === 'refer' ? { type, referTo: str(body['referTo']), body: str(body['referBody']) } : { type };
  return { checklist: checklist as unknown as Checklist, conclusion: conclusion as Conclusion, comments: str(body['comments']) };
}

/** Split a text into plain and highlighted segments at the findings of one source. */
function segmentsOf(text: string, marks: { start: number; end: number; n: number; kindLabel: string }[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < pos || m.end > text.length) continue;
    if (m.start > pos) out.push({ text: text.slice(pos, m.start) });
    out.push({ text: text.slice(m.start, m.end), findingN: m.n, kindLabel: m.kindLabel });
    pos = m.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The page's forms are the steps the table offers this person; when it offers none, the table's reason. */
function actionsFor(view: ReviewView): { actions: ReviewActions; waitingFor?: string } {
  const { review, available } = view;
  const can = (command: ReviewCommandType) => available.includes(command);
  const actions: ReviewActions = {};
  if (view.mayRelease) actions.release = { label: '发布到主动公开栏目' };
  if (can('referralReply')) actions.referralReply = true;
  const sign = REVIEW_STAGES.find((stage) => can(SIGN_COMMANDS[stage]));
  if (sign) actions.sign = { stage: sign, stageLabel: STAGE_LABELS[sign], allowRefer: sign !== 'self' };
  // Revising a decided review voids it: the page offers it at the author's self-review only.
  if (sign === 'self' && can('revise')) actions.revise = { text: view.texts['body'] ?? '' };
  if (can('return')) actions.returnToAuthor = true;
  if (can('resolveFinding')) actions.resolveFindings = review.findings.length > 0;
  if (can('attachRedacted')) {
    actions.redactText = Boolean(view.content.bodyKey);
    actions.redactFiles = view.content.attachments.map((a) => ({ id: a.id, fileName: a.fileName }));
  }
  if (!view.refusal) return { actions };
  const lead = review.status === 'on-hold' ? '该信息正在报请有关部门确定，暂缓公开。' : `等待“${STAGE_LABELS[review.stage]}”${review.stage === 'self' ? `（承办人：${review.author.name}）` : ''}。`;
  return { actions, waitingFor: lead + view.refusal };
}

export function reviewPageProps(
  c: Context<StaffEnv>,
  deps: AppDependencies,
  view: ReviewView,
  extra: { flash?: string; refusal?: string; errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  const { review, content } = view;
  const sourceLabel = (source: string) => (source === 'body' ? '正文' : `附件：${content.attachments.find((a) => a.id === source)?.fileName ?? source}`);
  const findings: FindingView[] = review.findings.map((f, i) => {
    const resolved = review.resolutions[f.id];
    return {
      n: i + 1,
      id: f.id,
      sourceLabel: sourceLabel(f.source),
      kindLabel: FINDING_KIND_LABELS[f.kind],
      preview: f.preview,
      location: `第 ${lineOf(view.texts[f.source] ?? '', f.start)} 行`,
      resolution: resolved
        ? { action: resolved.resolution.action, reason: resolved.resolution.action === 'keep' ? resolved.resolution.reason : undefined, by: resolved.by.name, at: resolved.at }
        : undefined,
    };
  });
  const marksFor = (source: string) =>
    review.findings
      .map((f, i) => ({ f, n: i + 1 }))
      .filter(({ f }) => f.source === source)
      .map(({ f, n }) => ({ start: f.start, end: f.end, n, kindLabel: FINDING_KIND_LABELS[f.kind] }));
  const sections: ContentSection[] = [];
  if (content.bodyKey) sections.push({ source: 'body', label: '正文', segments: segmentsOf(view.texts['body'] ?? '', marksFor('body')), warnings: [], metadataWarnings: [] });
  for (const a of content.attachments) {
    const r = view.redacted?.files[a.id];
    sections.push({
      source: a.id,
      label: `附件：${a.fileName}（${formatBytes(a.sizeBytes)}）`,
      segments: segmentsOf(view.texts[a.id] ?? '', marksFor(a.id)),
      warnings: [...a.warnings],
      metadataWarnings: [...a.metadataWarnings],
      redactedFile: r ? { fileName: r.fileName, metadataWarnings: [...r.metadataWarnings] } : undefined,
    });
  }
  const { actions, waitingFor } = actionsFor(view);
  const currentStage = review.status === 'approved' || review.status === 'withheld' ? '已办结' : review.status === 'on-hold' ? '报请确定（暂缓）' : STAGE_LABELS[review.stage];
  return {
    ...c.var.page,
    id: review.id,
    version: view.record.version,
    digest: view.currentDigest,
    title: review.subject.title ?? review.subject.id,
    meta: [
      { label: '审查单编号', value: review.id },
      { label: '信息类型', value: SUBJECT_LABELS[review.subject.type] ?? review.subject.type },
      { label: '承办人', value: review.author.name },
      { label: '当前环节', value: currentStage },
      { label: '审查轮次', value: `第 ${review.round} 轮` },
      { label: '送审时间', value: beijing(review.createdAt) },
      { label: '内容摘要（SHA-256）', value: `${view.currentDigest.slice(0, 16)}…` },
    ],
    statusLabel: REVIEW_STATUS_LABELS[review.status],
    statusTone: STATUS_TONES[review.status],
    waitingMinutes: Math.max(0, Math.floor((deps.clock.now().getTime() - Date.parse(view.waitingSince)) / 60_000)),
    sections,
    redactedBody: view.redactedBody,
    redactionAttached: Boolean(review.redaction),
    redactionWarnings: [...(review.redaction?.metadataWarnings ?? [])],
    findings,
    records: review.records.map((r) => ({
      round: r.round,
      stageLabel: STAGE_LABELS[r.stage],
      actionLabel: r.action === 'signed' ? '签署' : '退回',
      by: r.by.name,
      roleLabel: ROLE_LABELS[r.by.role],
      at: r.at,
      conclusion: r.conclusion
        ? `${CONCLUSION_LABELS[r.conclusion.type]}${r.conclusion.type === 'withhold' ? `（依据：${r.conclusion.legalBasis}）` : r.conclusion.type === 'refer' ? `（${REFERRAL_BODY_LABELS[r.conclusion.referTo]}：${r.conclusion.body}）` : ''}`
        : undefined,
      checklist: r.checklist ? CHECKLIST_ITEMS.map((item) => ({ label: CHECKLIST_LABELS[item], involved: r.checklist![item].involved, note: r.checklist![item].note })) : undefined,
      comments: r.comments,
    })),
    referrals: review.referrals.map((r) => ({
      stageLabel: STAGE_LABELS[r.stage],
      referTo: REFERRAL_BODY_LABELS[r.referTo],
      body: r.body,
      sentAt: r.sentAt,
      by: r.by.name,
      reply: r.reply ? { text: r.reply.text, at: r.reply.recordedAt, by: r.reply.recordedBy.name } : undefined,
    })),
    releases: view.releases.map((r) => ({
      at: r.releasedAt,
      targetLabel: r.target === 'public' ? '主动公开' : '提供给申请人',
      by: r.releasedBy.name ?? r.releasedBy.id,
      files: r.files.map((f) => ({ fileName: f.fileName, url: r.target === 'public' ? `${deps.config.publicFilesBaseUrl.replace(/\/$/, '')}/${f.key.replace(/^files\//, '')}` : undefined })),
    })),
    actions,
    waitingFor,
    checklistItems: CHECKLIST_ITEMS.map((item) => ({ name: item, label: CHECKLIST_LABELS[item] })),
    conclusionOptions: (['disclose', 'disclose-redacted', 'withhold', 'refer'] as const).map((v) => ({ value: v, label: CONCLUSION_LABELS[v] })),
    referToOptions: Object.entries(REFERRAL_BODY_LABELS).map(([value, label]) => ({ value, label })),
    ...extra,
  };
}

function beijing(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Staff pages of the secrecy review: queue, submission, the review page and its actions. */
export function reviewRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  const typeOptions = Object.entries(SUBJECT_LABELS).map(([value, label]) => ({ value, label }));

  app.get('/staff/reviews', async (c) => {
    const staff = c.get('staff');
    const stage = str(c.req.query('stage'));
    const type = str(c.req.query('type'));
    const filter = {
      stage: ([...REVIEW_STAGES, 'on-hold'] as string[]).includes(stage) ? (stage as ReviewStage | 'on-hold') : undefined,
      subjectType: type in SUBJECT_LABELS ? (type as SecrecyReview['subject']['type']) : undefined,
    };
    const { waiting, mine } = await reviewQueueFor(deps, staff, filter);
    return c.render(
      <ReviewQueuePage
        waiting={waiting.map(queueRow)}
        mine={mine.map(queueRow)}
        canSubmit={maySubmitForReview(staff)}
        filters={{ stage: filter.stage ?? '', type: filter.subjectType ?? '' }}
        stageOptions={[...REVIEW_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })), { value: 'on-hold', label: '报请确定（暂缓）' }]}
        typeOptions={typeOptions}
        flash={ownValue(FLASH, c.req.query('done'))}
      />,
    );
  });

  const newPage = (c: Context<StaffEnv>, extra: { errors?: Record<string, string>; values?: Record<string, string> } = {}) => {
    return <ReviewNewPage typeOptions={typeOptions} accept={Object.keys(ACCEPTED_DOCUMENT_TYPES).join(',')} maxBytesLabel={formatBytes(MAX_DOCUMENT_BYTES)} {...extra} />;
  };

  app.get('/staff/reviews/new', (c) => c.render(newPage(c)));

  const newValues = (body: Record<string, unknown>) => ({ title: str(body['title']), text: str(body['text']), subjectType: str(body['subjectType']) });
  formStep(app, '/staff/reviews/new', {
    run: async (c, body) => {
      const staff = c.get('staff');
      const values = newValues(body);
      const file = body['file'] instanceof File && body['file'].size > 0 ? body['file'] : undefined;
      const attachments = [];
      if (file) {
        const doc = await uploadDocument(deps, staff, { title: values.title || file.name, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        attachments.push({ fileKey: doc.fileKey, fileName: doc.fileName, contentType: doc.contentType });
      }
      const record = await submitForReview(deps, staff, { subject: { type: values.subjectType as SecrecyReview['subject']['type'], title: values.title }, text: values.text, attachments });
      return `/staff/reviews/${record.data.review.id}?done=submitted`;
    },
    again: (c, refusal, body) => c.render(newPage(c, { errors: refusal.status === 400 ? refusal.fields : { file: refusal.message }, values: newValues(body) })),
  });

  const show = async (c: Context<StaffEnv>, extra: Parameters<typeof reviewPageProps>[3] = {}) => {
    const view = await getReview(deps, c.get('staff'), c.req.param('id')!);
    return c.render(<ReviewPage {...reviewPageProps(c, deps, view, extra)} />);
  };

  app.get('/staff/reviews/:id', (c) => show(c, { flash: ownValue(FLASH, c.req.query('done')) }));

  /** Runs an action; refusals re-show the page with the message and what was typed. */
  const action = <P extends string>(path: P, run: (c: Context<StaffEnv, P>, staff: StaffMember, body: Record<string, unknown>, version: number | undefined) => Promise<string>) =>
    formStep(app, path, {
      run: async (c, body, version) => `/staff/reviews/${c.req.param('id')}?done=${await run(c, c.get('staff'), body, version)}#main-content`,
      again: (c, refusal, body) => {
        const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf' && k !== 'version' && k !== 'digest')) as Record<string, string>;
        return show(c, refusal.status === 400 ? { errors: refusal.errors(), values, refusal: refusal.message } : { refusal: refusal.message, values });
      },
    });

  action('/staff/reviews/:id/sign', async (c, staff, body, version) => {
    const input = signFormInput(body);
    await signReviewStage(deps, staff, c.req.param('id'), { expectedVersion: version, stage: str(body['stage']) as ReviewStage, contentDigest: str(body['digest']) || undefined, ...input });
    return 'signed';
  });

  action('/staff/reviews/:id/return', async (c, staff, body, version) => {
    await returnReview(deps, staff, c.req.param('id'), { expectedVersion: version, comments: str(body['returnComments']) });
    return 'returned';
  });

  action('/staff/reviews/:id/findings', async (c, staff, body, version) => {
    const act = str(body['action']);
    await resolveReviewFinding(deps, staff, c.req.param('id'), {
      expectedVersion: version,
      findingId: str(body['findingId']),
      resolution: act === 'keep' ? { action: 'keep', reason: str(body['reason']) } : act === 'redact' ? { action: 'redact' } : (undefined as never),
    });
    return 'resolved';
  });

  action('/staff/reviews/:id/redact-text', async (c, staff, body, version) => {
    const terms = str(body['terms'])
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean);
    const outcome = await redactReviewText(deps, staff, c.req.param('id'), { expectedVersion: version, terms });
    return outcome.attached ? 'redacted' : 'redacted-partial';
  });

  action('/staff/reviews/:id/redacted-file', async (c, staff, body, version) => {
    const attachmentId = str(body['attachmentId']);
    const file = body[`file-${attachmentId}`];
    if (!(file instanceof File) || file.size === 0) throw new ValidationError('请选择删除处理后的文件。', { [`file-${attachmentId}`]: '请选择删除处理后的文件。' });
    const outcome = await attachRedactedFile(deps, staff, c.req.param('id'), {
      expectedVersion: version,
      attachmentId,
      fileName: file.name,
      contentType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return outcome.attached ? 'file-attached' : 'file-partial';
  });

  action('/staff/reviews/:id/revise', async (c, staff, body, version) => {
    const id = c.req.param('id');
    const view = await getReview(deps, staff, id);
    // The page edits the text only; attachments stay as they are.
    const attachments = view.content.attachments.map((a) => ({ fileKey: a.fileKey, fileName: a.fileName, contentType: a.contentType }));
    await reviseReviewContent(deps, staff, id, { expectedVersion: version, text: str(body['text']), attachments });
    return 'revised';
  });

  action('/staff/reviews/:id/referral-reply', async (c, staff, body, version) => {
    await recordReferral(deps, staff, c.req.param('id'), { expectedVersion: version, reply: str(body['reply']) });
    return 'referral';
  });

  action('/staff/reviews/:id/release', async (c, staff, body, version) => {
    await publishReviewedDocument(deps, staff, c.req.param('id'), version);
    return 'released';
  });

  return app;
}
