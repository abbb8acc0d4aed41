/**
 * The agency profile: what the disclosure guide (指南, Art. 12) and every item page show about
 * the agency, and the code that prefixes index numbers (domain.md §1.6).
 */
import { z } from '../zod';
import { CatalogueValidationError } from './errors';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 组织机构代码 (GB 11714): 8 body characters + check character, hyphen removed. */
export function isOrganisationCode(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = code.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55; // A = 10 … Z = 35
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return code[8] === expected;
}

/** 统一社会信用代码 (GB 32100): 18 characters from a 31-character alphabet with a check character. */
export function isUnifiedSocialCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(code[i]!);
    if (v < 0) return false;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return code[17] === USCC_CHARS[c];
}

export type AgencyCodeKind = 'org9' | 'uscc18';

/** Normalises a typed code (upper case, no spaces; "0142768-8" → "01427688") and says which kind it is. */
export function normaliseAgencyCode(raw: string): { code: string; kind: AgencyCodeKind } | undefined {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  const org = s.replace(/^([0-9A-Z]{8})-([0-9X])$/, '$1$2');
  if (isOrganisationCode(org)) return { code: org, kind: 'org9' };
  if (isUnifiedSocialCreditCode(s)) return { code: s, kind: 'uscc18' };
  return undefined;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });

const phone = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^[0-9()（）+\-\s转、,，]{5,60}$/, { error: `${label}格式不正确，只能包含数字、括号、加号、连字符和“转”` });

const contactBody = z.object({
  name: text('机构名称', 60),
  address: z.string().trim().max(120, { error: '地址不能超过120个字' }).optional(),
  phone: phone('电话').optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: '邮政编码应为6位数字' })
    .optional(),
});

/** A text the administrator may leave empty for now (an empty box is absent, not an error). */
const laterText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .optional()
    .transform((v) => v || undefined);

export const agencyProfileSchema = z.object({
  name: text('机关名称', 60),
  /** 9-character organisation code or 18-character USCC; prefix of index numbers. */
  code: z.string({ error: '请填写组织机构代码或统一社会信用代码' }).transform((raw, ctx) => {
    const n = normaliseAgencyCode(raw);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: '代码无效：应为9位组织机构代码或18位统一社会信用代码，且校验位正确' });
      return z.NEVER;
    }
    return n.code;
  }),
  address: text('办公地址', 120),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: '邮政编码应为6位数字' })
    .optional(),
  officeHours: text('办公时间', 120),
  phone: phone('联系电话'),
  fax: phone('传真').optional(),
  email: z.email({ error: '电子邮箱格式不正确' }).max(120, { error: '电子邮箱过长' }),
  website: z.url({ protocol: /^https?$/, error: '网站地址应以 http:// 或 https:// 开头' }).optional(),
  /** 政府信息公开工作机构 (Art. 4). */
  disclosureOffice: contactBody,
  /**
   * 行政复议机关 named in the guide and in answer letters. Entered, never derived from the name:
   * 复议法 (2023) Art. 24 sends a district department to the district government, a vertical body
   * elsewhere (Art. 27); no rule on the agency's name finds it.
   */
  reconsiderationBody: contactBody,
  /**
   * The people's court with jurisdiction over the agency's administrative cases, named in every
   * letter's remedy notice. Entered, never derived: many provinces designate courts for
   * administrative cases (集中管辖), and level depends on the defendant (行诉法 Arts. 14–15, 18).
   * Optional here so a guide can be published first; letters are refused until it is set.
   */
  court: laterText('有管辖权的人民法院', 60),
  /** 发文机关代字 of the agency's letters: 示例政办 → 示例政办〔2026〕12号 (GB/T 9704 发文字号). Required before letters, like the court. */
  letterPrefix: laterText('发文机关代字', 20),
  /**
   * How an applicant pays an information processing fee (109号: non-tax revenue, the agency's
   * payment code or account), as the 收费通知书 states it. Required before a fee notice.
   */
  feePayment: laterText('信息处理费缴纳方式', 200),
});

export type AgencyProfileInput = z.input<typeof agencyProfileSchema>;
export type AgencyProfile = z.output<typeof agencyProfileSchema>;

export function agencyCodeKind(profile: Pick<AgencyProfile, 'code'>): AgencyCodeKind {
  return profile.code.length === 18 ? 'uscc18' : 'org9';
}

/** Parses a submitted profile; throws CatalogueValidationError with per-field Chinese messages. */
export function parseAgencyProfile(input: unknown): AgencyProfile {
  const r = agencyProfileSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.join('.')] ??= i.message;
  throw new CatalogueValidationError('机关信息填写有误，请检查标出的项目', fields);
}
