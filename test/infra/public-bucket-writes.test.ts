import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { type SynthesizedDeployment, logicalId, synthDeployment } from './support';

/**
 * "Nothing unreviewed leaves": only the release function's role may write to the public bucket.
 * Walks every IAM policy (standalone, managed, inline on roles/users/groups) and every bucket
 * policy in both stacks, resolving references to the public bucket across the stack boundary.
 */
interface Grant {
  readonly stack: string;
  readonly resource: string;
  /** Logical ids of the roles the statement is attached to; empty for resource policies. */
  readonly roles: string[];
  readonly principal: unknown;
  readonly actions: string[];
}

type Json = unknown;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Any action that is not read-only on S3 counts as a write; wildcards and NotAction too. */
function isS3Write(action: string): boolean {
  const a = action.toLowerCase();
  if (a === '*') return true;
  if (!a.startsWith('s3:')) return false;
  return !/^s3:(get|list|head)[a-z]/.test(a);
}

function walkPublicBucketWrites(d: SynthesizedDeployment): Grant[] {
  const publicBucketId = logicalId(d.stateful.publicBucket, d.stateful);
  const statefulTemplate = d.statefulTemplate.toJSON();
  const templates = { [d.stateful.stackName]: statefulTemplate, [d.app.stackName]: d.appTemplate.toJSON() };

  // Outputs of the stateful stack that carry the public bucket, by output name and export name.
  const mentions = (node: Json, id: string): boolean => JSON.stringify(node).includes(`"${id}"`);
  const bucketOutputs = new Set<string>();
  for (const [name, output] of Object.entries<{ Value: Json; Export?: { Name: string } }>(statefulTemplate.Outputs ?? {})) {
    if (mentions(output.Value, publicBucketId)) {
      bucketOutputs.add(name);
      if (output.Export) bucketOutputs.add(output.Export.Name);
    }
  }

  /** Does this policy Resource (after resolution) cover the public bucket or its objects? */
  const coversPublicBucket = (stack: string, resource: Json): boolean => {
    if (typeof resource === 'string') return resource === '*' || /^arn:[^:]+:s3:::\*/.test(resource);
    const text = JSON.stringify(resource);
    if (stack === d.stateful.stackName && mentions(resource, publicBucketId)) return true;
    if (/"Fn::(ImportValue|GetStackOutput)"/.test(text)) return [...bucketOutputs].some((o) => text.includes(`"${o}"`));
    return false;
  };

  const found: Grant[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, r] of Object.entries<{ Type: string; Properties: Record<string, Json> }>(template.Resources)) {
      const documents: { doc: Json; roles: string[] }[] = [];
      const refs = (v: Json) => asArray(v as Json[]).map((x) => (x as { Ref?: string }).Ref ?? JSON.stringify(x));
      switch (r.Type) {
        case 'AWS::IAM::Policy':
        case 'AWS::IAM::ManagedPolicy':
          documents.push({ doc: r.Properties.PolicyDocument, roles: [...refs(r.Properties.Roles), ...refs(r.Properties.Users), ...refs(r.Properties.Groups)] });
          break;
        case 'AWS::IAM::Role':
        case 'AWS::IAM::User':
        case 'AWS::IAM::Group':
          for (const p of asArray(r.Properties.Policies as { PolicyDocument: Json }[])) documents.push({ doc: p.PolicyDocument, roles: [id] });
          break;
        case 'AWS::S3::BucketPolicy':
          documents.push({ doc: r.Properties.PolicyDocument, roles: [] });
          break;
      }
      for (const { doc, roles } of documents) {
        for (const s of asArray((doc as { Statement: Record<string, Json>[] }).Statement)) {
          if (s.Effect !== 'Allow') continue;
          const actions = s.NotAction ? ['*'] : asArray(s.Action as string[]);
          const writes = actions.filter(isS3Write);
          if (writes.length === 0) continue;
          const targets = s.NotResource ? ['*'] : asArray(s.Resource as Json[]);
          for (const target of targets) {
            if (coversPublicBucket(stack, target)) {
              found.push({ stack, resource: id, roles, principal: s.Principal, actions: writes });
            }
          }
        }
      }
    }
  }
  return found;
}

const releaseRoleId = (d: SynthesizedDeployment) => logicalId(d.app.releaseFunction.role, d.app);

describe('writes to the public bucket', () => {
  const d = synthDeployment();

  it('are granted to the release function role and to nothing else in the app', () => {
    const grants = walkPublicBucketWrites(d);
    const others = grants.filter((g) => !(g.roles.length === 1 && g.roles[0] === releaseRoleId(d)));
    expect(others).toEqual([]);
    // Control: the walker does see the release function's grant (so the check above is not vacuous).
    expect(grants.flatMap((g) => g.actions).sort()).toEqual(['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject']);
  });

  it('the public bucket policy lets CloudFront (OAC) only GetObject under files/', () => {
    const id = logicalId(d.stateful.publicBucket, d.stateful);
    const policy = Object.values(d.statefulTemplate.findResources('AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === id)!;
    const allows = policy.Properties.PolicyDocument.Statement.filter((s: { Effect: string }) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/files/*']] },
      Condition: { ArnLike: { 'AWS:SourceArn': expect.anything() }, StringEquals: { 'AWS:SourceAccount': expect.anything() } },
    });
  });

  it('no function invokes another: effects reach the release function through the table stream only', () => {
    const functionRoles = [d.app.httpFunction, d.app.scheduledJobsFunction, d.app.releaseFunction, d.app.revokeSessionsFunction].map((f) => logicalId(f.role, d.app));
    const statements = Object.values(d.appTemplate.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => functionRoles.includes(r.Ref)))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const invokes = statements.filter((s: { Action: string | string[] }) => asArray(s.Action).some((a) => a.startsWith('lambda:Invoke')));
    expect(invokes).toEqual([]);
  });

  it('the check catches a stray grant (negative control)', () => {
    const tampered = synthDeployment(undefined, ({ stateful, app }) => {
      // A narrow, wildcard-free grant that cdk-nag alone would not flag.
      app.httpFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [stateful.publicBucket.arnForObjects('files/notice.pdf')] }));
    });
    const strays = walkPublicBucketWrites(tampered).filter((g) => g.roles[0] !== releaseRoleId(tampered));
    expect(strays.length).toBeGreaterThan(0);
    expect(strays[0]!.roles).toEqual([logicalId(tampered.app.httpFunction.role, tampered.app)]);
  });
});
