import { describe, expect, it } from 'vitest';
import { createItem, runItemStep, saveCatalogueSettings, staffWorkListView, submitItem } from '#application/catalogue';
import { CaseValidationError } from '#domain/case';
import { ForbiddenError, NotFoundError } from '#domain/errors';
import { catalogueDeps, itemInput, people } from './support';

describe('the work list read model and item steps by command', () => {
  it('says what the person asking may start: drafts for whoever edits them, the settings for administrators only', async () => {
    const { deps } = catalogueDeps();
    const clerk = await staffWorkListView(deps, people.clerk, 'draft');
    expect({ mayCreate: clerk.mayCreate, mayEditSettings: clerk.mayEditSettings }).toEqual({ mayCreate: true, mayEditSettings: false });
    const admin = await staffWorkListView(deps, people.admin, undefined);
    expect(admin.mayEditSettings).toBe(true);
    expect((await staffWorkListView(deps, people.head, 'draft')).mayCreate).toBe(false);
    await expect(saveCatalogueSettings(deps, people.clerk, { guide: '指南' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows one tab (drafts when the tab is unknown) and the overdue items of every state before publication', async () => {
    const { deps } = catalogueDeps();
    const late = await createItem(deps, people.clerk, itemInput({ title: '逾期的通知', formedOn: '2025-01-02' }));
    await submitItem(deps, people.clerk, late.record.id);
    await createItem(deps, people.clerk, itemInput({ title: '新的草稿' }));
    const view = await staffWorkListView(deps, people.clerk, '__proto__');
    expect(view.state).toBe('draft');
    expect(view.page.items.map((r) => r.title)).toEqual(['新的草稿']);
    expect(view.overdue.map((o) => o.title)).toEqual(['逾期的通知']);
  });

  it('runs a step by the table’s command, its input parsed by the command’s schema; an unknown command is 404', async () => {
    const { deps } = catalogueDeps();
    const id = (await createItem(deps, people.clerk, itemInput())).record.id;
    await expect(runItemStep(deps, people.clerk, id, 'markValidity', { status: '' })).rejects.toBeInstanceOf(CaseValidationError);
    await expect(runItemStep(deps, people.clerk, id, 'approve', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(runItemStep(deps, people.clerk, id, 'constructor', {})).rejects.toBeInstanceOf(NotFoundError);
    const discarded = await runItemStep(deps, people.clerk, id, 'discard', { ignored: 'x' });
    expect(discarded.record.versions[0]!.status).toBe('discarded');
  });
});
