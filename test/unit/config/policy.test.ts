import { describe, expect, it } from 'vitest';
import { policyFromEnv } from '#config/policy';
import { agencyPolicyVariables, AGENCY_POLICY_VARIABLES, parseEnv } from '#config/env';
import { DEFAULT_AGENCY_POLICY } from '#domain/policy';

const REQUIRED = {
  TABLE_NAME: 'portal',
  PRIVATE_BUCKET: 'private',
  PUBLIC_BUCKET: 'public',
  AUTH_ISSUER: 'http://localhost:3000/auth',
  AUTH_AUDIENCE: 'portal',
  AUTH_JWKS_URL: 'http://localhost:3000/auth/jwks',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  PUBLIC_FILES_BASE_URL: 'http://localhost:3000/files',
  APP_SECRET: 'x'.repeat(32),
};

describe('the agency policy built from the environment', () => {
  it('is the domain default when nothing is set', () => {
    expect(policyFromEnv(parseEnv(REQUIRED))).toEqual(DEFAULT_AGENCY_POLICY);
  });

  it('takes each configured rule and keeps the default for the rest', () => {
    const policy = policyFromEnv(parseEnv({ ...REQUIRED, ONLINE_RECEIPT_RULE: 'clerk-confirmation', CORRECTION_WORKING_DAYS: '10' }));
    expect(policy.receipt.online).toBe('clerk-confirmation');
    expect(policy.correction.workingDays).toBe(10);
    expect(policy.clarification).toEqual(DEFAULT_AGENCY_POLICY.clarification);
    expect(policy.deadlines).toEqual(DEFAULT_AGENCY_POLICY.deadlines);
  });

  it('reads the clarification periods in hours and the hourly reminder lead time', () => {
    const policy = policyFromEnv(parseEnv({ ...REQUIRED, CLARIFICATION_HOURS: '72', URGENT_CLARIFICATION_HOURS: '12', DUE_SOON_HOURS: '6' }));
    expect(policy.clarification).toEqual({ hours: 72, urgentHours: 12 });
    expect(policy.deadlines).toEqual({ ...DEFAULT_AGENCY_POLICY.deadlines, dueSoonHours: 6 });
    expect(policyFromEnv(parseEnv({ ...REQUIRED, URGENT_CLARIFICATION_HOURS: '5' })).clarification).toEqual({ hours: 48, urgentHours: 5 });
    expect(() => parseEnv({ ...REQUIRED, CLARIFICATION_HOURS: '0' })).toThrow('CLARIFICATION_HOURS');
  });

  it('refuses the replaced working-day variables by name instead of ignoring them', () => {
    expect(() => parseEnv({ ...REQUIRED, CLARIFICATION_WORKING_DAYS: '2' })).toThrow('CLARIFICATION_WORKING_DAYS is no longer read; use CLARIFICATION_HOURS');
    expect(() => parseEnv({ ...REQUIRED, URGENT_CLARIFICATION_WORKING_DAYS: '1' })).toThrow('use URGENT_CLARIFICATION_HOURS');
  });
});

describe('the policy variables local mode passes through', () => {
  it('are every variable the policy reads, so npm start runs under the same rules as AWS', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../../functions/config/policy.ts', import.meta.url), 'utf8');
    const read = [...source.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(AGENCY_POLICY_VARIABLES).toContain(name);
  });

  it('takes the set ones from the environment, the replaced names too (so they are refused locally as in AWS)', () => {
    expect(agencyPolicyVariables({ CLARIFICATION_HOURS: '24', PATH: '/bin', CLARIFICATION_WORKING_DAYS: '2' })).toEqual({ CLARIFICATION_HOURS: '24', CLARIFICATION_WORKING_DAYS: '2' });
    expect(() => parseEnv({ ...REQUIRED, ...agencyPolicyVariables({ CLARIFICATION_WORKING_DAYS: '2' }) })).toThrow('CLARIFICATION_HOURS');
  });
});
