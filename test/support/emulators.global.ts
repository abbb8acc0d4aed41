import type { TestProject } from 'vitest/node';
import { startEmulators } from '#local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
  }
}

/**
 * Starts DynamoDB Local (in memory) and s3rver (temporary folder) once per test run; each test
 * file then works in its own table so files can run in parallel without seeing each other's data.
 */
export default async function setup(project: TestProject) {
  const emulators = await startEmulators({});
  project.provide('dynamodbEndpoint', emulators.dynamodbEndpoint);
  project.provide('s3Endpoint', emulators.s3Endpoint);
  return async () => {
    await emulators.stop();
  };
}
