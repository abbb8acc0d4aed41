/** What the secrecy scanner can find. */
export const FINDING_KINDS = ['resident-id', 'resident-id-15', 'mobile', 'landline', 'bank-card', 'uscc', 'email', 'passport', 'classification-marking', 'watch-term'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Labels shown to staff. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  'resident-id': '居民身份证号码',
  'resident-id-15': '居民身份证号码（15位旧号码）',
  mobile: '手机号码',
  landline: '固定电话号码',
  'bank-card': '银行卡号',
  uscc: '统一社会信用代码',
  email: '电子邮箱地址',
  passport: '护照号码',
  'classification-marking': '密级或内部事项标识',
  'watch-term': '监控词',
};

/** The checklist item (审查单) a kind of finding bears on. */
export const FINDING_KIND_CATEGORY: Record<FindingKind, 'personal-privacy' | 'trade-secret' | 'state-or-work-secret' | 'watch-list'> = {
  'resident-id': 'personal-privacy',
  'resident-id-15': 'personal-privacy',
  mobile: 'personal-privacy',
  landline: 'personal-privacy',
  'bank-card': 'personal-privacy',
  uscc: 'trade-secret',
  email: 'personal-privacy',
  passport: 'personal-privacy',
  'classification-marking': 'state-or-work-secret',
  'watch-term': 'watch-list',
};

/**
 * One thing the scanner found.
 *
 * `start`/`end` are UTF-16 code-unit offsets into the scanned string (JavaScript string indices,
 * `text.slice(start, end) === value`), end exclusive. They are not byte offsets and not code-point
 * offsets: a client in another language must convert.
 */
export interface Finding {
  readonly kind: FindingKind;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Masked rendering safe to show in lists and logs, e.g. `110101********1234`. */
  readonly preview: string;
  /**
   * The matched text exactly as it appears in the input. Sensitive: keep it in memory (to build
   * redaction spans or verify a redacted copy); never log it or store it in a review record.
   */
  readonly value: string;
}

/** The JSON shape `POST /api/secrecy/scan` returns for each finding (no raw value). */
export interface PublicFinding {
  readonly kind: FindingKind;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly preview: string;
}

export const toPublicFinding = (f: Finding): PublicFinding => ({
  kind: f.kind,
  label: f.label,
  start: f.start,
  end: f.end,
  preview: f.preview,
});
