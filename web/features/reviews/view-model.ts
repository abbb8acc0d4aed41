import type { QueueItem, ReviewView } from '#application/secrecy';
import {
  CHECKLIST_ITEMS,
  CHECKLIST_LABELS,
  CONCLUSION_LABELS,
  FINDING_KIND_LABELS,
  REFERRAL_BODY_LABELS,
  REVIEW_STAGES,
  REVIEW_STATUS_LABELS,
  reviewWorkflow,
  SIGN_COMMANDS,
  STAGE_LABELS,
  type ReviewCommandType,
  type ReviewStatus,
  type SecrecyReview,
} from '#domain/secrecy';
import { ROLE_LABELS } from '#domain/staff';
import { ownValue } from '#domain/untrusted-input';
import { shanghaiDateTime } from '../../page-context';
import type { FailedStep, StepView } from '../../views/components/CaseSteps';
import type { BadgeTone } from '../../views/components/StatusBadge';
import { formatBytes } from '../../views/format';
import { stepViews } from '../case/steps';
import type { CaseArea, ListFilter, TimelineRow } from '../case/CasePage';

/** Where a release went, as the review page lists it. */
const RELEASE_TARGET_LABELS: Record<ReviewView['releases'][number]['target'], string> = { public: '主动公开', applicant: '提供给申请人', consultee: '送达被征求意见方' };

export const SUBJECT_LABELS: Record<SecrecyReview['subject']['type'], string> = {
  publication: '主动公开信息',
  answer: '依申请公开答复',
  clarification: '澄清信息',
  notice: '依申请公开程序性告知书',
};

/** The types as the choices of the queue's filter. */
export const SUBJECT_OPTIONS = Object.entries(SUBJECT_LABELS).map(([value, label]) => ({ value, label }));
/** What a review may be opened for by hand: a notice goes to review from its application. */
export const SUBMITTABLE_SUBJECTS = SUBJECT_OPTIONS.filter((o) => o.value !== 'notice');

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
export const flashOf = (done: string | undefined) => ownValue(FLASH, done);

