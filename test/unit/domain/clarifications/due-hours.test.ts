/**
 * Clarification periods are natural clock hours from the instant of registration (国办发〔2016〕61号:
 * within 48 hours; 80号 and 61号 for major emergencies: 24 hours), not working days. The due date
 * kept beside the instant is its Asia/Shanghai date, whatever the server's zone: this file also runs
 * under TZ=Asia/Shanghai and TZ=America/Los_Angeles (vitest.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { caseTime, type Actor } from '#domain/case';
import { clarificationDue, clarificationWorkflow, DEFAULT_CLARIFICATION_CONFIG, openClarification, type ClarificationCase, type ClarificationContext } from '#domain/clarifications';
import { agencyPolicy, DEFAULT_AGENCY_POLICY } from '#domain/policy';

const head: Actor = { kind: 'staff', id: 'h1', roles: ['head'] };
const ctx = (at: string, config = DEFAULT_CLARIFICATION_CONFIG): ClarificationContext => ({ ...caseTime(at), actor: head, config });
const markUrgent = (c: ClarificationCase, at: string, config = DEFAULT_CLARIFICATION_CONFIG) => clarificationWorkflow.decide(c, { type: 'markUrgent', reason: '舆情升温' }, ctx(at, config));

/** Friday 2026-03-06 17:00 in Beijing. */
const FRIDAY_17 = '2026-03-06T09:00:00.000Z';

describe('clarification periods in natural hours', () => {
  it('default 48 hours, urgent 24 hours, in one place (the agency policy carries them)', () => {
    expect(DEFAULT_CLARIFICATION_CONFIG).toEqual({ hours: 48, urgentHours: 24 });
    expect(DEFAULT_AGENCY_POLICY.clarification).toBe(DEFAULT_CLARIFICATION_CONFIG);
    expect(agencyPolicy({ clarification: { hours: 72 } }).clarification).toEqual({ hours: 72, urgentHours: 24 });
  });

  it('a report registered on Friday at 17:00 is due on Sunday at 17:00, not on Tuesday', () => {
    expect(clarificationDue(FRIDAY_17, false)).toEqual({ dueAt: '2026-03-08T09:00:00.000Z', due: '2026-03-08', provisional: false });
  });

  it('an urgent one on Saturday at 17:00', () => {
    expect(clarificationDue(FRIDAY_17, true)).toEqual({ dueAt: '2026-03-07T09:00:00.000Z', due: '2026-03-07', provisional: false });
  });

  it('weekends and holidays do not stop the clock (Spring Festival 2026)', () => {
    // Monday 2026-02-16 (除夕) 09:00 in Beijing: 48 hours later is Wednesday 2026-02-18 09:00, in the middle of the holiday.
    expect(clarificationDue('2026-02-16T01:00:00.000Z', false)).toMatchObject({ dueAt: '2026-02-18T01:00:00.000Z', due: '2026-02-18' });
  });

  it('the due date is the Beijing date of the due instant, never the UTC or server date', () => {
    // Friday 07:30 in Beijing is Thursday 23:30 UTC; 48 hours on it is Sunday 07:30 in Beijing, still Saturday in UTC.
    expect(clarificationDue('2026-03-05T23:30:00.000Z', false)).toEqual({ dueAt: '2026-03-07T23:30:00.000Z', due: '2026-03-08', provisional: false });
    // An instant written with the +08:00 offset is the same instant.
    expect(clarificationDue('2026-03-06T07:30:00+08:00', false).dueAt).toBe('2026-03-07T23:30:00.000Z');
    // Just before midnight in Beijing: the urgent due instant is on the next Beijing day.
    expect(clarificationDue('2026-03-06T15:59:00.000Z', true)).toMatchObject({ dueAt: '2026-03-07T15:59:00.000Z', due: '2026-03-07' });
    expect(clarificationDue('2026-03-06T16:00:00.000Z', true)).toMatchObject({ dueAt: '2026-03-07T16:00:00.000Z', due: '2026-03-08' });
  });

  it("takes the agency's configured hours", () => {
    const config = { hours: 72, urgentHours: 5 };
    expect(clarificationDue(FRIDAY_17, false, config)).toMatchObject({ dueAt: '2026-03-09T09:00:00.000Z', due: '2026-03-09' });
    expect(clarificationDue(FRIDAY_17, true, config)).toMatchObject({ dueAt: '2026-03-06T14:00:00.000Z', due: '2026-03-06' });
  });

  it('a new case records the instant it was registered, its Beijing date, the due instant and its date', () => {
    const c = openClarification({ id: 'CQ-1', source: 'monitoring', registeredAt: '2026-03-05T23:30:00.000Z', urgent: false, handlerId: 'c1' });
    expect(c).toMatchObject({
      registeredAt: '2026-03-05T23:30:00.000Z',
      registeredOn: '2026-03-06',
      dueAt: '2026-03-07T23:30:00.000Z',
      due: '2026-03-08',
      dueProvisional: false,
      urgent: false,
      handlerId: 'c1',
      status: 'registered',
    });
    const urgent = openClarification({ id: 'CQ-2', source: 'media', registeredAt: FRIDAY_17, urgent: true }, { hours: 48, urgentHours: 12 });
    expect(urgent).toMatchObject({ urgent: true, dueAt: '2026-03-06T21:00:00.000Z', due: '2026-03-07' });
  });
});

