import { describe, expect, it } from 'vitest';
import { caseTime, CaseForbiddenError, defineWorkflow, ensure, GuardRefusedError, IllegalTransitionError, nonBlank, unless, type CaseContext } from '#domain/case';

type State = 'open' | 'review' | 'done' | 'dropped';
interface Ticket {
  readonly id: string;
  readonly state: State;
  readonly handlerId?: string;
  readonly note?: string;
  readonly rounds: number;
}
type Command = { type: 'take' } | { type: 'submit'; note: string } | { type: 'approve' } | { type: 'comment'; note?: string } | { type: 'drop' };
interface Extra {
  readonly approvers: readonly ('head' | 'leader')[];
  readonly frozen?: boolean;
}

const tickets = defineWorkflow<Ticket, State, Command, Extra>({
  name: 'ticket',
  noun: '工单',
  states: ['open', 'review', 'done', 'dropped'],
  labels: { open: '办理中', review: '审核中', done: '已办结', dropped: '已撤销' },
  terminal: ['done', 'dropped'],
  stateOf: (t) => t.state,
  withState: (t, state) => ({ ...t, state }),
  idOf: (t) => t.id,
  handlerOf: (t) => t.handlerId,
  transitions: [
    { command: 'take', label: '承办', from: ['open'], to: 'same', roles: ['clerk'] },
    { command: 'submit', label: '提交审核', from: ['open'], to: 'review', roles: ['clerk', 'head'], handlerOnly: true },
    { command: 'approve', label: '审核通过', from: ['review'], to: 'done', roles: (ctx) => ctx.approvers },
    { command: 'comment', label: '备注', from: ['open', 'review'], to: 'same', roles: ['clerk', 'applicant'], handlerOnly: true },
    { command: 'drop', label: '撤销', from: ['open', 'review'], to: 'dropped', roles: ['head', 'system'] },
  ],
  guards: { submit: (_t, ctx) => unless(!ctx.frozen, 'FROZEN', '已冻结，不能提交。') },
  effects: {
    take: (_t, _c, ctx) => ({ patch: { handlerId: ctx.actor.id } }),
    submit: (t, c) => {
      nonBlank(c.note, 'note', '请填写说明。');
      return { patch: { note: c.note, rounds: t.rounds + 1 }, data: { rounds: t.rounds + 1 } };
    },
    approve: () => ({}),
    comment: (t, c) => {
      ensure(c.note !== 'stop', 'STOP', '不能这样备注。');
      return { patch: { note: c.note } };
    },
    drop: (t) => (t.rounds > 1 ? { to: 'done' } : {}),
  },
});

const time = caseTime('2026-12-02T17:30:00Z');
const ctx = (actor: CaseContext<Extra>['actor'], extra: Partial<Extra> = {}): CaseContext<Extra> => ({ ...time, actor, approvers: ['head'], ...extra });
const clerk = (id = 'c1') => ({ kind: 'staff' as const, id, roles: ['clerk' as const] });
const head = { kind: 'staff' as const, id: 'h1', roles: ['head' as const] };
const leader = { kind: 'staff' as const, id: 'l1', roles: ['leader' as const] };
const open: Ticket = { id: 'T-1', state: 'open', rounds: 0 };

