import type { IsoDate } from '#domain/calendar';
import { caseTime, type Actor, type CaseContext } from '#domain/case';
import { applyPublishingCommand, createRecord, type DisclosureRecord, type ItemContent, type PublishingCommand } from '#domain/catalogue';

export const DIGEST = 'a'.repeat(64);
export const OTHER_DIGEST = 'b'.repeat(64);
export const T0 = '2026-02-10T01:00:00.000Z'; // 09:00 Beijing

export function aContent(overrides: Partial<ItemContent> = {}): ItemContent {
  return {
    title: '关于印发2026年部门预算的通知',
    issuer: '某市财政局',
    coIssuers: [],
    formedOn: '2026-02-02' as IsoDate,
    writtenOn: '2026-02-01' as IsoDate,
    documentNumber: '某财发〔2026〕3号',
    categoryId: 'budgets',
    keywords: ['预算', '部门预算'],
    summary: '公开2026年部门预算。',
    body: '## 一、总体情况\n\n2026年部门预算收入合计100万元。',
    attachments: [],
    disclosureAttribute: 'proactive',
    related: { interpretations: [], clarifications: [], others: [] },
    ...overrides,
  };
}

export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** A staff member who may take every step of the table (drafts, releases and withdraws). */
export const anyone = (id = 'staff-1'): Actor => ({ kind: 'staff', id, name: `员工${id}`, roles: ['clerk', 'head'] });

/** The context of a step taken at `when` by `actor` (or a staff member with every role the table names). */
export const stepCtx = (when: string, actor: Actor | string = 'staff-1'): CaseContext => ({ ...caseTime(when), actor: typeof actor === 'string' ? anyone(actor) : actor });

export function run(record: DisclosureRecord, ...steps: [PublishingCommand, string?][]): DisclosureRecord {
  let r = record;
  steps.forEach(([cmd, when], i) => {
    r = applyPublishingCommand(r, cmd, stepCtx(when ?? at(i + 1))).record;
  });
  return r;
}

export const approved = { reviewId: 'rev-1', status: 'approved', digest: DIGEST };

export function aDraft(id = 'item-1', content = aContent()): DisclosureRecord {
  return createRecord(id, content, stepCtx(T0)).record;
}

/** Published at T0 + 3 minutes. */
export function aPublished(id = 'item-1', content = aContent(), indexNumber = '000014349/2026-00001'): DisclosureRecord {
  return run(aDraft(id, content), [{ type: 'submit', digest: DIGEST }], [{ type: 'approve', clearance: approved, indexNumber }], [{ type: 'publish' }]);
}
