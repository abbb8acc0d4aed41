import { scryptPasswords } from '#adapters/auth/passwords';
import { nodeContent } from '#adapters/extraction/content-port';
import { platformCaseTypes } from '#application/case-types';
import { DEFAULT_AGENCY_POLICY } from '#domain/policy';
import { MemoryFileStore } from '#adapters/memory/file-store';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { sha256 } from '#config/dependencies';
import type { Checklist } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import { createLogger } from '#observability/logger';
import { saveCatalogueSettings } from '#application/catalogue/settings';
import { demoAgencyProfile } from '#application/demo-data';
import type { AppConfig } from '#application/context';

/** A valid 18-digit resident ID (GB 11643 check character) for a birth date. */
export function validResidentId(prefix17 = '11010519491231002'): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...prefix17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return prefix17 + '10X98765432'[sum % 11]!;
}

/** The public bucket of unit tests (held to s3rver by the file-store contract suite). */
export { MemoryPublicFileWriter as RecordingPublicWriter } from '#adapters/memory/public-file-writer';

export function mutableClock(iso = '2026-03-02T02:00:00.000Z') {
  let now = new Date(iso);
  return { now: () => now, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

export function fakeDeps() {
  const clock = mutableClock();
  const records = new MemoryRecordStore(clock, sha256);
  const files = new MemoryFileStore();
  const deps = {
    clock,
    records,
    files,
    content: nodeContent,
    passwords: scryptPasswords,
    logger: createLogger('silent'),
    policy: DEFAULT_AGENCY_POLICY,
    caseTypes: platformCaseTypes(),
    config: {
      deployment: 'local' as const,
      agencyName: '示例市人民政府办公室',
      agencyCode: '000014349',
      publicBaseUrl: 'http://localhost',
      publicFilesBaseUrl: 'http://localhost/files',
      appSecret: 'x'.repeat(40),
      appVersion: 'test',
    },
  };
  return { deps, clock, records, files };
}

const person = (username: string, roles: StaffMember['roles'], displayName: string): StaffMember => ({ id: `id-${username}`, username, displayName, roles });
export const people = {
  clerk: person('clerk', ['clerk'], '王晓明'),
  clerk2: person('clerk2', ['clerk'], '李娜'),
  head: person('head', ['head'], '张建国'),
  reviewer: person('reviewer', ['reviewer'], '陈静'),
  leader: person('leader', ['leader'], '刘志强'),
  admin: person('admin', ['admin'], '赵敏'),
  headAndReviewer: person('both', ['head', 'reviewer'], '周全'),
};

export function checklist(overrides: Partial<Checklist> = {}): Checklist {
  return {
    'state-secret': { involved: false },
    'work-secret': { involved: false },
    'trade-secret': { involved: false },
    'personal-privacy': { involved: false },
    'process-or-internal': { involved: false },
    'security-stability': { involved: false },
    ...overrides,
  };
}

export const privacyChecklist = () => checklist({ 'personal-privacy': { involved: true, note: '正文含身份证号码，已作删除处理' } });

/** The demo agency profile, saved as local mode seeds it: letters are refused until a profile names the court and reconsideration body. */
export const saveAgencyProfile = (deps: Parameters<typeof saveCatalogueSettings>[0] & { config: AppConfig }) => saveCatalogueSettings(deps, people.admin, { profile: demoAgencyProfile(deps.config) });
