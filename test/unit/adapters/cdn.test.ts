import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudFrontInvalidator } from '#adapters/cdn/cloudfront';
import { translateDynamoError } from '#adapters/dynamodb/record-store';
import { StorageUnavailableError } from '#domain/errors';

const cloudfront = mockClient(CloudFrontClient);
afterEach(() => cloudfront.reset());

describe('CloudFront invalidation', () => {
  it('sends the paths once each, with a fresh caller reference per call', async () => {
    cloudfront.on(CreateInvalidationCommand).resolves({ Invalidation: { Id: 'I1', Status: 'InProgress', CreateTime: new Date(), InvalidationBatch: undefined } });
    const cdn = new CloudFrontInvalidator('E2EXAMPLE', 'cn-north-1', new CloudFrontClient({ region: 'cn-north-1' }));
    await cdn.invalidate(['/files/r1/*', '/items/x', '/files/r1/*', 'not-a-path']);
    await cdn.invalidate(['/items/x']);
    const calls = cloudfront.commandCalls(CreateInvalidationCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toMatchObject({ DistributionId: 'E2EXAMPLE', InvalidationBatch: { Paths: { Quantity: 2, Items: ['/files/r1/*', '/items/x'] } } });
    expect(calls[0]!.args[0].input.InvalidationBatch!.CallerReference).not.toBe(calls[1]!.args[0].input.InvalidationBatch!.CallerReference);
  });

  it('reports a CloudFront failure as unavailability, so the effect retries', async () => {
    cloudfront.on(CreateInvalidationCommand).rejects(Object.assign(new Error('slow down'), { name: 'TooManyInvalidationsInProgress' }));
    const cdn = new CloudFrontInvalidator('E2EXAMPLE', 'cn-north-1', new CloudFrontClient({ region: 'cn-north-1' }));
    await expect(cdn.invalidate(['/items/x'])).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('DynamoDB failures the SDK reports without a response', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    Object.assign(new Error('timeout'), { name: 'TimeoutError' }),
    Object.assign(new Error('internal'), { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } }),
  ])('%s becomes StorageUnavailableError (503, nothing saved)', (error) => {
    expect(translateDynamoError(error)).toBeInstanceOf(StorageUnavailableError);
  });

  it('keeps validation and condition errors as they are', () => {
    const error = Object.assign(new Error('bad'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(translateDynamoError(error)).toBe(error);
  });
});
