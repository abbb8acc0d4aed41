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
