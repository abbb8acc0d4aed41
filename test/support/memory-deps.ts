import { scryptPasswords } from '#adapters/auth/passwords';
import { nodeContent } from '#adapters/extraction/content-port';
import { docxWriter } from '#adapters/documents/docx-writer';
import { pdfWriter } from '#adapters/documents/pdf-writer';
import { platformCaseTypes } from '#application/case-types';
import { DEFAULT_AGENCY_POLICY, type AgencyPolicy } from '#domain/policy';
import { createLocalIssuer, generateLocalIssuerKeys } from '#adapters/auth/local-issuer';
import { createStaffTokenVerifier } from '#adapters/auth/staff-token';
import { localMailbox } from '#adapters/mail/local-mailbox';
import { MemoryFileStore } from '#adapters/memory/file-store';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { MemoryPublicFileWriter } from '#adapters/memory/public-file-writer';
import { RecordingCdn } from '#adapters/memory/cdn';
import { withEffects } from '#application/effects';
import type { AppDependencies } from '#application/context';
import { seedDemoData } from '#application/seed';
import { sha256 } from '#config/dependencies';
import type { StaffMember } from '#domain/staff';
import { createLogger } from '#observability/logger';
import { fixedClock, type Clock } from '#ports/clock';
import { createApp } from '#web/app';
import { STATIC_DIR } from '#local/server';
import type { ClientAddressResolver } from '#web/middleware/client-address';

/** The app over in-memory fakes (held to the real adapters by the contract suites). */
export async function memoryApp(options: { clock?: Clock; seed?: boolean; clientAddress?: ClientAddressResolver; policy?: AgencyPolicy } = {}) {
  const clock = options.clock ?? fixedClock('2026-03-02T02:00:00.000Z');
  const issuer = await createLocalIssuer('http://localhost/local-issuer', 'local-portal', await generateLocalIssuerKeys());
  const files = new MemoryFileStore();
  const records = new MemoryRecordStore(clock, sha256);
  const publicFiles = new MemoryPublicFileWriter();
  const cdn = new RecordingCdn();
  const base: AppDependencies = {
    policy: options.policy ?? DEFAULT_AGENCY_POLICY,
    caseTypes: platformCaseTypes(),
    config: {
      deployment: 'local',
      agencyName: '示例市人民政府办公室',
      agencyCode: '000014349',
      publicBaseUrl: 'http://localhost',
      publicFilesBaseUrl: 'http://localhost/files',
      appSecret: 'test-secret-test-secret-test-secret-0000',
      appVersion: 'test',
    },
    clock,
    logger: createLogger('silent'),
    hash: sha256,
    records,
    files,
    content: nodeContent,
    documentFiles: { docx: docxWriter, pdf: pdfWriter },
    passwords: scryptPasswords,
    mailer: localMailbox,
    verifyStaffToken: createStaffTokenVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keys }),
    localSignIn: issuer,
  };
  const deps = withEffects(base, publicFiles, cdn);
  if (options.seed !== false) await seedDemoData(deps);
  const app = createApp(deps, { staticDir: STATIC_DIR, ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}) });
  const tokenFor = (staff: StaffMember) => issuer.sign(staff, 3600);
  return { app, deps, files, records, tokenFor, publicFiles, cdn };
}

export const staff = (roles: StaffMember['roles'], username = roles.join('-') || 'nobody'): StaffMember => ({ id: `id-${username}`, username, displayName: `测试${username}`, roles });

/** A tiny cookie jar for driving form flows through app.request(). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function csrfFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('no csrf field on the page');
  return match[1]!;
}

/** Test hosts vouch for a client address in this header (the real hosts use the socket or CloudFront). */
export const testClient: ClientAddressResolver = (c) => c.req.header('x-test-client') ?? 'unknown';
