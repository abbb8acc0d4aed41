import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '#domain/documents/document';
import { shanghaiDateTime as beijingTime } from '../../page-context';
import type { Column } from '../../views/components/DataTable';
import { FormPanel } from '../../views/components/FormPanel';
import { FormField } from '../../views/components/FormField';
import { StatusBadge } from '../../views/components/StatusBadge';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { formatBytes } from '../../views/format';
import { CaseListPage, CaseTable, type ListFilter } from '../case/CasePage';
import { LONG_WAIT_MINUTES, REVIEWS, SUBMITTABLE_SUBJECTS, waitingText, type ReviewQueueRow } from './view-model';

export interface ReviewQueuePageProps {
  waiting: ReviewQueueRow[];
  mine: ReviewQueueRow[];
  canSubmit: boolean;
  filters: ListFilter[];
  flash?: string | undefined;
}

const COLUMNS: Column<ReviewQueueRow>[] = [
  { header: '当前环节', class: 'data-table__nowrap', cell: (r) => r.stageLabel },
  {
    header: '检测结果',
    class: 'data-table__nowrap',
    cell: (r) =>
      r.findingCount === 0 ? (
        <span class="muted">未发现</span>
      ) : (
        <>
          {r.findingCount} 处<span class="data-table__sub">{r.unresolvedCount > 0 ? `未处理 ${r.unresolvedCount} 处` : '已全部处理'}</span>
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
];

/** 保密审查 queue: what waits for me (by role and stage), how long it has waited; my own submissions. */
export function ReviewQueuePage({ waiting, mine, canSubmit, filters, flash }: ReviewQueuePageProps) {
  return (
    <CaseListPage
      area={REVIEWS}
      heading="保密审查"
      lead="先审查、后公开：拟公开或提供的信息须经保密审查通过后方可发布。审查通过的结论与内容绑定，内容改动后须重新审查。"
      actions={canSubmit ? [{ href: '/staff/reviews/new', label: '送审新信息' }] : []}
      filters={{ label: '筛选待办', fields: filters }}
      table={{
        id: 'waiting',
        title: `待我处理（${waiting.length}）`,
        caption: `待我处理的审查（共 ${waiting.length} 项，等待最久的在前）`,
        captionHidden: true,
        idHeader: '信息标题',
        empty: '暂无待您处理的审查事项。',
      }}
      columns={COLUMNS}
      rows={waiting}
      flash={flash}
    >
      {canSubmit ? (
        <CaseTable
          table={{ id: 'mine', title: '我送审的信息', caption: `我送审的信息（共 ${mine.length} 项）`, captionHidden: true, idHeader: '信息标题', empty: '您还没有送审的信息。' }}
          columns={COLUMNS}
          rows={mine}
        />
      ) : null}
    </CaseListPage>
  );
}

export interface ReviewNewPageProps {
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** Submit text (and an optional attachment) for secrecy review. */
export function ReviewNewPage({ errors, values }: ReviewNewPageProps) {
  return (
    <Layout title="送审新信息" section="staff" navHref={REVIEWS.href} breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, REVIEWS, { label: '送审新信息' }]}>
      <h1 class="page-title">送审新信息</h1>
      <p class="lead">提交后系统自动检测身份证号码、手机号码、银行卡号、密级标识等内容，并进入承办人自审环节。</p>
      <FormPanel action="/staff/reviews/new" button="提交审查" errors={errors} order={['subjectType', 'title', 'text', 'file']} multipart>
        <FormField as="select" name="subjectType" label="信息类型" required options={SUBMITTABLE_SUBJECTS} value={values?.['subjectType'] ?? 'publication'} error={errors?.['subjectType']} />
        <FormField name="title" label="信息标题" required maxlength={200} value={values?.['title']} error={errors?.['title']} hint="例如：关于某某项目征收补偿方案的公告" />
        <FormField as="textarea" name="text" label="正文" rows={12} value={values?.['text']} error={errors?.['text']} hint="粘贴拟公开或提供的正文。没有正文时可只上传附件。" />
        <FormField
          name="file"
          label="附件"
          type="file"
          accept={Object.keys(ACCEPTED_DOCUMENT_TYPES).join(',')}
          error={errors?.['file']}
          hint={`可选。支持 PDF、DOCX、TXT 等格式，不超过 ${formatBytes(MAX_DOCUMENT_BYTES)}。`}
        />
      </FormPanel>
      <p>
        <a href={REVIEWS.href}>取消</a>
      </p>
    </Layout>
  );
}
