import { describe, expect, it } from 'vitest';
import { act, submitOnline } from '#application/requests';
import { agencyPolicy } from '#domain/policy';
import { memoryApp, staff } from '#support/memory-deps';
import { citizenForm } from '../application/requests/support';

const clerk = staff(['clerk'], 'clerk-policy');

describe('step forms on the case page', () => {
  it('offer the agency’s supplement period, not a number of their own', async () => {
    const m = await memoryApp({ policy: agencyPolicy({ workflow: { defaultSupplementWorkingDays: 10 } }) });
    const { trackingNumber } = await submitOnline(m.deps, { form: citizenForm(), nonce: 'nonce-step-form-policy' });
    await act(m.deps, clerk, trackingNumber, { command: 'register' });
    const html = await (await m.app.request(`/staff/requests/${trackingNumber}`, { headers: { authorization: `Bearer ${await m.tokenFor(clerk)}` } })).text();
    expect(html).toMatch(/name="periodWorkingDays"[^>]*value="10"|value="10"[^>]*name="periodWorkingDays"/);
  });
});
