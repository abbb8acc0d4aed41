import type { ReleaseEvent, ReleaseResult } from '../adapters/lambda/releaser';
import { createDependencies } from '../config/dependencies';
import { parseEnv } from '../config/env';
import { DomainError } from '../domain/errors';

/*
 * The release function: the only writer of the public bucket (its role alone has s3:PutObject on
 * files/*). Invoked by the HTTP function; runs the release use case, which refuses anything
 * without an approved secrecy review bound to the content's digest. Built once per container.
 * This function's environment has no RELEASE_FUNCTION_NAME, so its release port is in-process.
 */
const deps = createDependencies(parseEnv());

export const handler = async (event: ReleaseEvent): Promise<ReleaseResult> => {
  const release = deps.release!;
  try {
    if (event?.target === 'withdraw') return { ok: true, withdrawn: await release.withdrawFromPublic(event.request) };
    if (event?.target !== 'public' && event?.target !== 'applicant') throw new Error('invalid release event');
    const receipt = event.target === 'public' ? await release.releaseToPublic(event.request) : await release.releaseToApplicant(event.request);
    deps.logger.info('released', { releaseId: receipt.releaseId, target: receipt.target, reviewId: event.request.reviewId });
    return { ok: true, receipt };
  } catch (error) {
    // Refusals (no approval, stale content, conflicts) go back to the caller with their status.
    if (error instanceof DomainError) {
      deps.logger.info('release refused', { target: event?.target, name: error.name, detail: error.detail });
      return { ok: false, error: { name: error.name, status: error.status, message: error.message } };
    }
    deps.logger.error('release failed', { error });
    throw error;
  }
};
