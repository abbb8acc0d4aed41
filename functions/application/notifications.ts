import { afterAttempt, claim } from '#domain/notifications/message';
import { systemActor } from '#domain/staff';
import { VersionConflictError } from '#domain/errors';
import type { Mailer } from '#ports/mailer';
import { Outbox } from '#repositories/outbox';
import type { AppDependencies } from './context';

const DISPATCHER = systemActor('outbox-dispatcher');

/** The newest outbox messages (local mode's outbox page). */
export function newestMessages(deps: Pick<AppDependencies, 'records'>, limit: number, cursor?: string) {
  return new Outbox(deps.records).newest(limit, cursor);
}

type Deps = Pick<AppDependencies, 'records' | 'clock' | 'logger'> & { mailer: Mailer };

/**
 * Delivers pending outbox messages: called right after a change that queued messages, and by the
 * daily sweep for anything a failure left behind. Each message is first claimed with a versioned
 * write, so two dispatchers running at once never both send it.
 */
export async function deliverPendingMessages(deps: Deps, limit = 25): Promise<{ sent: number; failed: number }> {
  const outbox = new Outbox(deps.records);
  const totals = { sent: 0, failed: 0 };
  for (const pending of await outbox.pending(limit)) {
    const current = await outbox.get(pending.message.id);
    const claimed = current && claim(current.entry.delivery, deps.clock.now());
    if (!current || !claimed) continue;
    const { message } = current.entry;
    const audit = (status: string, attempts: number) => ({ type: `outbox.${status}`, actor: DISPATCHER, data: { kind: message.kind, reference: message.reference, attempts } });
    try {
      await outbox.recordAttempt(current.entry, current.version, claimed, audit('claimed', claimed.attempts));
    } catch (error) {
      if (error instanceof VersionConflictError) continue; // another dispatcher has it
      throw error;
    }
    let result: Parameters<typeof afterAttempt>[1];
    try {
      result = { ok: true, at: deps.clock.now().toISOString(), ...(await deps.mailer.send({ to: message.to, subject: message.subject, text: message.text })) };
      totals.sent++;
    } catch (error) {
      result = { ok: false, error: (error as Error).name };
      totals.failed++;
      deps.logger.warn('message delivery failed', { messageId: message.id, error: (error as Error).name });
    }
    const delivery = afterAttempt(claimed, result);
    await outbox.recordAttempt(current.entry, current.version + 1, delivery, audit(delivery.status, delivery.attempts));
  }
  return totals;
}