describe('markUrgent counts the urgent hours from registration', () => {
  const open = (config = DEFAULT_CLARIFICATION_CONFIG) => openClarification({ id: 'CQ-1', source: 'public-report', registeredAt: FRIDAY_17, urgent: false }, config);

  it('moves the due instant to registration + 24 hours, and says so in the event', () => {
    const { next, event } = markUrgent(open(), '2026-03-07T01:00:00.000Z');
    expect(next).toMatchObject({ urgent: true, dueAt: '2026-03-07T09:00:00.000Z', due: '2026-03-07', dueProvisional: false, registeredAt: FRIDAY_17 });
    expect(event.data).toEqual({ reason: '舆情升温', due: '2026-03-07', dueAt: '2026-03-07T09:00:00.000Z' });
  });

  it('counts from registration, not from the moment it is marked (an instant already past stays past)', () => {
    const { next } = markUrgent(open(), '2026-03-07T12:00:00.000Z');
    expect(next.dueAt).toBe('2026-03-07T09:00:00.000Z');
  });

  it('never makes the due instant later than the current one, even on the same Beijing date', () => {
    // 48 hours normally and 47 when urgent: the same date, one hour earlier: allowed.
    expect(markUrgent(open({ hours: 48, urgentHours: 47 }), FRIDAY_17, { hours: 48, urgentHours: 47 }).next.dueAt).toBe('2026-03-08T08:00:00.000Z');
    // A case due at Sunday 09:00 (earlier the same date than Sunday 17:00) is not moved later.
    const early = { ...open(), dueAt: '2026-03-08T01:00:00.000Z' };
    expect(() => markUrgent(early, FRIDAY_17, { hours: 48, urgentHours: 48 })).toThrow('不能晚于原期限');
    expect(() => markUrgent(open({ hours: 24, urgentHours: 30 }), FRIDAY_17, { hours: 24, urgentHours: 30 })).toThrow('不能晚于原期限');
  });
});

describe('cases stored before the hour rule (no registeredAt)', () => {
  // As stored by the working-day version: registered Friday 2026-03-06, due Tuesday 2026-03-10.
  const legacy: ClarificationCase = {
    id: 'CQ-2026-000001',
    status: 'verifying',
    source: 'public-report',
    registeredOn: '2026-03-06' as ClarificationCase['registeredOn'],
    urgent: false,
    due: '2026-03-10' as ClarificationCase['due'],
    dueProvisional: false,
    handlerId: 'c1',
    round: 1,
    publications: [],
    followUps: [],
  };

  it('keep their working-day due date: marking one urgent invents no instant', () => {
    const { next, event } = markUrgent(legacy, '2026-03-07T01:00:00.000Z');
    expect(next).toMatchObject({ urgent: true, due: '2026-03-10', dueProvisional: false });
    expect(next.dueAt).toBeUndefined();
    expect(next.registeredAt).toBeUndefined();
    expect(event.data).toEqual({ reason: '舆情升温', due: '2026-03-10' });
  });

  it('take their other steps without a due instant', () => {
    const { next } = clarificationWorkflow.decide(
      legacy,
      { type: 'recordVerification', department: '市交通运输局', facts: '不收费' },
      { ...ctx('2026-03-07T01:00:00.000Z'), actor: { kind: 'staff', id: 'c1', roles: ['clerk'] } },
    );
    expect(next).toMatchObject({ status: 'drafting', due: '2026-03-10' });
    expect(next.dueAt).toBeUndefined();
  });
});
