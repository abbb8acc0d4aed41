import { localMailbox } from '#adapters/mail/local-mailbox';
import { withEffects } from '#application/effects';
import type { RequestDeps } from '#application/requests';
import { fakeDeps, people, RecordingPublicWriter, validResidentId } from '../secrecy/support';

export { people, validResidentId, checklist, privacyChecklist, saveAgencyProfile } from '../secrecy/support';

/** Memory fakes with a mailer and the in-process release step. */
export function requestDeps() {
  const f = fakeDeps();
  const base = { ...f.deps, mailer: localMailbox };
  const deps: RequestDeps = withEffects(base, new RecordingPublicWriter());
  return { ...f, deps };
}

export const ID_NUMBER = validResidentId();

export function citizenForm(overrides: Record<string, unknown> = {}) {
  return {
    applicantKind: 'citizen',
    name: '张三',
    idType: 'resident-id',
    idNumber: ID_NUMBER,
    contact: { phone: '13812345678', email: 'zhangsan@example.com' },
    requested: { documentTitle: '示例市2025年财政预算执行情况报告', description: '请提供该报告全文及附表' },
    provisionForm: 'electronic',
    deliveryMethod: 'download',
    ...overrides,
  };
}

export const staffOf = people;
