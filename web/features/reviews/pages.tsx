import { CaseSteps, StepFieldControl, type StepView } from '../../views/components/CaseSteps';
import { CsrfField } from '../../views/components/CsrfField';
import { FormField } from '../../views/components/FormField';
import { MetaTable } from '../../views/components/MetaTable';
import { Notice } from '../../views/components/Notice';
import { Section } from '../../views/components/Section';
import { StatusBadge } from '../../views/components/StatusBadge';
import { StepOutcome } from '../../views/components/StepOutcome';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseTimeline } from '../case/CasePage';
import type { ReviewPageProps } from './view-model';

function ContentText({ section }: { section: ReviewPageProps['sections'][number] }) {
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

/** One finding with its resolution, and the table's 处理检测结果 form when this person may resolve it. */
function Finding({ f, p }: { f: ReviewPageProps['findings'][number]; p: ReviewPageProps }) {
  const failed = p.failedPost?.path === 'findings' && p.failedPost.values?.['findingId'] === f.id ? p.failedPost : undefined;
  const values: Record<string, string | undefined> = failed?.values ?? { action: f.resolution?.action ?? 'redact', reason: f.resolution?.reason };
  return (
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
      <p class="finding__resolution">
        {f.resolution ? (
          <>
            <StatusBadge label={f.resolution.action === 'redact' ? '删除' : '保留'} tone={f.resolution.action === 'redact' ? 'danger' : 'info'} />{' '}
            {f.resolution.reason ? `理由：${f.resolution.reason}；` : ''}
            {f.resolution.by}，{f.resolution.at}
          </>
        ) : (
          <StatusBadge label="未处理" tone="warning" />
        )}
      </p>
      {p.findingFields ? (
        <form class="finding__form" method="post" action={`/staff/reviews/${p.id}/findings`}>
          <CsrfField />
          <input type="hidden" name="version" value={String(p.version)} />
          <input type="hidden" name="findingId" value={f.id} />
          {p.findingFields.map((field) => (
            <StepFieldControl field={field} value={values[field.name]} error={failed?.errors[field.name]} idPrefix={`finding-${f.n}`} />
          ))}
          <button type="submit" class="button button--secondary button--small">
            保存处理意见
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** An attachment's redacted version, uploaded and verified: a step form with a file control the table has no kind for. */
const uploadStep = (p: ReviewPageProps, a: { id: string; fileName: string }): StepView => ({
  id: `redacted-file-${a.id}`,
  title: `上传“${a.fileName}”的删除处理版本`,
  action: `/staff/reviews/${p.id}/redacted-file`,
  fields: [],
  hidden: { attachmentId: a.id },
  multipart: true,
  secondary: true,
  description: '系统将重新提取文件文字，如仍含应删除的内容将拒绝接收，并提示文件属性中的作者等信息。',
  controls: <FormField name={`file-${a.id}`} label="删除处理后的文件" type="file" required error={p.failedPost?.errors[`file-${a.id}`]} />,
  button: '上传并核验',
});

/** The review page: content beside its findings, the steps the table offers (审查单, return, redaction, release), and the history. */
export function ReviewPage(p: ReviewPageProps) {
  const open = p.findings.filter((f) => !f.resolution).length;
  return (
    <Layout
      title={`保密审查：${p.title}`}
      section="staff"
      navHref="/staff/reviews"
      breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/reviews', label: '保密审查' }, { label: p.title }]}
    >
      <div class="page-head review-head">
        <h1 class="page-title">{p.title}</h1>
        <StatusBadge {...p.status} />
      </div>
      <StepOutcome flash={p.flash} refusal={p.refusal} />
      <MetaTable caption="审查单基本情况" rows={p.meta} />
      {p.waitingFor ? (
        <Notice kind="info">
          <p>{p.waitingFor}</p>
        </Notice>
      ) : null}

      <div class="review-layout">
        <Section name="content" title="送审内容" class="review-layout__content">
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
          {p.redaction ? (
            <Notice kind="success">
              <p>删除处理后的版本已通过核验（应删除内容均已不再出现），发布和提供时只使用该版本，原件不对外。</p>
              {p.redaction.metadataWarnings?.length ? <p>文件属性提示：{p.redaction.metadataWarnings.join('；')}</p> : null}
            </Notice>
          ) : null}
        </Section>

        <Section name="findings" title={`检测结果（${p.findings.length}）`} class="review-layout__findings">
          {p.findings.length === 0 ? (
            <p class="muted">未检测到身份证号码、联系方式、密级标识等内容。系统检测不能代替人工审查。</p>
          ) : (
            <>
              <p class="small muted">{open > 0 ? `尚有 ${open} 处未处理。` : '已全部处理。'}仅显示脱敏预览。</p>
              <ol class="finding-list">
                {p.findings.map((f) => (
                  <Finding f={f} p={p} />
                ))}
              </ol>
            </>
          )}
          {p.redactFiles.length ? <CaseSteps steps={p.redactFiles.map((a) => uploadStep(p, a))} version={p.version} /> : null}
        </Section>
      </div>

      {p.steps.length ? (
        <Section name="steps" title="办理">
          <CaseSteps steps={p.steps} version={p.version} failed={p.failed} />
        </Section>
      ) : null}

      {p.releases.length ? (
        <Section name="releases" title="发布记录" class="panel">
          <ul class="review-releases">
            {p.releases.map((r) => (
              <li>
                {r.at} · {r.targetLabel} · {r.by}：
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
        </Section>
      ) : null}

      <Section name="history" title="审查记录" class="panel">
        {p.history.length === 0 ? <p class="muted">尚无签署记录。</p> : <CaseTimeline rows={p.history} />}
      </Section>
    </Layout>
  );
}
