/** Disclosure on application (依申请公开): the use cases over the pure domain in domain/requests. */
import type { CaseType, DeadlineKind } from '../case/registry';
import { RequestRepository, type StoredRequest } from '#repositories/requests';
import { caseDeadlines, deadlineSummary, RE_REVIEW_DEADLINE_KIND, REQUEST_DEADLINE_KIND } from './common';

export * from './common';
export * from './submit';
export * from './track';
export * from './staff';
export * from './report';
export * from './convert';
export * from './lapsed';
export * from './notices';
export * from './documents';

/** Applications keep one open deadline: the answer (or supplement) period of Arts. 30–33. */
export const requestDeadline: DeadlineKind<StoredRequest> = {
  kind: REQUEST_DEADLINE_KIND,
  label: '依申请公开答复',
  caseType: 'request',
  load: (records, caseId) => new RequestRepository(records).get(caseId),
  recompute: (s, calendar, { policy }) => ({ ...s, openDeadline: deadlineSummary(s.case, caseDeadlines(s.case, calendar, policy), s.handlerName) }),
  updateChange: (_records, next, version, event) => RequestRepository.updateChange(next, version, event),
};

/** The Art. 18 review of a served answer's withheld information: the same record, the same recompute. */
export const requestReReviewDeadline: DeadlineKind<StoredRequest> = { ...requestDeadline, kind: RE_REVIEW_DEADLINE_KIND, label: '不予公开信息定期评估审查' };

export const requestCaseType: CaseType = { name: 'request', deadlines: [requestDeadline, requestReReviewDeadline] };
export * from './case-dto';
