import { describe, expect, it } from 'vitest';
import { submitOnline } from '#application/requests';
import { citizenForm } from '../application/requests/support';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';

/** Issue 12: when an answer is overdue, /track tells the applicant what they can do about it. */
describe('/track when the answer is overdue', () => {
  it('shows the remedies, naming the bodies of the agency profile, only once the period has run out', async () => {
    let now = new Date('2026-03-02T02:00:00.000Z');
    const { app, deps } = await memoryApp({ clock: { now: () => now } });
    const { trackingNumber, accessCode } = await submitOnline(deps as never, { form: citizenForm(), nonce: 'nonce-track-overdue-1' });

    const track = async () => {
      const jar = new CookieJar();
      const lookup = await app.request('/track');
      jar.store(lookup);
      const body = new URLSearchParams({ _csrf: csrfFrom(await lookup.text()), trackingNumber, accessCode });
      const found = await app.request('/track', { method: 'POST', body, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
      expect(found.status).toBe(303);
      jar.store(found);
      const page = await app.request(found.headers.get('location')!, { headers: { cookie: jar.header() } });
      expect(page.status).toBe(200);
      return page.text();
    };
    expect(await track()).not.toContain('答复已逾期');
    now = new Date('2026-04-20T02:00:00.000Z'); // 20 working days after 2026-03-02 is 2026-03-30
    const html = await track();
    expect(html).toContain('答复已逾期');
    expect(html).toContain('行政复议机关：示例市人民政府');
    expect(html).toContain('人民法院：示例市示例区人民法院');
  });
});
