/**
 * A small shared engine for the case workflows of clarifications (澄清) and corrections (更正):
 * a transition TABLE (data) is looked up, the state and role checked, and the command-specific
 * guard/effect applied. Both workflows are pure: no clock, no storage, no I/O.
 */
import type { IsoDate } from '../calendar/iso-date';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { StaffRole } from '../staff';

/** The command is not allowed in the case's current state (409). */
export class CaseIllegalTransitionError extends ConflictError {
  constructor(
    readonly state: string,
    readonly command: string,
    stateLabel: string,
    commandLabel: string,
  ) {
    super(`当前状态为「${stateLabel}」，不能执行「${commandLabel}」。`, `illegal transition: ${state} -/-> ${command}`);
  }
}

/** The command is allowed in this state, but a rule forbids it now (409). */
export class CaseGuardError extends ConflictError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message, `guard failed: ${code}`);
  }
}

/** The actor lacks the role (or the responsibility) the command needs (403). */
export class CaseForbiddenError extends ForbiddenError {}

/** The command's input is incomplete or malformed (400, with fields). */
export class CaseValidationError extends ValidationError {}

export type CaseActorRole = StaffRole | 'applicant' | 'system';

export type CaseActor =
  | { readonly kind: 'staff'; readonly id: string; readonly roles: readonly StaffRole[] }
  | { readonly kind: 'applicant'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string };

export interface CaseRule<S extends string, C extends string> {
  readonly command: C;
  readonly label: string;
  readonly from: readonly S[];
  /** 'same' = a recorded step that keeps the status. */
  readonly to: S | 'same';
  readonly roles: readonly CaseActorRole[];
  /** A clerk must be the responsible handler (head/admin act on any case). */
  readonly handlerOnly?: boolean;
}

/** Domain events: plain data, ids and dates only, never personal data. */
export interface CaseEvent<S extends string> {
  readonly type: string;
  readonly caseId: string;
  readonly from: S;
  readonly to: S;
  readonly on: IsoDate;
  readonly actor: { readonly kind: CaseActor['kind']; readonly id: string };
  readonly data: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export function rolesOf(actor: CaseActor): readonly CaseActorRole[] {
  return actor.kind === 'staff' ? actor.roles : [actor.kind];
}

export function roleAllowed<S extends string, C extends string>(rule: CaseRule<S, C>, actor: CaseActor, handlerId: string | undefined): boolean {
  const mine = rolesOf(actor);
  if (!mine.some((r) => rule.roles.includes(r))) return false;
  if (rule.handlerOnly && actor.kind === 'staff') {
    const supervisor = mine.some((r) => (r === 'head' || r === 'admin') && rule.roles.includes(r));
    if (!supervisor && handlerId !== undefined && handlerId !== actor.id) return false;
  }
  return true;
}

export function checkRule<S extends string, C extends string>(
  rules: ReadonlyMap<C, CaseRule<S, C>>,
  labels: Readonly<Record<S, string>>,
  status: S,
  command: C,
  actor: CaseActor,
  handlerId: string | undefined,
  what: string,
): CaseRule<S, C> {
  const rule = rules.get(command);
  if (!rule) throw new CaseIllegalTransitionError(status, command, labels[status], command);
  if (!rule.from.includes(status)) throw new CaseIllegalTransitionError(status, command, labels[status], rule.label);
  if (!roleAllowed(rule, actor, handlerId)) {
    throw new CaseForbiddenError(`您无权对本${what}执行「${rule.label}」。`, `forbidden: ${command} by ${rolesOf(actor).join(',')}`);
  }
  return rule;
}

export const guard = (ok: unknown, code: string, message: string): void => {
  if (!ok) throw new CaseGuardError(code, message);
};

/** Trimmed, non-blank text of at most `max` characters, or a field error. */
export function text(v: unknown, field: string, label: string, max = 2000): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!s) throw new CaseValidationError(`请填写${label}。`, { [field]: `请填写${label}。` });
  if (s.length > max) throw new CaseValidationError(`${label}过长。`, { [field]: `${label}不能超过 ${max} 个字。` });
  return s;
}

export function optionalText(v: unknown, field: string, label: string, max = 2000): string | undefined {
  if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
  return text(v, field, label, max);
}
