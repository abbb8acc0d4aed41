import type { AuditEventInput } from '../domain/audit/chain';
import type { StaffMember } from '../domain/staff';
import type { RecordStore } from '../ports/record-store';
import { keys } from './keys';

/** Local-mode staff accounts (in AWS, Cognito holds staff and their groups). */
export interface StaffAccount extends StaffMember {
  readonly passwordHash: string;
}

export class StaffAccounts {
  constructor(private readonly records: RecordStore) {}

  async find(username: string): Promise<StaffAccount | undefined> {
    return (await this.records.get<StaffAccount>(keys.staffAccount(username)))?.data;
  }

  async create(account: StaffAccount, event: AuditEventInput): Promise<void> {
    await this.records.commit([{ op: 'create', write: { key: keys.staffAccount(account.username), entity: 'staff-account', data: account }, event }]);
  }
}
