import { CsrfField } from '../../components/CsrfField';
import { StepOutcome } from '../../components/StepOutcome';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId, FormField } from '../../components/FormField';
import { MetaTable } from '../../components/MetaTable';
import { Notice } from '../../components/Notice';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';
import { beijingTime, waitingText } from './format';

export interface FindingView {
  n: number;
  id: string;
  sourceLabel: string;
  kindLabel: string;
  preview: string;
  location: string;
  resolution?: { action: 'redact' | 'keep'; reason?: string; by: string; at: string };
}

export interface Segment {
  text: string;
  /** Set on a highlighted finding. */
  findingN?: number;
  kindLabel?: string;
}

export interface ContentSection {
  source: string;
  label: string;
  segments: Segment[];
  warnings: string[];
  metadataWarnings: string[];
  /** Attachments: the redacted version uploaded so far. */
  redactedFile?: { fileName: string; metadataWarnings: string[] };
}

export interface StageRecordView {
  round: number;
  stageLabel: string;
  actionLabel: string;
  by: string;
  roleLabel: string;
  at: string;
  conclusion?: string;
  checklist?: { label: string; involved: boolean; note?: string }[];
  comments: string;
}

export interface ReferralView {
  stageLabel: string;
  referTo: string;
  body: string;
  sentAt: string;
  by: string;
  reply?: { text: string; at: string; by: string };
}

export interface ReleaseView {
  at: string;
  targetLabel: string;
  by: string;
  files: { fileName: string; url?: string }[];
}

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ReviewActions {
  /** The author may replace the content (self-review stage). */
  revise?: { text: string };
  sign?: { stage: string; stageLabel: string; allowRefer: boolean };
  returnToAuthor?: boolean;
  resolveFindings?: boolean;
  redactText?: boolean;
  redactFiles?: { id: string; fileName: string }[];
  referralReply?: boolean;
  release?: { label: string };
}

