import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handle } from 'hono/aws-lambda';
import { createDependencies } from '../config/dependencies';
import { parseEnv } from '../config/env';
import { createApp } from '../../web/app';

// Built once per container and reused across warm invocations. The static assets are copied
// next to the bundle (infra/constructs/app-function.ts).
const app = createApp(createDependencies(parseEnv()), { staticDir: join(dirname(fileURLToPath(import.meta.url)), 'static') });

export const handler = handle(app);
