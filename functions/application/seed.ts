import { hashPassword } from '../adapters/auth/passwords';
import { ConflictError } from '../domain/errors';
import { systemActor } from '../domain/staff';
import { keys } from '../repositories/keys';
import { DEMO_ACCOUNTS } from './demo-data';
import type { AppDependencies } from './context';

const SEED_ACTOR = systemActor('seed');

/**
 * Demo data for local mode, written once: each piece commits together with its seed marker, so a
 * second start (or two starts at once) adds nothing, and an interrupted seed completes next time.
 */
export async function seedDemoData(deps: Pick<AppDependencies, 'records' | 'logger'>): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const name = `staff-account:${account.username}`;
    if (await deps.records.getPlain(keys.seed(name))) continue;
    try {
      await deps.records.commit([
        { op: 'guard', key: keys.seed(name), data: { entity: 'seed-marker', name } },
        {
          op: 'create',
          write: {
            key: keys.staffAccount(account.username),
            entity: 'staff-account',
            data: { id: `local-${account.username}`, username: account.username, displayName: account.displayName, roles: account.roles, passwordHash: await hashPassword(account.password) },
          },
          event: { type: 'staff-account.seeded', actor: SEED_ACTOR, data: { username: account.username, roles: account.roles } },
        },
      ]);
      added.push(name);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  if (added.length) deps.logger.info('demo data seeded', { added });
  return { added };
}
