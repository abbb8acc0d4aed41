import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { randomUUID } from 'node:crypto';
import { StorageUnavailableError } from '#domain/errors';
import type { CdnInvalidator } from '#ports/cdn';

/** CloudFront takes at most this many paths in one invalidation batch. */
const MAX_PATHS = 3000;

/**
 * Invalidates paths on the portal's CloudFront distribution (the release function's role may call
 * cloudfront:CreateInvalidation on this distribution only). The caller reference is unique per
 * call: an effect retried after a failure simply invalidates again, which is harmless.
 */
export class CloudFrontInvalidator implements CdnInvalidator {
  private readonly client: CloudFrontClient;

  constructor(
    private readonly distributionId: string,
    region: string,
    client?: CloudFrontClient,
  ) {
    this.client = client ?? new CloudFrontClient({ region });
  }

  async invalidate(paths: readonly string[]): Promise<void> {
    const unique = [...new Set(paths)].filter((p) => p.startsWith('/'));
    for (let i = 0; i < unique.length; i += MAX_PATHS) {
      const batch = unique.slice(i, i + MAX_PATHS);
      try {
        await this.client.send(
          new CreateInvalidationCommand({
            DistributionId: this.distributionId,
            InvalidationBatch: { CallerReference: randomUUID(), Paths: { Quantity: batch.length, Items: batch } },
          }),
        );
      } catch (error) {
        throw new StorageUnavailableError(`CloudFront: ${(error as Error).name}`, { cause: error });
      }
    }
  }
}