/** 45 → "45分钟"; 1500 → "1天1小时". */
export function waitingText(minutes: number): string {
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时${minutes % 60 ? `${minutes % 60}分钟` : ''}`;
  const days = Math.floor(hours / 24);
  return `${days}天${hours % 24 ? `${hours % 24}小时` : ''}`;
}

/** Waiting longer than this many minutes is flagged (3 days: a typical local review time limit is 5–7 working days). */
export const LONG_WAIT_MINUTES = 3 * 24 * 60;

const stageText = (r: Pick<SecrecyReview, 'status' | 'stage'>, onHold: string) =>
  r.status === 'approved' || r.status === 'withheld' ? '已办结' : r.status === 'on-hold' ? onHold : STAGE_LABELS[r.stage];

export const REVIEWS: CaseArea = { href: '/staff/reviews', label: '保密审查' };

/** A review in the queue: the list's row (its title as the link) and the queue's own columns. */
export type ReviewQueueRow = ReturnType<typeof queueRow>;

export const queueRow = (item: QueueItem) => ({
  ...item,
  label: item.title,
  sub: `${SUBJECT_LABELS[item.subjectType] ?? item.subjectType} · 承办人 ${item.author}${item.round > 1 ? ` · 第${item.round}轮` : ''}`,
  href: `${REVIEWS.href}/${item.id}`,
  status: { label: REVIEW_STATUS_LABELS[item.status], tone: STATUS_TONES[item.status] },
  stageLabel: stageText(item, '报请确定'),
});

/** The queue's filters: the stage (or on hold) and the type of information. */
export const queueFilters = (values: { stage: string; type: string }): ListFilter[] => [
  {
    name: 'stage',
    label: '审查环节',
    all: '全部环节',
    options: [...REVIEW_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })), { value: 'on-hold', label: '报请确定（暂缓）' }],
    value: values.stage,
  },
  { name: 'type', label: '信息类型', all: '全部类型', options: SUBJECT_OPTIONS, value: values.type },
];

/** Split a text into plain and highlighted segments at the findings of one source. */
function segmentsOf(text: string, marks: { start: number; end: number; n: number; kindLabel: string }[]) {
  const out: { text: string; findingN?: number; kindLabel?: string }[] = [];
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

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Where each step's form posts (the routes' paths). */
const PATHS: Record<ReviewCommandType, string> = {
  signSelf: 'sign',
  signHead: 'sign',
  signSecrecy: 'sign',
  signLeader: 'sign',
  return: 'return',
  revise: 'revise',
  resolveFinding: 'findings',
  attachRedacted: 'redact-text',
  referralReply: 'referral-reply',
};

/** A form post that failed: the path it posted to, its messages and what was typed. */
export type FailedPost = Omit<FailedStep, 'id'> & { readonly path: string };

/**
 * The page's forms are the steps the table offers this person, with the table's fields: the
 * waiting stage's 审查单, revising (at the author's self-review only: revising a decided review
 * voids it), returning, the referral's reply, the body's redaction; and 发布 when the review allows it.
 */
function stepsOf(view: ReviewView): StepView[] {
  const { id } = view.review;
  const can = (c: ReviewCommandType) => view.available.includes(c);
  const sign = REVIEW_STAGES.map((s) => SIGN_COMMANDS[s]).find(can);
  const commands = [sign, sign === 'signSelf' && can('revise') ? 'revise' : undefined, can('return') ? 'return' : undefined, can('referralReply') ? 'referralReply' : undefined];
  if (can('attachRedacted') && view.content.bodyKey) commands.push('attachRedacted');
  const steps = stepViews(
    reviewWorkflow,
    commands.filter((c): c is ReviewCommandType => c !== undefined),
    (c, form) => {
      const action = `/staff/reviews/${id}/${PATHS[c]}`;
      if (c === sign) return { action, hidden: { stage: view.review.stage, digest: view.currentDigest }, button: `签署${STAGE_LABELS[view.review.stage]}` };
      if (c === 'revise') return { action, values: { text: view.texts['body'] ?? '' }, button: '保存修改并重新检测' };
      if (c === 'return') return { action, button: '退回承办人修改' };
      if (c === 'referralReply') return { action, button: '登记答复并恢复审查' };
      return { action, button: '生成删除处理版本', description: `标记为“删除”的检测结果将被替换为 ■（每个字符一个）。${form.fields[0]?.hint ?? ''}`, values: {} };
    },
  );
  if (!view.mayRelease) return steps;
  const description = `审查已通过。发布时系统再次核对内容摘要，只发布审查通过的版本${view.review.redaction ? '（删除处理后的版本）' : ''}。`;
  return [...steps, { id: 'release', title: '发布', action: `/staff/reviews/${id}/release`, fields: [], description, button: '发布到主动公开栏目' }];
}

/** When the table offers this person nothing, what the review waits for and the table's reason. */
function waitingFor(view: ReviewView): string | undefined {
  const { review } = view;
  if (!view.refusal) return undefined;
  const lead = review.status === 'on-hold' ? '该信息正在报请有关部门确定，暂缓公开。' : `等待“${STAGE_LABELS[review.stage]}”${review.stage === 'self' ? `（承办人：${review.author.name}）` : ''}。`;
  return lead + view.refusal;
}

const conclusionText = (c: NonNullable<SecrecyReview['records'][number]['conclusion']>) =>
  `${CONCLUSION_LABELS[c.type]}${c.type === 'withhold' ? `（依据：${c.legalBasis}）` : c.type === 'refer' ? `（${REFERRAL_BODY_LABELS[c.referTo]}：${c.body}）` : ''}`;

/** 审查记录: every signature and return with its 审查单, and every referral with its reply, in time order. */
function historyOf(review: SecrecyReview): TimelineRow[] {
  const records = review.records.map((r) => {
    const checklist = r.checklist ? CHECKLIST_ITEMS.map((item) => `${CHECKLIST_LABELS[item]}：${r.checklist![item].involved ? `是（${r.checklist![item].note ?? ''}）` : '否'}`).join('；') : '';
    const note = [r.conclusion ? `结论：${conclusionText(r.conclusion)}` : '', r.comments ? `意见：${r.comments}` : '', checklist].filter(Boolean).join('。');
    return { at: r.at, label: `${STAGE_LABELS[r.stage]} · ${r.action === 'signed' ? '签署' : '退回'} · 第${r.round}轮`, by: `${r.by.name}（${ROLE_LABELS[r.by.role]}）`, note };
  });
  const referrals = review.referrals.map((r) => ({
    at: r.sentAt,
    label: `报请确定（${STAGE_LABELS[r.stage]}）· ${REFERRAL_BODY_LABELS[r.referTo]}：${r.body}`,
    by: r.by.name,
    note: r.reply ? `答复：${r.reply.text}（${r.reply.recordedBy.name} 登记，${shanghaiDateTime(r.reply.recordedAt)}）` : '等待答复',
  }));
  return [...records, ...referrals].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((row) => ({ ...row, at: shanghaiDateTime(row.at) }));
}

export type ReviewPageProps = ReturnType<typeof reviewPageProps>;

export function reviewPageProps(view: ReviewView, now: Date, publicFilesBaseUrl: string, state: { flash?: string | undefined; refusal?: string; failed?: FailedPost } = {}) {
  const { review, content } = view;
  const kind = (f: { kind: keyof typeof FINDING_KIND_LABELS }) => FINDING_KIND_LABELS[f.kind];
  const marksFor = (source: string) => review.findings.flatMap((f, i) => (f.source === source ? [{ start: f.start, end: f.end, n: i + 1, kindLabel: kind(f) }] : []));
  const part = (source: string, label: string, a?: ReviewView['content']['attachments'][number]) => ({
    label,
    segments: segmentsOf(view.texts[source] ?? '', marksFor(source)),
    warnings: a?.warnings ?? [],
    metadataWarnings: a?.metadataWarnings ?? [],
    redactedFile: a && view.redacted?.files[a.id],
  });
  const sections = [...(content.bodyKey ? [part('body', '正文')] : []), ...content.attachments.map((a) => part(a.id, `附件：${a.fileName}（${formatBytes(a.sizeBytes)}）`, a))];
  const steps = stepsOf(view);
  const { failed: failedPost, ...outcome } = state;
  const failedStep = failedPost && steps.find((s) => s.id === failedPost.path || (s.id !== 'release' && PATHS[s.id as ReviewCommandType] === failedPost.path));
  const base = publicFilesBaseUrl.replace(/\/$/, '');
  return {
    id: review.id,
    version: view.record.version,
    title: review.subject.title ?? review.subject.id,
    meta: [
      { label: '审查单编号', value: review.id },
      { label: '信息类型', value: SUBJECT_LABELS[review.subject.type] ?? review.subject.type },
      { label: '承办人', value: review.author.name },
      { label: '当前环节', value: stageText(review, '报请确定（暂缓）') },
      { label: '审查轮次', value: `第 ${review.round} 轮` },
      { label: '送审时间', value: shanghaiDateTime(review.createdAt) },
      { label: '内容摘要（SHA-256）', value: `${view.currentDigest.slice(0, 16)}…` },
      { label: '已等待', value: waitingText(Math.max(0, Math.floor((now.getTime() - Date.parse(view.waitingSince)) / 60_000))) },
    ],
    status: { label: REVIEW_STATUS_LABELS[review.status], tone: STATUS_TONES[review.status] },
    sections,
    redactedBody: view.redactedBody,
    redaction: review.redaction,
    findings: review.findings.map((f, i) => {
      const resolved = review.resolutions[f.id];
      return {
        n: i + 1,
        id: f.id,
        sourceLabel: f.source === 'body' ? '正文' : `附件：${content.attachments.find((a) => a.id === f.source)?.fileName ?? f.source}`,
        kindLabel: kind(f),
        preview: f.preview,
        location: `第 ${lineOf(view.texts[f.source] ?? '', f.start)} 行`,
        resolution: resolved && {
          action: resolved.resolution.action,
          reason: resolved.resolution.action === 'keep' ? resolved.resolution.reason : undefined,
          by: resolved.by.name,
          at: shanghaiDateTime(resolved.at),
        },
      };
    }),
    // The table's form of 处理检测结果, when this person may resolve findings: one small form per finding.
    findingFields: view.available.includes('resolveFinding') ? reviewWorkflow.transition('resolveFinding')?.form?.fields : undefined,
    // Attachments whose redacted version this person may upload.
    redactFiles: view.available.includes('attachRedacted') ? content.attachments.map((a) => ({ id: a.id, fileName: a.fileName })) : [],
    steps,
    failed: failedPost && failedStep ? { ...failedPost, id: failedStep.id } : undefined,
    failedPost,
    waitingFor: waitingFor(view),
    ...outcome,
    history: historyOf(review),
    releases: view.releases.map((r) => ({
      at: shanghaiDateTime(r.releasedAt),
      targetLabel: RELEASE_TARGET_LABELS[r.target],
      by: r.releasedBy.name ?? r.releasedBy.id,
      files: r.files.map((f) => ({ fileName: f.fileName, url: r.target === 'public' ? `${base}/${f.key.replace(/^files\//, '')}` : undefined })),
    })),
  };
}
