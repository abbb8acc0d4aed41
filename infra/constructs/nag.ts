import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own renderer of CloudFormation references in finding ids (not re-exported by the package).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** Acknowledge one cdk-nag finding on a construct, with the reason required for every suppression. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledge `AwsSolutions-IAM5[Resource::<resource>]` for one wildcard resource such as
 * `${bucket.bucketArn}/*`. A reference to another stack only takes its final form (an import or
 * Fn::GetStackOutput, depending on the feature flags) once the app is prepared, so the finding id
 * is computed then, in a construct validation that runs after preparation and before cdk-nag.
 * Hard-coded ids would carry logical-id hashes and go stale silently.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      const rendered = flattenCfnReference(Stack.of(scope).resolve(resource));
      acknowledge(scope, `AwsSolutions-IAM5[Resource::${rendered}]`, reason);
      return [];
    },
  });
}