export interface ReviewPageProps {
  id: string;
  version: number;
  digest: string;
  title: string;
  meta: { label: string; value: string }[];
  statusLabel: string;
  statusTone: BadgeTone;
  waitingMinutes: number;
  sections: ContentSection[];
  redactedBody?: string;
  redactionAttached: boolean;
  redactionWarnings: string[];
  findings: FindingView[];
  records: StageRecordView[];
  referrals: ReferralView[];
  releases: ReleaseView[];
  actions: ReviewActions;
  /** Why the signed-in person cannot act, when they cannot. */
  waitingFor?: string;
  checklistItems: { name: string; label: string }[];
  conclusionOptions: ChoiceOption[];
  referToOptions: ChoiceOption[];
  flash?: string;
  /** A refusal (separation of duties, wrong stage, leak…), shown at the top. */
  refusal?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

function Hidden({ version, digest }: { version: number; digest?: string }) {
  return (
    <>
      <input type="hidden" name="version" value={String(version)} />
      {digest ? <input type="hidden" name="digest" value={digest} /> : null}
    </>
  );
}

function ContentText({ section }: { section: ContentSection }) {
  return (
    <pre class="review-text" tabindex={0} aria-label={`${section.label}内容`}>
      {section.segments.map((s) =>
        s.findingN ? (
          <>
            <mark class="review-mark" id={`mark-${s.findingN}`}>
              {s.text}
            </mark>
            <a class="review-mark__ref" href={`#finding-${s.findingN}`} aria-label={`检测结果 ${s.findingN}：${s.kindLabel ?? ''}`}>
              [{s.findingN}]
            </a>
          </>
        ) : (
          s.text
        ),
      )}
    </pre>
  );
}

function ChecklistFields({ items, errors, values }: { items: { name: string; label: string }[]; errors?: Record<string, string>; values?: Record<string, string> }) {
  return (
    <fieldset class="review-checklist">
      <legend class="review-checklist__legend">审查事项（逐项填写）</legend>
      {items.map((item) => {
        const name = `checklist.${item.name}`;
        const error = errors?.[name];
        const id = fieldId(name);
        const value = values?.[name];
        return (
          <div class={`review-checklist__item${error ? ' field--error' : ''}`}>
            <p class="review-checklist__question" id={`${id}-label`}>
              {item.label}
            </p>
            {error ? (
              <p class="field__error" id={`${id}-error`}>
                <span class="visually-hidden">错误：</span>
                {error}
              </p>
            ) : null}
            <div class="review-choice" role="radiogroup" aria-labelledby={`${id}-label`}>
              <label class="review-choice__option">
                <input type="radio" id={id} name={name} value="no" checked={value === 'no' ? true : undefined} />否
              </label>
              <label class="review-choice__option">
                <input type="radio" name={name} value="yes" checked={value === 'yes' ? true : undefined} />是
              </label>
            </div>
            <label class="review-checklist__note-label" for={`${id}-note`}>
              情况说明（选“是”时必填）
            </label>
            <input class="field__control" type="text" id={`${id}-note`} name={`${name}.note`} maxlength={500} value={values?.[`${name}.note`]} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** The review page: content beside its findings, the 审查单 form, redaction, and the history. */
export function ReviewPage(p: ReviewPageProps) {
  const { actions, errors, values } = p;
  const bodyFindingsOpen = p.findings.filter((f) => !f.resolution).length;
  return (
    <Layout
      title={`保密审查：${p.title}`}
      section="staff"
      navHref="/staff/reviews"
      breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/reviews', label: '保密审查' }, { label: p.title }]}
    >
      <div class="page-head review-head">
        <h1 class="page-title">{p.title}</h1>
        <StatusBadge label={p.statusLabel} tone={p.statusTone} />
      </div>
      <StepOutcome flash={p.flash} refusal={p.refusal} />
      <ErrorSummary errors={errors} />

      <MetaTable caption="审查单基本情况" rows={[...p.meta.map((m) => ({ label: m.label, value: m.value })), { label: '已等待', value: waitingText(p.waitingMinutes) }]} />
      {p.waitingFor ? (
        <Notice kind="info">
          <p>{p.waitingFor}</p>
        </Notice>
      ) : null}

      <div class="review-layout">
        <section class="review-layout__content" aria-labelledby="content-title">
          <h2 class="section__title" id="content-title">
            送审内容
          </h2>
          {p.sections.map((s) => (
            <div class="review-part">
              <h3 class="review-part__title">{s.label}</h3>
              {s.warnings.map((w) => (
                <Notice kind="warning">
                  <p>{w}</p>
                </Notice>
              ))}
              {s.metadataWarnings.length ? (
                <Notice kind="warning" title="文件属性中可能含有人员姓名">
                  <ul>
                    {s.metadataWarnings.map((w) => (
                      <li>{w}</li>
                    ))}
                  </ul>
                </Notice>
              ) : null}
              <ContentText section={s} />
              {s.redactedFile ? (
                <p class="small">
                  已上传删除处理后的版本：{s.redactedFile.fileName}
                  {s.redactedFile.metadataWarnings.length ? `（文件属性提示：${s.redactedFile.metadataWarnings.join('；')}）` : ''}
                </p>
              ) : null}
            </div>
          ))}
          {p.redactedBody !== undefined ? (
            <div class="review-part review-part--redacted">
              <h3 class="review-part__title">删除处理后的正文（发布时使用此版本）</h3>
              <pre class="review-text review-text--redacted" tabindex={0} aria-label="删除处理后的正文">
                {p.redactedBody}
              </pre>
            </div>
          ) : null}
          {p.redactionAttached ? (
            <Notice kind="success">
              <p>删除处理后的版本已通过核验（应删除内容均已不再出现），发布和提供时只使用该版本，原件不对外。</p>
              {p.redactionWarnings.length ? <p>文件属性提示：{p.redactionWarnings.join('；')}</p> : null}
            </Notice>
          ) : null}
        </section>

        <section class="review-layout__findings" aria-labelledby="findings-title">
          <h2 class="section__title" id="findings-title">
            检测结果（{p.findings.length}）
          </h2>
          {p.findings.length === 0 ? (
            <p class="muted">未检测到身份证号码、联系方式、密级标识等内容。系统检测不能代替人工审查。</p>
          ) : (
            <>
              <p class="small muted">{bodyFindingsOpen > 0 ? `尚有 ${bodyFindingsOpen} 处未处理。` : '已全部处理。'}仅显示脱敏预览。</p>
              <ol class="finding-list">
                {p.findings.map((f) => (
                  <li class="finding" id={`finding-${f.n}`}>
                    <p class="finding__head">
                      <a href={`#mark-${f.n}`} class="finding__n">
                        [{f.n}]
                      </a>{' '}
                      <strong>{f.kindLabel}</strong>
                    </p>
                    <p class="finding__preview">
                      <code>{f.preview}</code>
                    </p>
                    <p class="small muted">
                      {f.sourceLabel} · {f.location}
                    </p>
                    {f.resolution ? (
                      <p class="finding__resolution">
                        <StatusBadge label={f.resolution.action === 'redact' ? '删除' : '保留'} tone={f.resolution.action === 'redact' ? 'danger' : 'info'} />{' '}
                        {f.resolution.reason ? `理由：${f.resolution.reason}；` : ''}
                        {f.resolution.by}，{beijingTime(f.resolution.at)}
                      </p>
                    ) : (
                      <p class="finding__resolution">
                        <StatusBadge label="未处理" tone="warning" />
                      </p>
                    )}
                    {actions.resolveFindings ? (
                      <form class="finding__form" method="post" action={`/staff/reviews/${p.id}/findings`}>
                        <CsrfField />
                        <Hidden version={p.version} />
                        <input type="hidden" name="findingId" value={f.id} />
                        <div class="review-choice" role="radiogroup" aria-label={`检测结果 ${f.n} 的处理方式`}>
                          <label class="review-choice__option">
                            <input type="radio" name="action" value="redact" checked={f.resolution?.action !== 'keep' ? true : undefined} />
                            删除
                          </label>
                          <label class="review-choice__option">
                            <input type="radio" name="action" value="keep" checked={f.resolution?.action === 'keep' ? true : undefined} />
                            保留
                          </label>
                        </div>
                        <label class="small" for={`reason-${f.n}`}>
                          保留理由（选“保留”时必填）
                        </label>
                        <input class="field__control" type="text" id={`reason-${f.n}`} name="reason" maxlength={300} value={f.resolution?.reason} />
                        <button type="submit" class="button button--secondary button--small">
                          保存处理意见
                        </button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ol>
            </>
          )}

          {actions.redactText ? (
            <form class="form panel panel--form review-tool" method="post" action={`/staff/reviews/${p.id}/redact-text`}>
              <CsrfField />
              <Hidden version={p.version} />
              <h3 class="review-part__title">生成删除处理后的正文</h3>
              <p class="small">标记为“删除”的检测结果将被替换为 ■（每个字符一个）。如还有其他需删除的文字（如姓名、住址），请逐行填写。</p>
              <FormField as="textarea" name="terms" label="其他需删除的文字" rows={3} value={values?.['terms']} error={errors?.['terms']} />
              <div class="form__actions">
                <button type="submit" class="button button--primary">
                  生成删除处理版本
                </button>
              </div>
            </form>
          ) : null}
          {(actions.redactFiles ?? []).map((a) => (
            <form class="form panel panel--form review-tool" method="post" action={`/staff/reviews/${p.id}/redacted-file`} enctype="multipart/form-data">
              <CsrfField />
              <Hidden version={p.version} />
              <input type="hidden" name="attachmentId" value={a.id} />
              <h3 class="review-part__title">上传“{a.fileName}”的删除处理版本</h3>
              <p class="small">系统将重新提取文件文字，如仍含应删除的内容将拒绝接收，并提示文件属性中的作者等信息。</p>
              <FormField name={`file-${a.id}`} label="删除处理后的文件" type="file" required error={errors?.[`file-${a.id}`]} />
              <div class="form__actions">
                <button type="submit" class="button button--secondary">
                  上传并核验
                </button>
              </div>
            </form>
          ))}
        </section>
      </div>

      {actions.revise ? (
        <section class="panel" aria-labelledby="revise-title">
          <h2 class="section__title" id="revise-title">
            修改送审内容
          </h2>
          <form class="form panel panel--form" method="post" action={`/staff/reviews/${p.id}/revise`}>
            <CsrfField />
            <Hidden version={p.version} />
            <FormField as="textarea" name="text" label="正文" rows={8} value={values?.['text'] ?? actions.revise.text} error={errors?.['text']} hint="修改后系统重新检测；附件保持不变。" />
            <div class="form__actions">
              <button type="submit" class="button button--secondary">
                保存修改并重新检测
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {actions.sign ? (
        <section class="panel" aria-labelledby="sign-title">
          <h2 class="section__title" id="sign-title">
            {actions.sign.stageLabel}：填写审查单并签署
          </h2>
          <form class="form panel panel--form review-sign" method="post" action={`/staff/reviews/${p.id}/sign`}>
            <CsrfField />
            <Hidden version={p.version} digest={p.digest} />
            <input type="hidden" name="stage" value={actions.sign.stage} />
            <ChecklistFields items={p.checklistItems} errors={errors} values={values} />
            <fieldset class={`review-conclusion${errors?.['conclusion'] ? ' field--error' : ''}`}>
              <legend class="review-checklist__legend">审查结论</legend>
              {errors?.['conclusion'] ? (
                <p class="field__error">
                  <span class="visually-hidden">错误：</span>
                  {errors['conclusion']}
                </p>
              ) : null}
              {p.conclusionOptions
                .filter((o) => o.value !== 'refer' || actions.sign!.allowRefer)
                .map((o, i) => (
                  <label class="review-choice__option review-choice__option--block">
                    <input type="radio" name="conclusion" id={i === 0 ? fieldId('conclusion') : undefined} value={o.value} checked={values?.['conclusion'] === o.value ? true : undefined} />
                    {o.label}
                  </label>
                ))}
              <FormField
                name="legalBasis"
                id={fieldId('conclusion.legalBasis')}
                label="不予公开的法律依据"
                value={values?.['legalBasis']}
                error={errors?.['conclusion.legalBasis']}
                hint="结论为“不予公开”时必填，例如：《政府信息公开条例》第十四条。"
              />
              {actions.sign.allowRefer ? (
                <>
                  <FormField
                    as="select"
                    name="referTo"
                    id={fieldId('conclusion.referTo')}
                    label="报请确定的部门类型"
                    options={p.referToOptions}
                    placeholderOption="请选择"
                    value={values?.['referTo']}
                    error={errors?.['conclusion.referTo']}
                  />
                  <FormField name="referBody" id={fieldId('conclusion.body')} label="报请确定的具体部门" value={values?.['referBody']} error={errors?.['conclusion.body']} />
                </>
              ) : null}
            </fieldset>
            <FormField as="textarea" name="comments" label="审查意见" rows={3} value={values?.['comments']} error={errors?.['comments']} />
            <div class="form__actions">
              <button type="submit" class="button button--primary">
                签署{actions.sign.stageLabel}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {actions.returnToAuthor ? (
        <section class="panel" aria-labelledby="return-title">
          <h2 class="section__title" id="return-title">
            退回承办人
          </h2>
          <form class="form panel panel--form" method="post" action={`/staff/reviews/${p.id}/return`}>
            <CsrfField />
            <Hidden version={p.version} />
            <FormField as="textarea" name="returnComments" id={fieldId('comments')} label="修改意见" required rows={3} value={values?.['returnComments']} error={errors?.['comments']} />
            <div class="form__actions">
              <button type="submit" class="button button--secondary">
                退回承办人修改
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {actions.referralReply ? (
        <section class="panel" aria-labelledby="referral-title">
          <h2 class="section__title" id="referral-title">
            登记报请确定的答复
          </h2>
          <form class="form panel panel--form" method="post" action={`/staff/reviews/${p.id}/referral-reply`}>
            <CsrfField />
            <Hidden version={p.version} />
            <FormField as="textarea" name="reply" label="答复内容" required rows={3} value={values?.['reply']} error={errors?.['reply']} />
            <div class="form__actions">
              <button type="submit" class="button button--secondary">
                登记答复并恢复审查
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {actions.release ? (
        <section class="panel" aria-labelledby="release-title">
          <h2 class="section__title" id="release-title">
            发布
          </h2>
          <form class="form panel panel--form" method="post" action={`/staff/reviews/${p.id}/release`}>
            <CsrfField />
            <Hidden version={p.version} />
            <p>审查已通过。发布时系统再次核对内容摘要，只发布审查通过的版本{p.redactionAttached ? '（删除处理后的版本）' : ''}。</p>
            <div class="form__actions">
              <button type="submit" class="button button--primary">
                {actions.release.label}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {p.releases.length ? (
        <section class="panel" aria-labelledby="releases-title">
          <h2 class="section__title" id="releases-title">
            发布记录
          </h2>
          <ul class="review-releases">
            {p.releases.map((r) => (
              <li>
                {beijingTime(r.at)} · {r.targetLabel} · {r.by}：
                {r.files.map((f) =>
                  f.url ? (
                    <a class="doc-link review-releases__file" href={f.url}>
                      {f.fileName}
                    </a>
                  ) : (
                    <span class="review-releases__file">{f.fileName}</span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section class="panel" aria-labelledby="history-title">
        <h2 class="section__title" id="history-title">
          审查记录
        </h2>
        {p.records.length === 0 && p.referrals.length === 0 ? <p class="muted">尚无签署记录。</p> : null}
        <ol class="review-timeline">
          {p.records.map((r) => (
            <li class={`review-timeline__item review-timeline__item--${r.actionLabel === '退回' ? 'returned' : 'signed'}`}>
              <p class="review-timeline__head">
                <strong>{r.stageLabel}</strong> · {r.actionLabel} · 第{r.round}轮
              </p>
              <p class="small muted">
                {r.by}（{r.roleLabel}），<time>{beijingTime(r.at)}</time>
              </p>
              {r.conclusion ? <p>结论：{r.conclusion}</p> : null}
              {r.comments ? <p>意见：{r.comments}</p> : null}
              {r.checklist ? (
                <ul class="review-timeline__checklist small">
                  {r.checklist.map((c) => (
                    <li>
                      {c.label}：{c.involved ? `是（${c.note ?? ''}）` : '否'}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
          {p.referrals.map((r) => (
            <li class="review-timeline__item review-timeline__item--referral">
              <p class="review-timeline__head">
                <strong>报请确定</strong>（{r.stageLabel}）· {r.referTo}：{r.body}
              </p>
              <p class="small muted">
                {r.by}，{beijingTime(r.sentAt)}
              </p>
              {r.reply ? (
                <p>
                  答复：{r.reply.text}（{r.reply.by} 登记，{beijingTime(r.reply.at)}）
                </p>
              ) : (
                <p>
                  <StatusBadge label="等待答复" tone="warning" />
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
