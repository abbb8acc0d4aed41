import type { AuditEventInput } from '#domain/audit/chain';
import type { DeliveryState, OutgoingMessage } from '#domain/notifications/message';
import type { Change, Page, RecordStore } from '#ports/record-store';
import { keys } from './keys';

export interface OutboxEntry {
  readonly message: OutgoingMessage;
  readonly delivery: DeliveryState;
}

/** Messages owed to people, written with the change that causes them (transactional outbox). */
export class Outbox {
  constructor(private readonly records: RecordStore) {}

  /** The change that puts a message in the outbox; commit it together with the state change. */
  static enqueue(message: OutgoingMessage, event: AuditEventInput): Change<OutboxEntry> {
    return {
      op: 'create',
      write: {
        key: keys.outboxMessage(message.id),
        entity: 'outbox-message',
        data: { message, delivery: { status: 'pending', attempts: 0 } },
        indexes: { GSI1: keys.outboxByTime(message.createdAt, message.id), GSI3: keys.outboxPending(message.createdAt, message.id) },
      },
      event,
    };
  }

  async get(id: string): Promise<{ entry: OutboxEntry; version: number } | undefined> {
    const record = await this.records.get<OutboxEntry>(keys.outboxMessage(id));
    return record ? { entry: record.data, version: record.version } : undefined;
  }

  async pending(limit: number): Promise<OutboxEntry[]> {
    const page = await this.records.query<OutboxEntry>({ index: 'GSI3', pk: keys.outboxPendingPk(), limit });
    return page.items.map((r) => r.data);
  }

  async newest(limit: number, cursor?: string): Promise<Page<OutboxEntry>> {
    const page = await this.records.query<OutboxEntry>({ index: 'GSI1', pk: keys.outboxByTimePk(), descending: true, limit, cursor });
    return { items: page.items.map((r) => r.data), cursor: page.cursor };
  }

  async recordAttempt(entry: OutboxEntry, expectedVersion: number, delivery: DeliveryState, event: AuditEventInput): Promise<void> {
    const { message } = entry;
    await this.records.commit([
      {
        op: 'update',
        write: {
          key: keys.outboxMessage(message.id),
          entity: 'outbox-message',
          data: { message, delivery },
          indexes: {
            GSI1: keys.outboxByTime(message.createdAt, message.id),
            ...(delivery.status === 'pending' ? { GSI3: keys.outboxPending(message.createdAt, message.id) } : {}),
          },
        },
        expectedVersion,
        event,
      },
    ]);
  }
}
