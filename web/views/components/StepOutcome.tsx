import { Notice } from './Notice';

export interface StepOutcomeProps {
  /** What the last step did, shown after the redirect. */
  flash?: string;
  /** Why the last step was refused (a 409/403 message for the person who tried it). */
  refusal?: string;
  refusalTitle?: string;
}

/** The outcome of the step a member of staff just took on a case page: done, or refused and why. */
export function StepOutcome({ flash, refusal, refusalTitle = '操作未完成' }: StepOutcomeProps) {
  return (
    <>
      {flash ? (
        <Notice kind="success" role="status">
          <p>{flash}</p>
        </Notice>
      ) : null}
      {refusal ? (
        <Notice kind="error" role="alert" title={refusalTitle}>
          <p>{refusal}</p>
        </Notice>
      ) : null}
    </>
  );
}
