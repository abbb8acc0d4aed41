import type { WorkflowState } from '#domain/catalogue';
import type { StaffMember } from '#domain/staff';
import type { Page } from '#ports/record-store';
import { mayCreateItem, staffWorkList, type CatalogueDeps, type WorkListRow } from './items';
import { mayEditCatalogueSettings } from './settings';

/** The tabs of the 主动公开 work list, in order; an unknown tab is the drafts. */
export const WORK_LIST_STATES: readonly WorkflowState[] = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn'];
const NOT_YET_PUBLIC = ['draft', 'submitted', 'approved'] as const;

export interface StaffWorkListView {
  readonly state: WorkflowState;
  readonly page: Page<WorkListRow>;
  /** Versions past their publication deadline in the states before publication, whatever tab is shown. */
  readonly overdue: readonly { readonly id: string; readonly title: string; readonly due: string }[];
  readonly mayCreate: boolean;
  readonly mayEditSettings: boolean;
}

/** What the work list shows this member of staff: one tab of items, the overdue ones, and what they may start. */
export async function staffWorkListView(deps: CatalogueDeps, staff: StaffMember, tab: string | undefined, cursor?: string): Promise<StaffWorkListView> {
  const state = WORK_LIST_STATES.find((s) => s === tab) ?? 'draft';
  const page = await staffWorkList(deps, state, cursor);
  const overdue: { id: string; title: string; due: string }[] = [];
  for (const s of NOT_YET_PUBLIC) {
    const list = s === state ? page : await staffWorkList(deps, s);
    for (const r of list.items) if (r.deadline?.status === 'overdue') overdue.push({ id: r.id, title: r.title, due: r.deadline.due });
  }
  return { state, page, overdue, mayCreate: mayCreateItem(staff), mayEditSettings: mayEditCatalogueSettings(staff) };
}
