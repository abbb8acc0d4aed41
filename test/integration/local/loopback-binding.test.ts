import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, inject, it } from 'vitest';

/**
 * The emulators hold unauthenticated copies of the portal's data, so nothing but this machine may
 * reach them. These are the emulators this test run started with startEmulators (the global
 * setup), i.e. exactly what local mode and every integration test use.
 */
describe('local emulators listen on 127.0.0.1 only', () => {
  const addresses = nonLoopbackAddresses();
  const endpoints = { 'DynamoDB Local': inject('dynamodbEndpoint'), s3rver: inject('s3Endpoint') };

  for (const [name, endpoint] of Object.entries(endpoints)) {
    it(`${name} answers on 127.0.0.1 and refuses this machine's other addresses`, async () => {
      const port = Number(new URL(endpoint).port);
      expect(await tryConnect('127.0.0.1', port)).toBe('connected');
      if (!addresses.length) {
        console.warn(`skipping the non-loopback check for ${name}: this machine has no non-internal network address`);
        return;
      }
      for (const address of addresses) expect({ address, outcome: await tryConnect(address, port) }).toEqual({ address, outcome: 'refused' });
    });
  }
});

/** The first non-internal IPv4 and IPv6 (not link-local, which needs a scope) address. */
function nonLoopbackAddresses(): string[] {
  const all = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal);
  const ipv4 = all.find((a) => a.family === 'IPv4');
  const ipv6 = all.find((a) => a.family === 'IPv6' && !a.address.toLowerCase().startsWith('fe80'));
  return [ipv4, ipv6].filter((a) => a !== undefined).map((a) => a.address);
}

async function tryConnect(host: string, port: number): Promise<'connected' | 'refused' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timed out');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused' : (error.code ?? error.message)));
  });
}
