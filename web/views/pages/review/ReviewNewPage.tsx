import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';

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
      <ErrorSummary errors={errors} order={['subjectType', 'title', 'text', 'file']} />
      <form class="form panel panel--form review-new" method="post" action="/staff/reviews/new" enctype="multipart/form-data" novalidate>
        <CsrfField />
        <FormField as="select" name="subjectType" label="信息类型" required options={typeOptions} value={values?.['subjectType'] ?? 'publication'} error={errors?.['subjectType']} />
        <FormField name="title" label="信息标题" required maxlength={200} value={values?.['title']} error={errors?.['title']} hint="例如：关于某某项目征收补偿方案的公告" />
        <FormField as="textarea" name="text" label="正文" rows={12} value={values?.['text']} error={errors?.['text']} hint="粘贴拟公开或提供的正文。没有正文时可只上传附件。" />
        <FormField name="file" label="附件" type="file" accept={accept} error={errors?.['file']} hint={`可选。支持 PDF、DOCX、TXT 等格式，不超过 ${maxBytesLabel}。`} />
        <div class="form__actions">
          <button type="submit" class="button button--primary">
            提交审查
          </button>
          <a class="button button--secondary" href="/staff/reviews">
            取消
          </a>
        </div>
      </form>
    </Layout>
  );
}
