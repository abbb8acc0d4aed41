import { shanghaiLocalToInstant } from '#domain/catalogue';
import { isItemStepCommand, parseItemStepInput, type ItemStepCommand } from '#domain/catalogue/commands';
import { NotFoundError } from '#domain/errors';
import type { StaffMember } from '#domain/staff';
import type { StoredItem } from '#repositories/items';
import { discardItem, markItemValidity, publishItem, reopenItem, returnItem, reviseItem, submitItem, unscheduleItem, withdrawItem, type CatalogueDeps } from './items';

type Run = (deps: CatalogueDeps, staff: StaffMember, id: string, input: unknown, v: number | undefined) => Promise<StoredItem>;
const on =
  <C extends ItemStepCommand>(command: C, run: (deps: CatalogueDeps, staff: StaffMember, id: string, input: ReturnType<typeof parseItemStepInput<C>>, v?: number) => Promise<StoredItem>): Run =>
  (deps, staff, id, input, v) =>
    run(deps, staff, id, parseItemStepInput(command, input), v);

const STEPS: { readonly [C in ItemStepCommand]: Run } = {
  submit: on('submit', (d, s, id, _x, v) => submitItem(d, s, id, v)),
  publish: on('publish', (d, s, id, _x, v) => publishItem(d, s, id, { ...(v ? { expectedVersion: v } : {}) })),
  // A form gives Beijing time; the instant is what the table schedules.
  schedule: on('schedule', (d, s, id, x, v) => publishItem(d, s, id, { publishAt: shanghaiLocalToInstant(x.publishAt.replace(' ', 'T')), ...(v ? { expectedVersion: v } : {}) })),
  unschedule: on('unschedule', (d, s, id, _x, v) => unscheduleItem(d, s, id, v)),
  return: on('return', (d, s, id, x, v) => returnItem(d, s, id, x.reason, v)),
  reopen: on('reopen', (d, s, id, x, v) => reopenItem(d, s, id, x.reason, v)),
  revise: on('revise', (d, s, id, x, v) => reviseItem(d, s, id, x.changedOn, v)),
  discard: on('discard', (d, s, id, _x, v) => discardItem(d, s, id, v)),
  markValidity: on('markValidity', (d, s, id, x, v) => markItemValidity(d, s, id, x, v)),
  withdraw: on('withdraw', (d, s, id, x, v) => withdrawItem(d, s, id, x.reason, v)),
};

/** One step of an item's form, by the table's command name: its input parsed by the command's schema (commands.ts). */
export async function runItemStep(deps: CatalogueDeps, staff: StaffMember, id: string, command: string, input: unknown, expectedVersion?: number): Promise<StoredItem> {
  if (!isItemStepCommand(command)) throw new NotFoundError('页面不存在。');
  return STEPS[command](deps, staff, id, input, expectedVersion);
}
