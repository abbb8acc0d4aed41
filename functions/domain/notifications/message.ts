/**
 * An e-mail the agency owes someone (receipt, supplement notice, extension, answer released).
 * Messages are written to the outbox in the same transaction as the state change that causes
 * them, and delivered afterwards, so a notice is never lost and never sent for a change that
 * did not happen.
 */
export interface OutgoingMessage {
  readonly id: string;
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** What the message is about, for staff (e.g. a tracking number); never an ID number. */
  readonly reference: string;
  readonly createdAt: string;
}

export type DeliveryState =
  /** `claimedAt`: a dispatcher took it at that instant and is sending it. */
  | { readonly status: 'pending'; readonly attempts: number; readonly lastError?: string; readonly claimedAt?: string }
  | { readonly status: 'sent'; readonly attempts: number; readonly sentAt: string; readonly providerId: string }
  | { readonly status: 'failed'; readonly attempts: number; readonly lastError: string };

export const MAX_DELIVERY_ATTEMPTS = 5;

/** A claim older than this is considered abandoned (the dispatcher died) and may be taken again. */
export const CLAIM_TIMEOUT_MS = 10 * 60 * 1000;

/** Whether a dispatcher may take the message now; taking it counts as an attempt. */
export function claim(state: DeliveryState, now: Date): DeliveryState | undefined {
  if (state.status !== 'pending') return undefined;
  if (state.claimedAt && now.getTime() - Date.parse(state.claimedAt) < CLAIM_TIMEOUT_MS) return undefined;
  return { status: 'pending', attempts: state.attempts + 1, lastError: state.lastError, claimedAt: now.toISOString() };
}

export function afterAttempt(claimed: DeliveryState, result: { ok: true; at: string; providerId: string } | { ok: false; error: string }): DeliveryState {
  const { attempts } = claimed;
  if (result.ok) return { status: 'sent', attempts, sentAt: result.at, providerId: result.providerId };
  return attempts >= MAX_DELIVERY_ATTEMPTS ? { status: 'failed', attempts, lastError: result.error } : { status: 'pending', attempts, lastError: result.error };
}
