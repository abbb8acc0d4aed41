import { addCalendarMonths, shanghaiDate } from '#domain/calendar';
import { findSameInformation, sameInformationMarkers, STATUS_LABELS, type NewApplication, type SameInformationMatch } from '#domain/requests';
import { RequestRepository, type RequestedInformation, type StoredRequest } from '#repositories/requests';
import type { Change } from '#ports/record-store';
import type { RequestDeps } from './common';

/** At most this many candidate applications are read to compare one case (the newest per marker). */
const MAX_CANDIDATES = 30;

/** The text compared for duplicates and for the same information: the title and the description. */
export function requestedText(requested: RequestedInformation): string {
  return [requested.documentTitle, requested.description].filter(Boolean).join(' ');
}

function asApplication(data: Pick<StoredRequest, 'identityHash' | 'requested'>): NewApplication {
  return { applicantHash: data.identityHash, text: requestedText(data.requested), ...(data.requested.documentNumber ? { documentNumber: data.requested.documentNumber } : {}) };
}

/** The markers a new application leaves (committed with it), kept a month longer than the comparison window. */
export function sameInformationChanges(deps: Pick<RequestDeps, 'policy'>, data: StoredRequest): Change[] {
  const { months, applicants } = deps.policy.workflow.sameInformation;
  if (applicants <= 0) return [];
  const expires = addCalendarMonths(shanghaiDate(new Date(data.submittedAt)), months + 1);
  return RequestRepository.sameInformationChanges(data, sameInformationMarkers(asApplication(data)), Math.floor(Date.parse(`${expires}T00:00:00+08:00`) / 1000));
}

export interface SameInformationView {
  /** Distinct applicants asking for this information, this case's applicant included. */
  readonly applicants: number;
  /** Enough of them that the office should consider proactive disclosure (Art. 44(1)). */
  readonly reached: boolean;
  readonly matches: ReadonlyArray<SameInformationMatch & { readonly status: string; readonly receivedOn?: string }>;
}

/**
 * Art. 44(1): other applicants' applications for the same information as this one, received within
 * the agency's window before or after it. Advisory: a clerk judges whether the information is the
 * same and may be disclosed, and proposes it for the catalogue (proposeForCatalogue).
 */
export async function sameInformationOf(deps: Pick<RequestDeps, 'records' | 'policy'>, data: StoredRequest): Promise<SameInformationView> {
  const policy = deps.policy.workflow.sameInformation;
  if (policy.applicants <= 0) return { applicants: 1, reached: false, matches: [] };
  const repo = new RequestRepository(deps.records);
  const own = asApplication(data);
  const since = addCalendarMonths(shanghaiDate(new Date(data.submittedAt)), -policy.months);
  const candidates = (await repo.sameInformationCandidates(sameInformationMarkers(own), since)).filter((tn) => tn !== data.case.trackingNumber).slice(0, MAX_CANDIDATES);
  const records = (await Promise.all(candidates.map((tn) => repo.get(tn)))).flatMap((r) => (r ? [r.data] : []));
  const byNumber = new Map(records.map((r) => [r.case.trackingNumber, r]));
  const finding = findSameInformation(
    own,
    records.map((r) => ({ trackingNumber: r.case.trackingNumber, ...asApplication(r) })),
    policy,
  );
  return {
    applicants: finding.applicants,
    reached: finding.reached,
    matches: finding.matches.map((m) => {
      const other = byNumber.get(m.trackingNumber)!;
      return { ...m, status: STATUS_LABELS[other.case.status], ...(other.case.receivedOn ? { receivedOn: other.case.receivedOn } : {}) };
    }),
  };
}
