import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AppDependencies } from '#application/context';
import { freePort } from '#local/emulators';
import { startServer } from '#local/server';
import { localDeps } from './local-stack';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A running portal (the real local composition on the shared emulators, own table) and a fresh
 * Debian chromium profile. One per test file.
 */
export async function startPortal(): Promise<{ baseUrl: string; deps: AppDependencies; context: BrowserContext; close(): Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const { deps } = await localDeps({ baseUrl });
  const server = await startServer(deps, port, 'localhost');
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  return {
    baseUrl,
    deps,
    context,
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signInAs(page: Page, baseUrl: string, username: string, password = `demo-${username}`, next = '/staff'): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`${baseUrl}${next}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

/**
 * axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is. The portal's CSP
 * (script-src 'self') refuses the injected script, so the page's CSP is bypassed for the scan
 * (call before navigating: `await bypassCsp(page)`).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  })) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Lets axe's script into the page despite the portal's CSP (for the accessibility scans only). */
export async function bypassCsp(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
}
