import { shanghaiDateTime as beijingTime } from '../../page-context';
import { DataTable } from '../../views/components/DataTable';
import { FormPanel } from '../../views/components/FormPanel';
import { FormField } from '../../views/components/FormField';
import { StatusBadge, type BadgeTone } from '../../views/components/StatusBadge';
import { StepOutcome } from '../../views/components/StepOutcome';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { LONG_WAIT_MINUTES, waitingText } from './view-model';

export interface QueueRow {
  id: string;
  href: string;
  title: string;
  subjectLabel: string;
  stageLabel: string;
  statusLabel: string;
  statusTone: BadgeTone;
  author: string;
  waitingSince: string;
  waitingMinutes: number;
  findingCount: number;
  unresolvedCount: number;
  round: number;
}

export interface ReviewQueuePageProps {
  waiting: QueueRow[];
  mine: QueueRow[];
  canSubmit: boolean;
  filters: { stage: string; type: string };
  stageOptions: { value: string; label: string }[];
  typeOptions: { value: string; label: string }[];
  flash?: string | undefined;
}

function rowsTable(id: string, caption: string, rows: QueueRow[], empty: string) {
  return (
    <DataTable
      id={id}
      caption={caption}
      captionHidden
      rows={rows}
      empty={<p class="empty-state__title">{empty}</p>}
      columns={[
        {
          header: '信息标题',
          rowHeader: true,
          cell: (r) => (
            <>
              <a href={r.href}>{r.title}</a>
              <span class="data-table__sub">
                {r.subjectLabel} · 承办人 {r.author}
                {r.round > 1 ? ` · 第${r.round}轮` : ''}
              </span>
            </>
          ),
        },
        {
          header: '当前环节',
          class: 'data-table__nowrap',
          cell: (r) => (
            <>
              {r.stageLabel}
              <span class="data-table__sub">
                <StatusBadge label={r.statusLabel} tone={r.statusTone} />
              </span>
            </>
          ),
        },
        {
          header: '检测结果',
          class: 'data-table__nowrap',
          cell: (r) =>
            r.findingCount === 0 ? (
              <span class="muted">未发现</span>
            ) : (
              <>
                {r.findingCount} 处{r.unresolvedCount > 0 ? <span class="data-table__sub">未处理 {r.unresolvedCount} 处</span> : <span class="data-table__sub">已全部处理</span>}
              </>
            ),
        },
        {
          header: '已等待',
          class: 'data-table__nowrap',
          cell: (r) => (
            <>
              {r.waitingMinutes >= LONG_WAIT_MINUTES ? <StatusBadge label={`已等待${waitingText(r.waitingMinutes)}`} tone="warning" /> : waitingText(r.waitingMinutes)}
              <span class="data-table__sub">
                自 <time datetime={r.waitingSince}>{beijingTime(r.waitingSince)}</time>
              </span>
            </>
          ),
        },
      ]}
    />
  );
}

/** One filter of the queue: a select whose first choice is everything. */
function Filter({ name, label, all, options, value }: { name: string; label: string; all: string; options: { value: string; label: string }[]; value: string }) {
  return (
    <div class="field review-filters__field">
      <label class="field__label" for={`filter-${name}`}>
        {label}
      </label>
      <select class="field__control field__control--select" id={`filter-${name}`} name={name}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value ? true : undefined}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 保密审查 queue: what waits for me (by role and stage), how long it has waited; my own submissions. */
export function ReviewQueuePage(props: ReviewQueuePageProps) {
  const { waiting, mine, canSubmit, filters, flash } = props;
  return (
    <Layout title="保密审查" section="staff" navHref="/staff/reviews" breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { label: '保密审查' }]}>
      <div class="page-head review-head">
        <h1 class="page-title">保密审查</h1>
        {canSubmit ? (
          <a class="button button--primary" href="/staff/reviews/new">
            送审新信息
          </a>
        ) : null}
      </div>
      <p class="lead">先审查、后公开：拟公开或提供的信息须经保密审查通过后方可发布。审查通过的结论与内容绑定，内容改动后须重新审查。</p>
      <StepOutcome flash={flash} />

      <form class="review-filters" method="get" action="/staff/reviews" aria-label="筛选待办">
        <Filter name="stage" label="审查环节" all="全部环节" options={props.stageOptions} value={filters.stage} />
        <Filter name="type" label="信息类型" all="全部类型" options={props.typeOptions} value={filters.type} />
        <div class="review-filters__actions">
          <button type="submit" class="button button--secondary">
            筛选
          </button>
        </div>
      </form>

      <section class="panel" aria-labelledby="waiting-title">
        <h2 class="section__title" id="waiting-title">
          待我处理（{waiting.length}）
        </h2>
        {rowsTable('waiting', `待我处理的审查（共 ${waiting.length} 项，等待最久的在前）`, waiting, '暂无待您处理的审查事项。')}
      </section>

      {canSubmit ? (
        <section class="panel" aria-labelledby="mine-title">
          <h2 class="section__title" id="mine-title">
            我送审的信息
          </h2>
          {rowsTable('mine', `我送审的信息（共 ${mine.length} 项）`, mine, '您还没有送审的信息。')}
        </section>
      ) : null}
    </Layout>
  );
}

export interface ReviewNewPageProps {
  typeOptions: { value: string; label: string }[];
  accept: string;
  maxBytesLabel: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** Submit text (and an optional attachment) for secrecy review. */
export function ReviewNewPage({ typeOptions, accept, maxBytesLabel, errors, values }: ReviewNewPageProps) {
  return (
    <Layout
      title="送审新信息"
      section="staff"
      navHref="/staff/reviews"
      breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/reviews', label: '保密审查' }, { label: '送审新信息' }]}
    >
      <h1 class="page-title">送审新信息</h1>
      <p class="lead">提交后系统自动检测身份证号码、手机号码、银行卡号、密级标识等内容，并进入承办人自审环节。</p>
      <FormPanel action="/staff/reviews/new" button="提交审查" errors={errors} order={['subjectType', 'title', 'text', 'file']} multipart>
        <FormField as="select" name="subjectType" label="信息类型" required options={typeOptions} value={values?.['subjectType'] ?? 'publication'} error={errors?.['subjectType']} />
        <FormField name="title" label="信息标题" required maxlength={200} value={values?.['title']} error={errors?.['title']} hint="例如：关于某某项目征收补偿方案的公告" />
        <FormField as="textarea" name="text" label="正文" rows={12} value={values?.['text']} error={errors?.['text']} hint="粘贴拟公开或提供的正文。没有正文时可只上传附件。" />
        <FormField name="file" label="附件" type="file" accept={accept} error={errors?.['file']} hint={`可选。支持 PDF、DOCX、TXT 等格式，不超过 ${maxBytesLabel}。`} />
      </FormPanel>
      <p>
        <a href="/staff/reviews">取消</a>
      </p>
    </Layout>
  );
}
