import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { ReleaseReceipt, ReleaseRequest, Releaser, WithdrawalRequest } from '../../ports/releaser';
import { DomainError } from '../../domain/errors';

/** The event the release function receives (functions/handlers/release.ts). */
export type ReleaseEvent =
  | { readonly target: 'public' | 'applicant'; readonly request: ReleaseRequest }
  | { readonly target: 'withdraw'; readonly request: WithdrawalRequest };

/** What the release function returns: a receipt, or the refusal it translated. */
export type ReleaseResult =
  | { readonly ok: true; readonly receipt: ReleaseReceipt }
  | { readonly ok: true; readonly withdrawn: { readonly removed: number } }
  | { readonly ok: false; readonly error: { readonly name: string; readonly status: number; readonly message: string } };

/** Synchronously invokes a function by name with a JSON payload and returns its JSON result. */
export type InvokeFunction = (functionName: string, payload: unknown) => Promise<unknown>;

/** A refusal or failure reported by the release function, re-raised on the HTTP side with its status. */
export class RemoteReleaseError extends DomainError {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    detail?: string,
  ) {
    super(message, detail);
  }
}

/**
 * The HTTP function's side of the release step in AWS: it cannot write to the public bucket, so it
 * asks the release function. The transport (`invoke`) is injected so this adapter carries no SDK;
 * the composition root passes `lambdaInvoke(new LambdaClient())`.
 */
export class LambdaReleaser implements Releaser {
  constructor(
    private readonly functionName: string,
    private readonly invoke: InvokeFunction,
  ) {}

  releaseToPublic(request: ReleaseRequest): Promise<ReleaseReceipt> {
    return this.call({ target: 'public', request });
  }

  releaseToApplicant(request: ReleaseRequest): Promise<ReleaseReceipt> {
    return this.call({ target: 'applicant', request });
  }

  async withdrawFromPublic(request: WithdrawalRequest): Promise<{ removed: number }> {
    const result = await this.invokeChecked({ target: 'withdraw', request });
    if (!('withdrawn' in result)) throw new Error('release function answered a withdrawal with a receipt');
    return result.withdrawn;
  }

  private async call(event: ReleaseEvent): Promise<ReleaseReceipt> {
    const result = await this.invokeChecked(event);
    if (!('receipt' in result)) throw new Error('release function answered a release without a receipt');
    return result.receipt;
  }

  private async invokeChecked(event: ReleaseEvent) {
    const result = (await this.invoke(this.functionName, event)) as ReleaseResult;
    if (result.ok) return result;
    const status = ([400, 401, 403, 404, 409, 413, 422, 429] as const).find((s) => s === result.error.status);
    if (status) throw new RemoteReleaseError(status, result.error.message, result.error.name);
    throw new Error(`release function failed: ${result.error.name}`);
  }
}

/** Synchronous Lambda Invoke with a JSON payload; a function error becomes an exception. */
export function lambdaInvoke(lambda: LambdaClient): InvokeFunction {
  return async (functionName, payload) => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(payload)) }));
    const body = out.Payload ? new TextDecoder().decode(out.Payload) : 'null';
    if (out.FunctionError) throw new Error(`release function failed (${out.FunctionError}): ${body.slice(0, 200)}`);
    return JSON.parse(body) as unknown;
  };
}