describe('case kernel', () => {
  it('dates a step in Asia/Shanghai whatever the server zone', () => {
    expect(time).toEqual({ at: '2026-12-02T17:30:00.000Z', today: '2026-12-03' });
  });

  it('decides a step: next state, patch, and one event in the shared envelope', () => {
    const taken = tickets.decide(open, { type: 'take' }, ctx(clerk())).next;
    const { next, event } = tickets.decide(taken, { type: 'submit', note: '材料齐全' }, ctx(clerk()));
    expect(next).toEqual({ id: 'T-1', state: 'review', handlerId: 'c1', note: '材料齐全', rounds: 1 });
    expect(event).toEqual({ type: 'ticket.submit', caseId: 'T-1', from: 'open', to: 'review', at: time.at, actor: { kind: 'staff', id: 'c1' }, data: { rounds: 1 } });
  });

  it('refuses a step the state does not have, naming the state and the step in Chinese', () => {
    const result = tickets.check({ ...open, state: 'done' }, 'submit', ctx(clerk()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(IllegalTransitionError);
    expect(!result.ok && result.error.message).toBe('当前状态为「已办结」，不能执行「提交审核」。');
    expect(() => tickets.decide(open, { type: 'approve' }, ctx(head))).toThrow(IllegalTransitionError);
  });

  it('refuses an actor without the role, and a clerk who is not the handler; supervisors may', () => {
    const mine = { ...open, handlerId: 'c1' };
    const refused = tickets.check(mine, 'submit', ctx(clerk('c2')));
    expect(refused).toMatchObject({ ok: false, error: { message: '您无权对本工单执行「提交审核」。' } });
    expect(!refused.ok && refused.error).toBeInstanceOf(CaseForbiddenError);
    expect(tickets.check(mine, 'submit', ctx(clerk('c1'))).ok).toBe(true);
    expect(tickets.check(mine, 'submit', ctx(head)).ok).toBe(true);
    expect(tickets.check(mine, 'drop', ctx(clerk('c1'))).ok).toBe(false);
    // No handler yet: anyone with the role may take the step.
    expect(tickets.check(open, 'submit', ctx(clerk('c9'))).ok).toBe(true);
  });

  it('refuses somebody who may never take the step as forbidden in every state, not as a conflict', () => {
    for (const state of ['open', 'review', 'done'] as const) {
      const result = tickets.check({ ...open, state }, 'approve', ctx(clerk()));
      expect(!result.ok && result.error).toBeInstanceOf(CaseForbiddenError);
    }
    // The role holder still learns the state is wrong.
    expect(!tickets.check(open, 'approve', ctx(head)).ok && tickets.check(open, 'approve', ctx(head))).toMatchObject({ error: { message: '当前状态为「办理中」，不能执行「审核通过」。' } });
  });

  it('lets the applicant and scheduled jobs act only where the table names them', () => {
    const applicant = { kind: 'applicant' as const, id: 'T-1' };
    const job = { kind: 'system' as const, id: 'sweep' };
    expect(tickets.available({ ...open, handlerId: 'c1' }, ctx(applicant))).toEqual(['comment']);
    expect(tickets.available(open, ctx(job))).toEqual(['drop']);
  });

  it('takes roles from the policy when the table says so', () => {
    const inReview = { ...open, state: 'review' as const };
    expect(tickets.check(inReview, 'approve', ctx(head)).ok).toBe(true);
    expect(tickets.check(inReview, 'approve', ctx(leader)).ok).toBe(false);
    expect(tickets.check(inReview, 'approve', ctx(leader, { approvers: ['leader'] })).ok).toBe(true);
  });

  it('checks guards without any input, so nobody needs placeholder values to ask', () => {
    const result = tickets.check(open, 'submit', ctx(clerk(), { frozen: true }));
    expect(result).toMatchObject({ ok: false, error: { code: 'FROZEN', message: '已冻结，不能提交。' } });
    expect(!result.ok && result.error).toBeInstanceOf(GuardRefusedError);
    expect(tickets.available(open, ctx(clerk(), { frozen: true }))).toEqual(['take', 'comment']);
    expect(() => tickets.decide(open, { type: 'submit', note: 'x' }, ctx(clerk(), { frozen: true }))).toThrow(GuardRefusedError);
  });

  it('lists what an actor may do now', () => {
    expect(tickets.available(open, ctx(clerk()))).toEqual(['take', 'submit', 'comment']);
    expect(tickets.available(open, ctx(head))).toEqual(['submit', 'drop']);
    expect(tickets.available({ ...open, state: 'done' }, ctx(head))).toEqual([]);
  });

  it('validates input inside the effect with field errors, and refuses by rule with a code', () => {
    expect(() => tickets.decide(open, { type: 'submit', note: '  ' }, ctx(clerk()))).toThrow(expect.objectContaining({ status: 400, fields: { note: '请填写说明。' } }));
    expect(() => tickets.decide(open, { type: 'comment', note: 'stop' }, ctx(clerk()))).toThrow(expect.objectContaining({ code: 'STOP', status: 409 }));
  });

  it('removes fields patched with undefined and honours an effect that picks its target', () => {
    const noted = { ...open, note: '旧' };
    expect(tickets.decide(noted, { type: 'comment' }, ctx(clerk())).next).not.toHaveProperty('note');
    expect(tickets.decide({ ...open, rounds: 2 }, { type: 'drop' }, ctx(head)).next.state).toBe('done');
    expect(tickets.decide(open, { type: 'drop' }, ctx(head)).next.state).toBe('dropped');
  });

  it('describes itself: labels, terminal states, event names', () => {
    expect(tickets.stateLabel('review')).toBe('审核中');
    expect(tickets.commandLabel('approve')).toBe('审核通过');
    expect(tickets.isTerminal('dropped')).toBe(true);
    expect(tickets.eventType('submit')).toBe('ticket.submit');
  });

  it('rejects a malformed table when it is defined, not when a clerk meets it', () => {
    const base = {
      name: 'bad',
      noun: '案件',
      states: ['a', 'b'] as const,
      labels: { a: 'A', b: 'B' },
      terminal: ['b'] as const,
      stateOf: (x: { s: 'a' | 'b' }) => x.s,
      withState: (x: { s: 'a' | 'b' }, s: 'a' | 'b') => ({ ...x, s }),
      idOf: () => 'x',
    };
    expect(() =>
      defineWorkflow<{ s: 'a' | 'b' }, 'a' | 'b', { type: 'go' }>({ ...base, transitions: [{ command: 'go', label: '走', from: ['b'], to: 'a', roles: ['clerk'] }], effects: { go: () => ({}) } }),
    ).toThrow(/terminal/);
    expect(() =>
      defineWorkflow<{ s: 'a' | 'b' }, 'a' | 'b', { type: 'go' }>({
        ...base,
        transitions: [
          { command: 'go', label: '走', from: ['a'], to: 'b', roles: ['clerk'] },
          { command: 'go', label: '走', from: ['a'], to: 'b', roles: ['clerk'] },
        ],
        effects: { go: () => ({}) },
      }),
    ).toThrow(/twice/);
    expect(() =>
      defineWorkflow<{ s: 'a' | 'b' }, 'a' | 'b', { type: 'go' }>({
        ...base,
        transitions: [{ command: 'go', label: '走', from: ['a'], to: 'c' as 'b', roles: ['clerk'] }],
        effects: { go: () => ({}) },
      }),
    ).toThrow(/unknown state/);
  });
});
