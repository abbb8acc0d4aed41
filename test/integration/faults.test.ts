import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerType } from '@hono/node-server';
import { HmacAuditSigner, localAuditKey } from '#adapters/audit/local-signer';
import { monthsBetween, verifyAuditTrail } from '#application/audit-verification';
import { sha256 } from '#config/dependencies';
import { createLogger } from '#observability/logger';
import { freePort, startEmulators, type Emulators } from '#local/emulators';
import { auditKeyFile, createLocalDependencies, type LocalDependencies } from '#local/local-runtime';
import { startServer } from '#local/server';
import { keys } from '#repositories/keys';
import { ID_NUMBER } from '../unit/application/requests/support';

/**
 * Faults on the real stack (issue: hardening): the portal's database dies in the middle of a burst
 * of applications. Every answer is a receipt or a calm 503 that says nothing was saved; health
 * goes red; once the database is back, what was answered 503 can be sent again and gets one
 * receipt (no application lost, none twice), and the audit trail verifies intact.
 */
const BURST = 14;

describe('DynamoDB Local killed mid-burst', () => {
  let dataDir: string;
  let emulators: Emulators;
  let deps: LocalDependencies;
  let server: ServerType;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'faults-')), '.data');
    emulators = await startEmulators({ dataDir, logger: createLogger('silent') });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    ({ deps } = await createLocalDependencies(emulators, { dataDir, baseUrl, logLevel: 'silent' }));
    server = await startServer(deps, port);
  }, 90_000);

  afterAll(async () => {
    server?.close();
    await emulators?.stop();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  /** One application form as a browser fills it: its page (cookie, CSRF token, nonce), then the post. */
  async function form(i: number) {
    const page = await fetch(`${baseUrl}/apply`);
    const html = await page.text();
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const body = new URLSearchParams({
      _csrf: html.match(/name="_csrf" value="([^"]+)"/)![1]!,
      nonce: html.match(/name="nonce" value="([^"]+)"/)![1]!,
      applicantKind: 'citizen',
      name: `申请人${i}`,
      idType: 'resident-id',
      idNumber: ID_NUMBER,
      'contact.phone': '13812345678',
      'requested.documentTitle': `示例市第${i}号文件`,
      provisionForm: 'electronic',
      deliveryMethod: 'download',
    });
    return () => fetch(`${baseUrl}/apply`, { method: 'POST', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i}` } });
  }

  it('answers every request with a receipt or a 503 that saved nothing, goes red, and loses nothing once back', async () => {
    const forms = await Promise.all(Array.from({ length: BURST }, (_, i) => form(i)));
    const pid = emulators.dynamodbPid()!;
    const inFlight = forms.map((send, i) => new Promise((r) => setTimeout(r, i * 15)).then(send));
    setTimeout(() => process.kill(pid, 'SIGKILL'), 60);
    const answers = await Promise.all(
      inFlight.map(async (p) => {
        const response = await p;
        return { status: response.status, text: await response.text() };
      }),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(','),
    ).toBe(true);
    expect(statuses).toContain(503);
    for (const a of answers.filter((x) => x.status === 503)) expect(a.text).toContain('您提交的内容未被保存');

    // Health: alive, but not ready.
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    const deep = await fetch(`${baseUrl}/health?deep=1`);
    expect(deep.status).toBe(503);
    expect(await deep.json()).toMatchObject({ status: 'degraded', failed: expect.arrayContaining(['storage']) });

    await emulators.restartDynamo();
    const back = await fetch(`${baseUrl}/health?deep=1`);
    expect(back.status, await back.clone().text()).toBe(200);

    // What was refused is sent again (the same form, the same nonce): one receipt each.
    const receipts = answers.map((a) => a.text.match(/YSQ-\d{4}-\d{6}/)?.[0]);
    for (const [i, a] of answers.entries()) {
      if (a.status !== 503) continue;
      const retry = await forms[i]!();
      expect(retry.status).toBe(200);
      receipts[i] = (await retry.text()).match(/YSQ-\d{4}-\d{6}/)?.[0];
    }
    expect(receipts.every(Boolean)).toBe(true);
    expect(new Set(receipts).size).toBe(BURST);
    for (const tn of receipts) expect(await deps.records.get(keys.request(tn!))).toBeDefined();

    const signer = new HmacAuditSigner(localAuditKey(auditKeyFile(dataDir)));
    const year = new Date().toISOString().slice(0, 7);
    const { findings, checked } = await verifyAuditTrail({ records: deps.records, hash: sha256, signer }, monthsBetween('2026-01', year));
    expect(checked).toBeGreaterThan(BURST);
    expect(findings).toEqual([]);
  }, 120_000);

  it('the client address is the socket peer: a rotating X-Forwarded-For does not lift the submission limit', async () => {
    // From one socket, whatever X-Forwarded-For says: the hourly allowance (20) runs out.
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await (await form(100 + i))()).status);
    expect(statuses).toContain(429);
  }, 60_000);
});
