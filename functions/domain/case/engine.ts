/**
 * The case kernel: every kind of case (applications, clarifications, corrections, catalogue
 * publishing, the secrecy review) is a transition TABLE on this one engine, plus guard and effect
 * functions. The table is data: who may do what from which state, whether only the responsible
 * handler may, whether the applicant sees the step, and which form the step asks for.
 *
 *   available(case, ctx)          → the steps this actor may take now (for buttons and the API)
 *   check(case, command, ctx)     → allowed, or a refusal with a Chinese reason; needs no input,
 *                                   so nobody has to call decide with placeholder values to ask
 *   decide(case, command, ctx)    → the next case and the step's event, or a named error
 *
 * Pure: the caller passes the time (CaseTime), the actor and the agency's policy; no clock, no
 * storage, no I/O here.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { Instant } from '../calendar/instant';
import { rolesOf, SUPERVISOR_ROLES, type Actor, type ActorRole } from './actor';
import { CaseForbiddenError, GuardRefusedError, IllegalTransitionError, type CaseRefusal } from './errors';

/** Event data: ids, dates, codes and counts only, never personal data. */
export type EventData = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** The one event envelope. `type` is `<case type>.<step in kebab case>`, the audit log's naming style. */
export interface CaseEvent<S extends string = string> {
  readonly type: string;
  readonly caseId: string;
  readonly from: S;
  readonly to: S;
  readonly at: Instant;
  readonly actor: { readonly kind: Actor['kind']; readonly id: string };
  readonly data: EventData;
}

/**
 * One field of a step's form: the web layer renders it and the step's command schema validates the
 * same names, so a label's 必填 can never disagree with the check. `radio` is one choice shown as
 * buttons, `checkboxes` several (posted as repeated values), `list` one item per line.
 */
export interface StepField {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'radio' | 'checkbox' | 'checkboxes' | 'list';
  readonly required?: boolean;
  readonly hint?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Height of a textarea or list. */
  readonly rows?: number;
}

export interface StepForm {
  readonly fields: readonly StepField[];
  /** Ask before a step that cannot be undone ("确认…？"). */
  readonly confirm?: string;
  /** The button's emphasis: a plain step, or one that ends or refuses something. */
  readonly tone?: 'primary' | 'secondary' | 'warning';
}

/** Everything a step is decided with. `X` is what the case type adds (calendar, policy, facts). */
export type CaseContext<X = unknown> = X & {
  readonly actor: Actor;
  readonly at: Instant;
  readonly today: IsoDate;
};

export interface Transition<S extends string, C extends string, X = unknown> {
  readonly command: C;
  readonly label: string;
  readonly from: readonly S[];
  /** 'same' = a recorded step that keeps the state. */
  readonly to: S | 'same';
  /** Who may take the step; a function when the agency's policy decides (e.g. extension approvers). */
  readonly roles: readonly ActorRole[] | ((ctx: CaseContext<X>) => readonly ActorRole[]);
  /** A clerk must be the case's responsible handler; heads and administrators act on any case. */
  readonly handlerOnly?: boolean;
  /** The step appears on the applicant's tracking page. */
  readonly visibleToApplicant?: boolean;
  readonly form?: StepForm;
  /** The step's name in events and the audit log when it is not the command's (kebab case). */
  readonly event?: string;
}

/** A rule that can forbid a step before any input is given: a code and the Chinese reason, or nothing. */
export type Guard<K, X> = (c: K, ctx: CaseContext<X>) => { readonly code: string; readonly message: string } | undefined;

/** What a step does: fields to change (undefined removes one), event data, or a different target. */
export interface Effect<K, S extends string> {
  readonly patch?: Partial<K>;
  readonly data?: EventData;
  /** Overrides the table's target (a step whose result depends on the input). Must be a listed state. */
  readonly to?: S;
  /** Overrides the event name when the outcome names the step (a signature that concludes a review). */
  readonly event?: string;
}

type CommandOf<C extends string> = { readonly type: C };

