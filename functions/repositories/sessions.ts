import type { AuditEventInput } from '#domain/audit/chain';
import type { StaffMember } from '#domain/staff';
import type { Change, RecordStore, VersionedRecord } from '#ports/record-store';
import { keys } from './keys';

/** A signed-in member of staff: what the cookie's session stands for, until it ends. */
export interface StaffSession {
  readonly idHash: string;
  readonly staff: StaffMember;
  readonly via: 'local' | 'cognito';
  readonly startedAt: string;
  readonly expiresAt: string;
  readonly endedAt?: string;
  readonly endReason?: 'logout' | 'password-changed' | 'roles-changed' | 'revoked' | 'expired';
}

export type SessionRecord = VersionedRecord<StaffSession>;

const indexesOf = (s: StaffSession) => ({ GSI1: s.endedAt ? null : keys.staffSessionsOf(s.staff.id, s.startedAt, s.idHash) });

export class SessionRepository {
  constructor(private readonly records: RecordStore) {}

  get(idHash: string): Promise<SessionRecord | undefined> {
    return this.records.get<StaffSession>(keys.staffSession(idHash));
  }

  static start(session: StaffSession, event: AuditEventInput): Change {
    return { op: 'create', write: { key: keys.staffSession(session.idHash), entity: 'staff-session', data: session, indexes: indexesOf(session) }, event };
  }

  async save(session: StaffSession, expectedVersion: number, event: AuditEventInput): Promise<void> {
    await this.records.commit([{ op: 'update', write: { key: keys.staffSession(session.idHash), entity: 'staff-session', data: session, indexes: indexesOf(session) }, expectedVersion, event }]);
  }

  async activeOf(staffId: string): Promise<SessionRecord[]> {
    const out: SessionRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.records.query<StaffSession>({ index: 'GSI1', pk: keys.staffSessionsPk(staffId), limit: 100, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return out;
  }

  /** Seconds since the epoch before which this member's bearer tokens are refused (0: none). */
  async revokedBefore(staffId: string): Promise<number> {
    return Number((await this.records.getPlain(keys.staffRevocation(staffId)))?.before ?? 0);
  }

  async revokeTokensBefore(staffId: string, seconds: number): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.records.getPlain(keys.staffRevocation(staffId));
      if (Number(current?.before ?? 0) >= seconds) return;
      if (await this.records.putPlainIf(keys.staffRevocation(staffId), { entity: 'staff-revocation', before: seconds }, Number(current?.rev ?? 0))) return;
    }
  }
}
