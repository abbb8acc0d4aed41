import { systemActor } from '#domain/staff';
import { parseAgencyProfile } from '#domain/catalogue';
import { CatalogueSettingsRepository } from '#repositories/catalogue';
import { StaffAccounts } from '#repositories/staff-accounts';
import { defaultSettings, invalidateCatalogue } from './catalogue/settings';
import { DEMO_ACCOUNTS, demoAgencyProfile } from './demo-data';
import type { AppDependencies } from './context';

const SEED_ACTOR = systemActor('seed');

/** Demo data for local mode, written once: a second start (or two at once) adds nothing. */
export async function seedDemoData(deps: Pick<AppDependencies, 'records' | 'logger' | 'passwords' | 'config'>): Promise<{ added: string[] }> {
  const accounts = new StaffAccounts(deps.records);
  const added: string[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const account = { id: `local-${demo.username}`, username: demo.username, displayName: demo.displayName, roles: demo.roles, passwordHash: await deps.passwords.hash(demo.password) };
    if (await accounts.seedOnce(account, { type: 'staff-account.seeded', actor: SEED_ACTOR, data: { username: demo.username, roles: demo.roles } })) {
      added.push(`staff-account:${demo.username}`);
    }
  }
  const settings = { ...defaultSettings(), profile: parseAgencyProfile(demoAgencyProfile(deps.config)) };
  if (await new CatalogueSettingsRepository(deps.records).seedOnce(settings, { type: 'catalogue.settings-seeded', actor: SEED_ACTOR, data: { profile: true } })) {
    invalidateCatalogue(deps);
    added.push('agency-profile');
  }
  if (added.length) deps.logger.info('demo data seeded', { added });
  return { added };
}
