import { ConflictError } from '#domain/errors';
import type { AuditEventInput } from '#domain/audit/chain';
import type { StaffMember } from '#domain/staff';
import type { RecordStore, RecordWrite, VersionedRecord } from '#ports/record-store';
import { keys } from './keys';

/** Local-mode staff accounts (in AWS, Cognito holds staff and their groups). */
export interface StaffAccount extends StaffMember {
  readonly passwordHash: string;
}

export class StaffAccounts {
  constructor(private readonly records: RecordStore) {}

  async find(username: string): Promise<StaffAccount | undefined> {
    return (await this.record(username))?.data;
  }

  record(username: string): Promise<VersionedRecord<StaffAccount> | undefined> {
    return this.records.get<StaffAccount>(keys.staffAccount(username));
  }

  async create(account: StaffAccount, event: AuditEventInput): Promise<void> {
    await this.records.commit([{ op: 'create', write: write(account), event }]);
  }

  async update(account: StaffAccount, expectedVersion: number, event: AuditEventInput): Promise<void> {
    await this.records.commit([{ op: 'update', write: write(account), expectedVersion, event }]);
  }

  /** Every local account, by username. */
  async list(): Promise<StaffAccount[]> {
    const page = await this.records.query<StaffAccount>({ index: 'GSI1', pk: keys.staffAccountsPk(), limit: 500 });
    return page.items.map((r) => r.data);
  }

  /**
   * Demo data: the account commits together with its seed marker, so it is written once however
   * often (or concurrently) local mode starts. Returns false when it was already there.
   */
  async seedOnce(account: StaffAccount, event: AuditEventInput): Promise<boolean> {
    const marker = keys.seed(`staff-account:${account.username}`);
    if (await this.records.getPlain(marker)) return false;
    try {
      await this.records.commit([
        { op: 'guard', key: marker, data: { entity: 'seed-marker' } },
        { op: 'create', write: write(account), event },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}

const write = (account: StaffAccount): RecordWrite<StaffAccount> => ({
  key: keys.staffAccount(account.username),
  entity: 'staff-account',
  data: account,
  indexes: { GSI1: keys.staffAccountsByName(account.username) },
});
