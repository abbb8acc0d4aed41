import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField, type SelectOption } from '../../components/FormField';

export interface ItemFormValues {
  title?: string;
  issuer?: string;
  coIssuers?: string;
  writtenOn?: string;
  formedOn?: string;
  documentNumber?: string;
  subjectCategory?: string;
  categoryId?: string;
  genre?: string;
  effectiveOn?: string;
  validUntil?: string;
  keywords?: string;
  summary?: string;
  body?: string;
  interpretations?: string;
}

export interface ItemFormProps {
  action: string;
  values: ItemFormValues;
  errors?: Record<string, string>;
  categories: SelectOption[];
  /** Attachments already on the version (kept unless unticked). */
  attachments: { index: number; name: string; size: string }[];
  submitLabel: string;
  version?: number;
}

const ORDER = ['title', 'issuer', 'formedOn', 'categoryId', 'documentNumber', 'writtenOn', 'body', 'attachments', 'validUntil', 'keywords'];

/** The item editing form (multipart: attachments are uploaded with it and checked by content). */
export function ItemForm(p: ItemFormProps) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <form class="form" method="post" action={p.action} enctype="multipart/form-data" novalidate>
      <ErrorSummary errors={p.errors} order={ORDER} />
      <CsrfField />
      {p.version !== undefined ? <input type="hidden" name="version" value={String(p.version)} /> : null}
      <FormField name="title" label="标题" required value={v.title} error={e['title']} maxlength={200} />
      <FormField name="issuer" label="发布机构" required value={v.issuer} error={e['issuer']} maxlength={60} />
      <FormField name="coIssuers" label="联合发布机构" hint="多个机构用顿号或逗号分开" value={v.coIssuers} error={e['coIssuers']} />
      <FormField name="formedOn" label="生成日期" type="date" required hint="信息形成的日期，20个工作日的公开期限自此日起算" value={v.formedOn} error={e['formedOn']} />
      <FormField name="writtenOn" label="成文日期" type="date" value={v.writtenOn} error={e['writtenOn']} />
      <FormField name="categoryId" label="目录分类" as="select" required options={p.categories} placeholderOption="请选择" value={v.categoryId} error={e['categoryId']} />
      <FormField name="documentNumber" label="文号" hint="例如：示政办发〔2026〕3号" value={v.documentNumber} error={e['documentNumber']} maxlength={40} />
      <FormField name="subjectCategory" label="主题分类" hint="例如：城乡建设、环境保护\节能与资源综合利用" value={v.subjectCategory} error={e['subjectCategory']} maxlength={60} />
      <FormField name="genre" label="体裁" hint="例如：通知、办法、公告" value={v.genre} error={e['genre']} maxlength={20} />
      <FormField name="effectiveOn" label="实施日期" type="date" value={v.effectiveOn} error={e['effectiveOn']} />
      <FormField name="validUntil" label="有效期至" type="date" value={v.validUntil} error={e['validUntil']} />
      <FormField name="keywords" label="关键词" hint="多个关键词用顿号或逗号分开" value={v.keywords} error={e['keywords']} />
      <FormField name="summary" label="内容概述" as="textarea" rows={3} value={v.summary} error={e['summary']} maxlength={500} />
      <FormField name="body" label="正文" as="textarea" rows={14} hint="使用 Markdown 格式（标题用 #，列表用 -）；不支持 HTML。" value={v.body} error={e['body']} />
      <FormField name="interpretations" label="相关解读的信息编号" hint="可选，多个编号用逗号分开" value={v.interpretations} error={e['related.interpretations']} />
      {p.attachments.length > 0 ? (
        <fieldset class="field">
          <legend class="field__label">已上传的附件</legend>
          {p.attachments.map((a) => (
            <div>
              <input type="checkbox" id={`keep-${a.index}`} name="keep" value={String(a.index)} checked />
              <label for={`keep-${a.index}`}>
                {' '}
                保留 {a.name}（{a.size}）
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <FormField
        name="files"
        label="上传附件"
        type="file"
        hint="可选择多个文件：PDF、Word（.docx）、文本、图片；每个不超过 20 MB"
        error={e['attachments']}
        accept=".pdf,.docx,.txt,.md,.html,.png,.jpg,.jpeg"
      />
      <div class="form__actions">
        <button type="submit" class="button button--primary">
          {p.submitLabel}
        </button>
      </div>
    </form>
  );
}
