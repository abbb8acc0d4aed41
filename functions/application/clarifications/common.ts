import { ValidationError } from '#domain/errors';
import { JPEG, PDF, PNG } from '#domain/content-types';
import { caseTime, timelineActor, type Actor, type CaseTimelineEntry } from '#domain/case';
import type { AppDependencies } from '../context';
import { checkUploads as checkFiles, type Upload } from '../uploads';

export type CaseDeps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config' | 'effects' | 'policy' | 'content' | 'mailer'>;

/** Screenshots and evidence: checked by their bytes, never by name. */
export const UPLOAD_TYPES: Record<string, string> = { [PDF]: 'PDF', [JPEG]: 'JPEG 图片', [PNG]: 'PNG 图片' };
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type FileUpload = Upload;

/** Screenshots and evidence: PDF or images, up to 5 MB each. */
export function checkUploads(deps: Pick<CaseDeps, 'content'>, uploads: readonly FileUpload[], field: string, max: number) {
  return checkFiles(deps, uploads, { field, noun: '文件', max, maxBytes: MAX_UPLOAD_BYTES, types: UPLOAD_TYPES, typesText: 'PNG、JPEG 或 PDF' });
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
