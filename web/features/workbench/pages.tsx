import type { DocumentDto } from '#application/document-dto';
import { DataTable } from '#web/views/components/DataTable';
import { EmptyState } from '#web/views/components/EmptyState';
import { ErrorSummary } from '#web/views/components/ErrorSummary';
import { FormPanel } from '#web/views/components/FormPanel';
import { Notice } from '#web/views/components/Notice';
import { Section } from '#web/views/components/Section';
import { describeAccept, describeContentType, formatBytes, formatDateTime } from '#web/views/format';
import { Layout } from '#web/views/layouts/Layout';
import { StaffPage } from '#web/views/layouts/StaffPage';
import type { StaffInfo } from '#web/views/types';

export interface StaffCard {
  href: string;
  title: string;
  /** e.g. number of items waiting; omitted when not meaningful. */
  count?: number;
  /** Unit shown after the count, default 件. */
  countUnit?: string;
  description: string;
}

export interface StaffHomePageProps {
  staff: StaffInfo;
  cards: StaffCard[];
}

/** 工作台: entry cards for the staff member's tasks. */
export function StaffHomePage({ staff, cards }: StaffHomePageProps) {
  return (
    <Layout title="工作台" section="staff" navHref="/staff">
      <h1 class="page-title">工作台</h1>
      <p class="lead">
        {staff.displayName}，您好。以下是您当前可以办理的事项{staff.roleLabels.length > 0 ? `（${staff.roleLabels.join('、')}）` : ''}。
      </p>
      {cards.length > 0 ? (
        <ul class="task-cards">
          {cards.map((card) => (
            <li class="task-cards__item">
              <a class="task-card" href={card.href}>
                <span class="task-card__title">{card.title}</span>
                {card.count !== undefined ? (
                  <span class={`task-card__count${card.count > 0 ? ' task-card__count--pending' : ''}`}>
                    <span class="task-card__number">{card.count}</span>
                    <span class="task-card__unit">{card.countUnit ?? '件'}</span>
                  </span>
                ) : null}
                <span class="task-card__desc">{card.description}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="暂无可办理的事项">
          <p>如需开通权限，请联系本单位系统管理员。</p>
        </EmptyState>
      )}
    </Layout>
  );
}

/** A document as the list shows it (uploadedAt already in Asia/Shanghai): its uploader by name, where it downloads. */
export type DocumentRow = Omit<DocumentDto, 'uploadedBy'> & { uploadedBy: string; downloadHref: string };

export interface UploadForm {
  action: string;
  /** Extra hidden fields posted with the form (rendered first, before title and file). */
  fields: Record<string, string>;
  maxBytes: number;
  /** <input accept>, e.g. ".pdf,.docx,.ofd" */
  accept: string;
}

export interface DocumentsPageProps {
  documents: DocumentRow[];
  /** null when uploads are unavailable (e.g. the role may not upload). */
  upload: UploadForm | null;
  /** Field errors keyed by field name: "title", "file". */
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** Confirmation after a successful upload (Post/Redirect/Get flash). */
  flash?: string;
}

/** Staff document list + upload form (multipart POST handled server-side). */
export function DocumentsPage({ documents, upload, errors, values, flash }: DocumentsPageProps) {
  return (
    <StaffPage title="文档管理" navHref="/staff/documents" flash={flash}>
      <ErrorSummary errors={errors} order={['title', 'file']} />
      <div class="documents-layout">
        <Section name="documents" title="已上传文档" class="documents-layout__list">
          <DataTable
            id="documents"
            caption={`已上传文档（共 ${documents.length} 份）`}
            captionHidden
            rows={documents}
            empty={
              <>
                <p class="empty-state__title">暂无文档</p>
                <p>通过“上传文档”表单上传的文档将显示在这里。</p>
              </>
            }
            columns={[
              { header: '标题', rowHeader: true, cell: (d) => d.title },
              {
                header: '文件',
                cell: (d) => (
                  <>
                    <a class="doc-link" href={d.downloadHref} download={d.fileName}>
                      {d.fileName}
                    </a>
                    <span class="data-table__sub">
                      {describeContentType(d.contentType)} · {formatBytes(d.sizeBytes)}
                    </span>
                  </>
                ),
              },
              { header: '上传时间', class: 'data-table__nowrap', cell: (d) => <time datetime={d.uploadedAt}>{formatDateTime(d.uploadedAt)}</time> },
              { header: '上传人', class: 'data-table__nowrap', cell: (d) => d.uploadedBy },
            ]}
          />
        </Section>

        <Section name="upload" title="上传文档" class="documents-layout__form panel panel--form">
          {upload ? (
            <FormPanel
              class="form"
              action={upload.action}
              button="上传"
              multipart
              noSummary
              hidden={upload.fields}
              errors={errors}
              values={values}
              fields={[
                { name: 'title', label: '文档标题', kind: 'text', required: true, hint: '例如：关于印发某某工作方案的通知', input: { maxlength: 200 } },
                {
                  name: 'file',
                  label: '选择文件',
                  kind: 'text',
                  required: true,
                  hint: `支持 ${describeAccept(upload.accept)} 格式，单个文件不超过 ${formatBytes(upload.maxBytes)}。`,
                  input: { type: 'file', accept: upload.accept },
                },
              ]}
            />
          ) : (
            <Notice kind="info">
              <p>您当前的角色不能上传文档，或上传功能暂不可用。如需上传，请联系系统管理员。</p>
            </Notice>
          )}
        </Section>
      </div>
    </StaffPage>
  );
}
