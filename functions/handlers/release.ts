import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { processEffect } from '#application/effects';
import { runReleaseSweep } from '#application/effects/reconcile';
import { createDependencies, createReleaseDependencies } from '#config/dependencies';
import { parseEnv } from '#config/env';
import { EffectRepository } from '#repositories/effects';

/*
 * The release function: the only role that may write the public bucket and the applicants'
 * outgoing/ copies. It applies the effects commits owe:
 * - DynamoDB stream records of new effect items (filtered to entity = effect in the event source
 *   mapping), one shard's batch in order; a record whose processing failed is reported back so
 *   Lambda retries it, and after the retries it goes to the dead-letter queue;
 * - a schedule every few minutes for effects waiting for a retry, and once a day the public bucket
 *   reconciliation.
 * An effect whose action fails (a review no longer approved, S3 down) records the failure itself
 * and waits for its retry; only a failure to read or record it fails the stream record.
 */
const env = parseEnv();
const deps = createReleaseDependencies(env, createDependencies(env));

type ScheduledEvent = { readonly source?: string; readonly job?: 'release-sweep' };

async function onStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const repo = new EffectRepository(deps.records);
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const keys = record.dynamodb?.Keys;
    try {
      const effect = keys?.PK?.S && keys.SK?.S ? await repo.atKey(keys.PK.S, keys.SK.S) : undefined;
      if (effect) await processEffect(deps, effect);
    } catch (error) {
      deps.logger.error('effect stream record failed', { sequenceNumber: record.dynamodb?.SequenceNumber, error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}

export const handler = middy<DynamoDBStreamEvent | ScheduledEvent, DynamoDBBatchResponse | unknown>().handler(async (event) => {
  if ('Records' in event && Array.isArray(event.Records)) return onStream(event);
  try {
    return await runReleaseSweep(deps);
  } catch (error) {
    deps.logger.error('release sweep failed', { error });
    throw error;
  }
});
