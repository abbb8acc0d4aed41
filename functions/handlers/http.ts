import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handle } from 'hono/aws-lambda';
import { cloudFrontClientAddress } from '#adapters/http/client-address';
import { createDependencies } from '#config/dependencies';
import { parseEnv } from '#config/env';
import { createApp } from '#web/app';

// Built once per container and reused across warm invocations. The static assets are copied
// next to the bundle (infra/constructs/app-function.ts).
const env = parseEnv();
const viewerAddress = cloudFrontClientAddress(env.ORIGIN_VERIFY_SECRET ?? '');
const app = createApp(createDependencies(env), {
  staticDir: join(dirname(fileURLToPath(import.meta.url)), 'static'),
  // Only CloudFront's own assertion of the viewer, on requests that carry its origin secret.
  clientAddress: (c) => viewerAddress((name) => c.req.header(name)),
});

export const handler = handle(app);