export interface WorkflowDefinition<K, S extends string, Cmd extends CommandOf<string>, X> {
  /** Case type in events and audit names: 'request', 'clarification', 'item', … */
  readonly name: string;
  /** The noun in messages: 本「申请」. */
  readonly noun: string;
  readonly states: readonly S[];
  readonly labels: Readonly<Record<S, string>>;
  readonly terminal: readonly S[];
  readonly transitions: readonly Transition<S, Cmd['type'], X>[];
  readonly stateOf: (c: K) => S;
  readonly withState: (c: K, state: S) => K;
  readonly idOf: (c: K) => string;
  /** The responsible handler, for `handlerOnly` steps. None yet = anyone with the role may. */
  readonly handlerOf?: (c: K) => string | undefined;
  /** Rules that need no input, checked by `check` and `available` as well as by `decide`. */
  readonly guards?: { readonly [T in Cmd['type']]?: Guard<K, X> };
  readonly effects: { readonly [T in Cmd['type']]: (c: K, command: Extract<Cmd, CommandOf<T>>, ctx: CaseContext<X>) => Effect<K, S> };
}

export type CheckResult<S extends string, C extends string, X> = { readonly ok: true; readonly transition: Transition<S, C, X> } | { readonly ok: false; readonly error: CaseRefusal };

export interface Decided<K, S extends string> {
  readonly next: K;
  readonly event: CaseEvent<S>;
}

export interface Workflow<K, S extends string, Cmd extends CommandOf<string>, X> {
  readonly name: string;
  readonly noun: string;
  readonly states: readonly S[];
  readonly terminal: readonly S[];
  readonly transitions: readonly Transition<S, Cmd['type'], X>[];
  idOf(c: K): string;
  stateOf(c: K): S;
  /** The responsible handler, where the case type has one. */
  handlerOf(c: K): string | undefined;
  stateLabel(state: S): string;
  commandLabel(command: Cmd['type']): string;
  transition(command: Cmd['type']): Transition<S, Cmd['type'], X> | undefined;
  isTerminal(state: S): boolean;
  check(c: K, command: Cmd['type'], ctx: CaseContext<X>): CheckResult<S, Cmd['type'], X>;
  /** Throws the refusal `check` would return. */
  assertAllowed(c: K, command: Cmd['type'], ctx: CaseContext<X>): Transition<S, Cmd['type'], X>;
  available(c: K, ctx: CaseContext<X>): Cmd['type'][];
  decide(c: K, command: Cmd, ctx: CaseContext<X>): Decided<K, S>;
  /** The event type of a step: `<name>.<kebab-case step>`. */
  eventType(command: Cmd['type']): string;
}

