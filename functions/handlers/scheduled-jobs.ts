import middy from '@middy/core';
import { runScheduledJobs } from '#application/scheduled-jobs';
import { createDependencies } from '#config/dependencies';
import { parseEnv } from '#config/env';

const deps = createDependencies(parseEnv());

/** Run every 5 minutes by EventBridge Scheduler. Errors are rethrown so the scheduler retries the run. */
export const handler = middy().handler(async () => {
  try {
    return await runScheduledJobs(deps);
  } catch (error) {
    deps.logger.error('scheduled jobs failed', { error });
    throw error;
  }
});
