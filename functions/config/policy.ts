import { agencyPolicy, type AgencyPolicy } from '#domain/policy';
import type { AppEnv } from './env';

/** The agency's policy from the environment; anything unset keeps the default in domain/policy.ts. */
export function policyFromEnv(env: AppEnv): AgencyPolicy {
  return agencyPolicy({
    receipt: { online: env.ONLINE_RECEIPT_RULE },
    deadlines: { dueSoonHours: env.DUE_SOON_HOURS },
    clarification: { hours: env.CLARIFICATION_HOURS, urgentHours: env.URGENT_CLARIFICATION_HOURS },
    correction: { workingDays: env.CORRECTION_WORKING_DAYS },
    letters: { confirmOrReissueBasis: env.CONFIRM_OR_REISSUE_BASIS },
  });
}
