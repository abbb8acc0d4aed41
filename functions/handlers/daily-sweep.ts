import middy from '@middy/core';
import { runDailySweep } from '../application/daily-sweep';
import { createDependencies } from '../config/dependencies';
import { parseEnv } from '../config/env';

const deps = createDependencies(parseEnv());

/** Run daily by EventBridge. Errors are rethrown so Lambda's retries and alarms still fire. */
export const handler = middy().handler(async () => {
  try {
    return await runDailySweep(deps);
  } catch (error) {
    deps.logger.error('daily sweep failed', { error });
    throw error;
  }
});
