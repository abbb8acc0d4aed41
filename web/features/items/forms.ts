import type { AttachmentRef } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { uploadDocument } from '#application/documents';
import type { Attachment } from '#domain/catalogue';
import { ValidationError } from '#domain/errors';
import type { StaffMember } from '#domain/staff';
import { parseUntrustedJson } from '#domain/untrusted-input';
import type { FormFieldProps } from '../../views/components/FormField';

type Spec = { name: ItemField; label: string; required?: boolean; hint?: string; maxlength?: number; rows?: number; kind?: 'date' | 'textarea' | 'select'; error?: string };

/** The draft form's fields in the order shown (the content itself is parsed by the domain's item schema). */
export const ITEM_FIELDS = [
  { name: 'title', label: '标题', required: true, maxlength: 200 },
  { name: 'issuer', label: '发布机构', required: true, maxlength: 60 },
  { name: 'coIssuers', label: '联合发布机构', hint: '多个机构用顿号或逗号分开' },
  { name: 'formedOn', label: '生成日期', kind: 'date', required: true, hint: '信息形成的日期，20个工作日的公开期限自此日起算' },
  { name: 'writtenOn', label: '成文日期', kind: 'date' },
  { name: 'categoryId', label: '目录分类', kind: 'select', required: true },
  { name: 'documentNumber', label: '文号', hint: '例如：示政办发〔2026〕3号', maxlength: 40 },
  { name: 'subjectCategory', label: '主题分类', hint: '例如：城乡建设、环境保护\\节能与资源综合利用', maxlength: 60 },
  { name: 'genre', label: '体裁', hint: '例如：通知、办法、公告', maxlength: 20 },
  { name: 'effectiveOn', label: '实施日期', kind: 'date' },
  { name: 'validUntil', label: '有效期至', kind: 'date' },
  { name: 'keywords', label: '关键词', hint: '多个关键词用顿号或逗号分开' },
  { name: 'summary', label: '内容概述', kind: 'textarea', rows: 3, maxlength: 500 },
  { name: 'body', label: '正文', kind: 'textarea', rows: 14, hint: '使用 Markdown 格式（标题用 #，列表用 -）；不支持 HTML。' },
  { name: 'interpretations', label: '相关解读的信息编号', hint: '可选，多个编号用逗号分开', error: 'related.interpretations' },
] as const satisfies readonly Spec[];

export type ItemField =
  | 'title'
  | 'issuer'
  | 'coIssuers'
  | 'writtenOn'
  | 'formedOn'
  | 'documentNumber'
  | 'subjectCategory'
  | 'categoryId'
  | 'genre'
  | 'effectiveOn'
  | 'validUntil'
  | 'keywords'
  | 'summary'
  | 'body'
  | 'interpretations';
export type ItemFormValues = Partial<Record<ItemField, string>>;

/** One field of the draft form as FormField props. */
export function itemFieldProps(f: Spec, value: string | undefined, error: string | undefined, categories: { value: string; label: string }[]): FormFieldProps {
  const common = { name: f.name, label: f.label, required: f.required, hint: f.hint, value, error };
  if (f.kind === 'select') return { ...common, as: 'select', options: categories, placeholderOption: '请选择' };
  if (f.kind === 'textarea') return { ...common, as: 'textarea', rows: f.rows, maxlength: f.maxlength };
  return { ...common, type: f.kind === 'date' ? 'date' : 'text', maxlength: f.maxlength };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const all = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** What was typed, to show the form again. */
export const typedValues = (body: Record<string, unknown>): ItemFormValues => Object.fromEntries(ITEM_FIELDS.map((f) => [f.name, str(body[f.name])]));

/** Form → the domain's item input; new files are stored privately (checked by content) first. */
export async function itemInput(deps: AppDependencies, staff: StaffMember, body: Record<string, unknown>, existing: readonly Attachment[]): Promise<Record<string, unknown>> {
  const { interpretations = '', ...values } = typedValues(body);
  const keep = new Set(all(body['keep']).map((k) => Number(str(k))));
  const attachments: AttachmentRef[] = existing.flatMap((_, i) => (keep.has(i) ? [{ keep: i }] : []));
  const files = all(body['files']).filter((f): f is File => f instanceof File && f.size > 0);
  for (const file of files) {
    try {
      const doc = await uploadDocument(deps, staff, { title: file.name, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      attachments.push({ documentId: doc.id });
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.message, { attachments: error.message });
      throw error;
    }
  }
  return { ...values, attachments, related: { interpretations: interpretations.split(/[,，\s]+/).filter(Boolean), clarifications: [], others: [] } };
}

export interface SettingsValues {
  profile: string;
  categories: string;
  indexSchemeId: string;
  guide: string;
}

export const settingsValues = (body: Record<string, unknown>): SettingsValues => ({
  profile: str(body['profile']),
  categories: str(body['categories']),
  indexSchemeId: str(body['indexSchemeId']),
  guide: str(body['guide']),
});

/** The settings form → saveCatalogueSettings' input: the profile box is JSON, left empty to keep the profile. */
export function settingsInput(values: SettingsValues) {
  let profile: unknown;
  if (values.profile.trim()) {
    try {
      profile = parseUntrustedJson(values.profile, { what: '机关信息' });
    } catch (error) {
      throw new ValidationError('机关信息格式有误', { profile: error instanceof ValidationError ? error.message : '机关信息应为 JSON 对象' });
    }
  }
  return { ...(profile !== undefined ? { profile } : {}), categories: values.categories, indexSchemeId: values.indexSchemeId, guide: values.guide };
}

/** Errors of the agency profile's own fields are shown under the profile box. */
export const settingsField = (k: string) => (k.startsWith('profile') || ['name', 'code', 'address', 'officeHours', 'phone', 'email'].includes(k.split('.')[0]!) ? 'profile' : k);
