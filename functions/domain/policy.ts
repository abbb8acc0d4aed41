/**
 * The agency's policy: every rule an agency may set, with every default in exactly this one place.
 * Built once per process from the environment (functions/config/policy.ts) and passed to every
 * decision, so a configured rule is the rule that is applied, never a constant beside it.
 *
 * Where domain.md flags a doubt, the default is the reading that protects the applicant; the
 * reason is stated where the option is declared.
 */
import { DEFAULT_CLARIFICATION_CONFIG, type ClarificationConfig } from './clarifications/workflow';
import { DEFAULT_CORRECTION_CONFIG, type CorrectionConfig } from './corrections/workflow';
import { DEFAULT_DEADLINE_CONFIG, deadlineConfig, type DeadlineConfig } from './deadlines';
import { DEFAULT_RECEIPT_POLICY, type ReceiptPolicy } from './requests/application';
import { DEFAULT_LETTER_POLICY, type LetterPolicy, type RemedyPolicy } from './requests/letters';
import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from './requests/workflow';

export interface AgencyPolicy {
  /** Applications (依申请公开): approvers, supplement period, fees. */
  readonly workflow: WorkflowConfig;
  /**
   * Statutory periods (never lengthened), pause boundaries, reminder lead time. Who approves an
   * extension is `workflow.extensionApproverRoles`; the clock's approver capacity is the statute's.
   */
  readonly deadlines: DeadlineConfig;
  /** How an online application gets its receipt date (Art. 31). */
  readonly receipt: ReceiptPolicy;
  /** The agency's own verification period for clarifications (no statutory number). */
  readonly clarification: ClarificationConfig;
  /** The agency's period for answering a correction request (no statutory number). */
  readonly correction: CorrectionConfig;
  /** Readings in the answer letters: the remedy paragraph per answer, the basis of a confirm-or-reissue answer. */
  readonly letters: LetterPolicy;
}

export const DEFAULT_AGENCY_POLICY: AgencyPolicy = {
  workflow: DEFAULT_WORKFLOW_CONFIG,
  deadlines: DEFAULT_DEADLINE_CONFIG,
  receipt: DEFAULT_RECEIPT_POLICY,
  clarification: DEFAULT_CLARIFICATION_CONFIG,
  correction: DEFAULT_CORRECTION_CONFIG,
  letters: DEFAULT_LETTER_POLICY,
};

export interface PolicyOverrides {
  readonly workflow?: Partial<WorkflowConfig>;
  /** Not the approver capacity: who approves an extension is set once, in `workflow`. */
  readonly deadlines?: Partial<Omit<DeadlineConfig, 'extensionApproverRoles'>>;
  readonly receipt?: Partial<ReceiptPolicy>;
  readonly clarification?: Partial<ClarificationConfig>;
  readonly correction?: Partial<CorrectionConfig>;
  readonly letters?: { readonly remedies?: Partial<RemedyPolicy>; readonly confirmOrReissueBasis?: string | undefined };
}

const defined = <T extends object>(o: T | undefined): Partial<T> => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The defaults with the agency's overrides; unset (undefined) options keep their default. */
export function agencyPolicy(overrides: PolicyOverrides = {}): AgencyPolicy {
  return {
    workflow: { ...DEFAULT_WORKFLOW_CONFIG, ...defined(overrides.workflow) },
    deadlines: deadlineConfig(defined(overrides.deadlines)),
    receipt: { ...DEFAULT_RECEIPT_POLICY, ...defined(overrides.receipt) },
    clarification: { ...DEFAULT_CLARIFICATION_CONFIG, ...defined(overrides.clarification) },
    correction: { ...DEFAULT_CORRECTION_CONFIG, ...defined(overrides.correction) },
    letters: {
      remedies: { ...DEFAULT_LETTER_POLICY.remedies, ...defined(overrides.letters?.remedies) },
      confirmOrReissueBasis: overrides.letters?.confirmOrReissueBasis?.trim() || DEFAULT_LETTER_POLICY.confirmOrReissueBasis,
    },
  };
}
