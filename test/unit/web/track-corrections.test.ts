import { describe, expect, it } from 'vitest';
import { submitCorrection } from '#application/corrections';
import { validResidentId } from '../application/secrecy/support';
import { PDF_BYTES } from '../application/clarifications/support';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';

/** Issue 7: a correction request is followed on the same tracking page as an application. */
describe('/track with a correction tracking number', () => {
  it('shows the correction request when its GZ- number and access code are entered', async () => {
    const { app, deps } = await memoryApp();
    const form = {
      name: '张三',
      idNumber: validResidentId(),
      email: 'zhang@example.com',
      recordDescription: '2026年第一批低保审核结果公示',
      inaccuracy: '家庭人口数写为2人。',
      requestedCorrection: '应为3人。',
    };
    const { trackingNumber, accessCode } = await submitCorrection(deps as never, { form, nonce: 'nonce-track-1', evidence: [{ fileName: '户口簿.pdf', bytes: PDF_BYTES }] }, { ip: '10.0.0.1' });
    expect(trackingNumber).toMatch(/^GZ-/);

    const jar = new CookieJar();
    const lookup = await app.request('/track');
    jar.store(lookup);
    const body = new URLSearchParams({ _csrf: csrfFrom(await lookup.text()), trackingNumber, accessCode });
    const response = await app.request('/track', { method: 'POST', body, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(trackingNumber);
    expect(html).toContain('2026年第一批低保审核结果公示');
  });
});
