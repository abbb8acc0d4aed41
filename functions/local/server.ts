import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import { socketClientAddress } from '#adapters/http/client-address';
import type { AppDependencies } from '#application/context';
import type { PublicFileReader } from '#ports/file-store';
import { createApp } from '#web/app';

export const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../web/static');

/** Local host of the one app: @hono/node-server instead of hono/aws-lambda. */
export async function startServer(deps: AppDependencies & { readonly publicFileReader?: PublicFileReader }, port: number, hostname = '127.0.0.1'): Promise<ServerType> {
  const app = createApp(deps, {
    staticDir: STATIC_DIR,
    ...(deps.publicFileReader ? { publicFiles: deps.publicFileReader } : {}),
    // The TCP peer: X-Forwarded-For is whatever the client wrote, so it never decides who is who.
    clientAddress: (c) => socketClientAddress((c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress),
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
