import { JPEG, PDF, PNG } from '../../domain/content-types';
import { caseTime, timelineActor, type Actor, type CaseTimelineEntry } from '../../domain/case';
import { ValidationError } from '../../domain/errors';
import type { AppDependencies } from '../context';
import { safeFileName } from '../documents';

export type CaseDeps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config' | 'effects' | 'policy' | 'content' | 'mailer'>;

/** Screenshots and evidence: checked by their bytes, never by name. */
export const UPLOAD_TYPES: Record<string, string> = { [PDF]: 'PDF', [JPEG]: 'JPEG 图片', [PNG]: 'PNG 图片' };
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface FileUpload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Checks uploads (count, size, type by magic bytes) before anything is stored; returns sniffed types. */
export function checkUploads(deps: Pick<CaseDeps, 'content'>, uploads: readonly FileUpload[], field: string, max: number): { upload: FileUpload; contentType: string; fileName: string }[] {
  const present = uploads.filter((a) => a.bytes.byteLength > 0 || a.fileName.trim() !== '');
  if (present.length > max) throw new ValidationError(`文件不能超过${max}个。`, { [field]: `文件不能超过${max}个。` });
  return present.map((a) => {
    const fileName = safeFileName(a.fileName || 'file');
    if (a.bytes.byteLength === 0) throw new ValidationError('文件是空的。', { [field]: `“${fileName}”是空文件，请重新选择。` });
    if (a.bytes.byteLength > MAX_UPLOAD_BYTES) throw new ValidationError('文件过大。', { [field]: `每个文件不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。` });
    const inspection = deps.content.inspect(a.bytes);
    if (!inspection.ok && inspection.code !== 'unknown-type') throw new ValidationError('文件不予接收。', { [field]: `“${fileName}”：${inspection.message}` });
    const type = inspection.ok ? inspection.contentType : undefined;
    if (!type || !(type in UPLOAD_TYPES)) throw new ValidationError('文件类型不受支持。', { [field]: `“${fileName}”不是有效的 PNG、JPEG 或 PDF 文件（按文件内容判断）。` });
    return { upload: a, contentType: type, fileName };
  });
}

/**
 * The first line of a case's timeline (a report, a submission, a case opened by staff), which is
 * no workflow step: the case runner writes every later line.
 */
export function openingLine(deps: Pick<CaseDeps, 'clock'>, type: string, label: string, actor: Actor, isPublic: boolean): CaseTimelineEntry {
  const { at, today } = caseTime(deps.clock.now());
  return { at, on: today, type, label, actor: timelineActor(actor), public: isPublic };
}

export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
export const bool = (v: unknown): boolean => v === true || v === 'true' || v === 'on' || v === 'yes' || v === '1';
export const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : [])
    .map((s) => (typeof s === 'string' ? s.trim() : ''))
    .filter(Boolean);

export function optionalEmail(v: unknown, field: string): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  if (s.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) throw new ValidationError('电子邮箱格式不正确。', { [field]: '请填写正确的电子邮箱地址。' });
  return s;
}

export function optionalPhone(v: unknown, field: string): string | undefined {
  const s = str(v).replace(/[\s-]/g, '');
  if (!s) return undefined;
  if (!/^\+?\d{7,15}$/.test(s)) throw new ValidationError('电话号码格式不正确。', { [field]: '请填写正确的电话号码。' });
  return s;
}

export function optionalUrl(v: unknown, field: string): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new ValidationError('链接格式不正确。', { [field]: '请填写以 http:// 或 https:// 开头的完整链接。' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ValidationError('链接格式不正确。', { [field]: '请填写以 http:// 或 https:// 开头的完整链接。' });
  if (s.length > 1000) throw new ValidationError('链接过长。', { [field]: '链接不能超过 1000 个字符。' });
  return u.toString();
}

/** “剩余 N 个工作日” / “今日到期” / “已超期 N 个工作日”. */
export function workingDaysLeftLabel(left: number): string {
  if (left > 0) return `剩余 ${left} 个工作日`;
  if (left === 0) return '今日到期';
  return `已超期 ${-left} 个工作日`;
}
