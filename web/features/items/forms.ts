import type { AttachmentRef } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { uploadDocument } from '#application/documents';
import type { Attachment } from '#domain/catalogue';
import { ValidationError } from '#domain/errors';
import type { StaffMember } from '#domain/staff';
import { ownValue, parseUntrustedJson } from '#domain/untrusted-input';
import { filesOf, textOf, type FormBody } from '../../form-body';
import type { PanelField } from '../../views/components/FormPanel';

/** The draft form's fields in the order shown (the content itself is parsed by the domain's item schema). */
export const ITEM_FIELDS: readonly PanelField[] = [
  { name: 'title', label: '标题', kind: 'text', required: true, input: { maxlength: 200 } },
  { name: 'issuer', label: '发布机构', kind: 'text', required: true, input: { maxlength: 60 } },
  { name: 'coIssuers', label: '联合发布机构', kind: 'text', hint: '多个机构用顿号或逗号分开' },
  { name: 'formedOn', label: '生成日期', kind: 'date', required: true, hint: '信息形成的日期，20个工作日的公开期限自此日起算' },
  { name: 'writtenOn', label: '成文日期', kind: 'date' },
  { name: 'categoryId', label: '目录分类', kind: 'select', required: true },
  { name: 'documentNumber', label: '文号', kind: 'text', hint: '例如：示政办发〔2026〕3号', input: { maxlength: 40 } },
  { name: 'subjectCategory', label: '主题分类', kind: 'text', hint: '例如：城乡建设、环境保护\\节能与资源综合利用', input: { maxlength: 60 } },
  { name: 'genre', label: '体裁', kind: 'text', hint: '例如：通知、办法、公告', input: { maxlength: 20 } },
  { name: 'effectiveOn', label: '实施日期', kind: 'date' },
  { name: 'validUntil', label: '有效期至', kind: 'date' },
  { name: 'keywords', label: '关键词', kind: 'text', hint: '多个关键词用顿号或逗号分开' },
  { name: 'summary', label: '内容概述', kind: 'textarea', rows: 3, input: { maxlength: 500 } },
  { name: 'body', label: '正文', kind: 'textarea', rows: 14, hint: '使用 Markdown 格式（标题用 #，列表用 -）；不支持 HTML。' },
  { name: 'interpretations', label: '相关解读的信息编号', kind: 'text', hint: '可选，多个编号用逗号分开' },
];

export type ItemFormValues = Readonly<Record<string, string | undefined>>;

/** What was typed, to show the form again. */
export const typedValues = (body: FormBody): ItemFormValues => Object.fromEntries(ITEM_FIELDS.map((f) => [f.name, textOf(body, f.name)]));

/** The domain's names of the two fields the form names otherwise, so each message sits under (and links to) its field. */
const ERROR_KEYS: Record<string, string> = { attachments: 'files', 'related.interpretations': 'interpretations' };
export const itemErrors = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [ownValue(ERROR_KEYS, k) ?? k, v]));

/** Form → the domain's item input; new files are stored privately (checked by content) first. */
export async function itemInput(deps: AppDependencies, staff: StaffMember, body: FormBody, existing: readonly Attachment[]): Promise<Record<string, unknown>> {
  const { interpretations = '', ...values } = typedValues(body);
  const keep = new Set(
    [body['keep'] ?? []]
      .flat()
      .filter((k) => typeof k === 'string')
      .map(Number),
  );
  const attachments: AttachmentRef[] = existing.flatMap((_, i) => (keep.has(i) ? [{ keep: i }] : []));
  for (const file of await filesOf(body, 'files')) {
    if (file.bytes.length === 0) continue;
    try {
      const doc = await uploadDocument(deps, staff, { title: file.fileName, fileName: file.fileName, bytes: file.bytes });
      attachments.push({ documentId: doc.id });
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.message, { attachments: error.message });
      throw error;
    }
  }
  return { ...values, attachments, related: { interpretations: interpretations.split(/[,，\s]+/).filter(Boolean), clarifications: [], others: [] } };
}

const SETTINGS = ['profile', 'categories', 'indexSchemeId', 'guide'] as const;
export type SettingsValues = Record<(typeof SETTINGS)[number], string>;

export const settingsValues = (body: FormBody) => Object.fromEntries(SETTINGS.map((k) => [k, textOf(body, k)])) as SettingsValues;

/** The settings form → saveCatalogueSettings' input: the profile box is JSON, left empty to keep the profile. */
export function settingsInput({ profile, ...rest }: SettingsValues) {
  if (!profile.trim()) return rest;
  try {
    return { ...rest, profile: parseUntrustedJson(profile, { what: '机关信息' }) };
  } catch (error) {
    throw new ValidationError('机关信息格式有误', { profile: error instanceof ValidationError ? error.message : '机关信息应为 JSON 对象' });
  }
}

/** Errors of the agency profile's own fields are shown under the profile box. */
export const settingsField = (k: string) => (k.startsWith('profile') || ['name', 'code', 'address', 'officeHours', 'phone', 'email'].includes(k.split('.')[0]!) ? 'profile' : k);