export const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function defineWorkflow<K, S extends string, Cmd extends CommandOf<string>, X = unknown>(def: WorkflowDefinition<K, S, Cmd, X>): Workflow<K, S, Cmd, X> {
  type C = Cmd['type'];
  const byCommand = new Map<C, Transition<S, C, X>>();
  for (const t of def.transitions) {
    if (byCommand.has(t.command)) throw new Error(`${def.name}: command ${t.command} listed twice`);
    for (const s of [...t.from, ...(t.to === 'same' ? [] : [t.to])]) {
      if (!def.states.includes(s)) throw new Error(`${def.name}: ${t.command} names unknown state ${s}`);
      if (t.from.includes(s) && def.terminal.includes(s)) throw new Error(`${def.name}: ${t.command} leaves terminal state ${s}`);
    }
    byCommand.set(t.command, t);
  }
  for (const command of Object.keys(def.effects) as C[]) {
    if (!byCommand.has(command)) throw new Error(`${def.name}: effect for ${command} has no transition`);
  }
  for (const t of def.transitions) if (!(t.command in def.effects)) throw new Error(`${def.name}: ${t.command} has no effect`);

  const stateLabel = (s: S) => def.labels[s] ?? s;
  const commandLabel = (c: C) => byCommand.get(c)?.label ?? c;

  const allowedRoles = (t: Transition<S, C, X>, ctx: CaseContext<X>) => (typeof t.roles === 'function' ? t.roles(ctx) : t.roles);
  const holdsRole = (t: Transition<S, C, X>, ctx: CaseContext<X>) => rolesOf(ctx.actor).some((r) => allowedRoles(t, ctx).includes(r));

  /** A `handlerOnly` step: the handler, anyone with the role while there is none, or a supervisor with the role. */
  function handlerAllowed(t: Transition<S, C, X>, c: K, ctx: CaseContext<X>): boolean {
    if (!t.handlerOnly || ctx.actor.kind !== 'staff') return true;
    const supervisor = rolesOf(ctx.actor).some((r) => SUPERVISOR_ROLES.includes(r) && allowedRoles(t, ctx).includes(r));
    const handler = def.handlerOf?.(c);
    return supervisor || handler === undefined || handler === ctx.actor.id;
  }

  // Who may take a step is asked before whether the case is in a state for it: somebody who may never
  // take the step hears "not yours" (403) in every state, not a conflict (409) that invites a retry.
  function check(c: K, command: C, ctx: CaseContext<X>): CheckResult<S, C, X> {
    const state = def.stateOf(c);
    const t = byCommand.get(command);
    if (!t) return { ok: false, error: new IllegalTransitionError(state, command, stateLabel(state), command) };
    const forbidden = () => ({
      ok: false as const,
      error: new CaseForbiddenError(`您无权对本${def.noun}执行「${t.label}」。`, `forbidden: ${def.name}.${command} by ${rolesOf(ctx.actor).join(',')}`),
    });
    if (!holdsRole(t, ctx)) return forbidden();
    if (!t.from.includes(state)) return { ok: false, error: new IllegalTransitionError(state, command, stateLabel(state), t.label) };
    if (!handlerAllowed(t, c, ctx)) return forbidden();
    const refused = def.guards?.[command]?.(c, ctx);
    if (refused) return { ok: false, error: new GuardRefusedError(refused.code, refused.message) };
    return { ok: true, transition: t };
  }

  function assertAllowed(c: K, command: C, ctx: CaseContext<X>): Transition<S, C, X> {
    const result = check(c, command, ctx);
    if (!result.ok) throw result.error;
    return result.transition;
  }

  const eventType = (command: C) => `${def.name}.${byCommand.get(command)?.event ?? kebab(command)}`;

  return {
    name: def.name,
    noun: def.noun,
    states: def.states,
    terminal: def.terminal,
    transitions: def.transitions,
    idOf: def.idOf,
    stateOf: def.stateOf,
    handlerOf: (c) => def.handlerOf?.(c),
    stateLabel,
    commandLabel,
    transition: (command) => byCommand.get(command),
    isTerminal: (s) => def.terminal.includes(s),
    check,
    assertAllowed,
    available: (c, ctx) => def.transitions.filter((t) => check(c, t.command, ctx).ok).map((t) => t.command),
    eventType,
    decide(c, command, ctx) {
      const t = assertAllowed(c, command.type, ctx);
      const effect = def.effects[command.type as C](c, command as Extract<Cmd, CommandOf<C>>, ctx);
      const from = def.stateOf(c);
      const to = effect.to ?? (t.to === 'same' ? from : t.to);
      if (!def.states.includes(to)) throw new Error(`${def.name}: ${command.type} led to unknown state ${to}`);
      const next = def.withState(applyPatch(c, effect.patch), to);
      const event: CaseEvent<S> = {
        type: effect.event ? `${def.name}.${effect.event}` : eventType(command.type),
        caseId: def.idOf(c),
        from,
        to,
        at: ctx.at,
        actor: { kind: ctx.actor.kind, id: ctx.actor.id },
        data: effect.data ?? {},
      };
      return { next, event };
    },
  };
}

/** A shallow patch where `undefined` removes the field (stored records carry no undefined keys). */
export function applyPatch<K>(c: K, patch: Partial<K> | undefined): K {
  if (!patch) return c;
  const next = { ...c, ...patch } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
  return next as K;
}

/** A guard result helper: `refuse(ok, code, message)` → undefined when ok. */
export const unless = (ok: unknown, code: string, message: string): { code: string; message: string } | undefined => (ok ? undefined : { code, message });

/** Inside an effect: throw the refusal unless `ok`. */
export function ensure(ok: unknown, code: string, message: string): asserts ok {
  if (!ok) throw new GuardRefusedError(code, message);
}
