import { describe, expect, it } from 'vitest';
import { saveCatalogueSettings } from '#application/catalogue/settings';
import { demoAgencyProfile } from '#application/demo-data';
import { letterhead } from '#application/letterhead';
import { act, draftAnswer, submitOnline } from '#application/requests';
import { ConflictError } from '#domain/errors';
import { RequestRepository } from '#repositories/requests';
import { citizenForm, people, requestDeps } from './requests/support';

const disclosed = { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } };

/** An agency whose name a regex would once have turned into a court ("深圳市人民法院" does not exist). */
function shenzhenTransport() {
  const f = requestDeps();
  const deps = { ...f.deps, config: { ...f.deps.config, agencyName: '深圳市交通运输局' } };
  return { ...f, deps };
}

const profile = (overrides: Record<string, unknown> = {}) => ({ ...demoAgencyProfile({ agencyName: '深圳市交通运输局', agencyCode: '000014349' }), ...overrides });

describe('the letterhead is what the administrator entered, never derived from the name', () => {
  it('refuses a letter while there is no profile, saying where to enter it, and draws no letter number', async () => {
    const { deps, records } = shenzhenTransport();
    const error = await letterhead(deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('有管辖权的人民法院');
    expect((error as Error).message).toContain('/staff/catalogue');

    const { trackingNumber: tn } = await submitOnline(deps, { form: citizenForm(), nonce: 'nonce-letterhead-1' });
    await act(deps, people.clerk, tn, { command: 'register' });
    await expect(draftAnswer(deps, people.clerk, tn, { decision: disclosed })).rejects.toThrow(/\/staff\/catalogue/);
    expect((await new RequestRepository(records).get(tn))!.data.draft).toBeUndefined();
    expect(await records.getPlain({ pk: 'COUNTER#answer-letter', sk: '2026' })).toBeUndefined();
  });

  it.each([
    ['the court', { court: '' }, '有管辖权的人民法院'],
    ['the letter prefix', { letterPrefix: undefined }, '发文机关代字'],
  ])('refuses while %s is missing from the profile', async (_what, overrides, named) => {
    const { deps } = shenzhenTransport();
    await saveCatalogueSettings(deps, people.admin, { profile: profile(overrides) });
    await expect(letterhead(deps)).rejects.toThrow(named);
  });

  it('uses exactly the entered reconsideration body, court and prefix', async () => {
    const { deps } = shenzhenTransport();
    await saveCatalogueSettings(deps, people.admin, {
      profile: profile({ reconsiderationBody: { name: '深圳市人民政府' }, court: '深圳市福田区人民法院', letterPrefix: '深交信公' }),
    });
    const head = await letterhead(deps);
    expect(head).toMatchObject({ name: '深圳市交通运输局', reconsiderationBody: '深圳市人民政府', court: '深圳市福田区人民法院', letterPrefix: '深交信公' });
    expect(JSON.stringify(head)).not.toContain('深圳市人民法院');
  });
});
