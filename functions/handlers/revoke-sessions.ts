import middy from '@middy/core';
import { REVOKING_COGNITO_CALLS } from '#adapters/auth/cognito-events';
import { endAllSessions } from '#application/sessions';
import { createDependencies } from '#config/dependencies';
import { parseEnv } from '#config/env';
import { systemActor } from '#domain/staff';

/*
 * Ends a member of staff's sessions when Cognito changes who they are: removed from a group,
 * disabled, deleted, signed out everywhere, or given a new password by an administrator.
 * EventBridge delivers these as "AWS API Call via CloudTrail" events (a CloudTrail trail with
 * management events must be on; infra/stacks/app-stack.ts). Usernames of this user pool are the
 * users' `sub`, which is the staff id the sessions carry.
 */

const deps = createDependencies(parseEnv());

interface CloudTrailEvent {
  readonly detail?: { readonly eventName?: string; readonly requestParameters?: { readonly username?: string } };
}

export const handler = middy<CloudTrailEvent>().handler(async (event) => {
  const call = event.detail?.eventName ?? '';
  const username = event.detail?.requestParameters?.username;
  if (!username || !(REVOKING_COGNITO_CALLS as readonly string[]).includes(call)) return { ended: 0 };
  const reason = /Group/.test(call) ? 'roles-changed' : /Password/.test(call) ? 'password-changed' : 'revoked';
  const ended = await endAllSessions(deps, username, reason, systemActor(`cognito:${call}`));
  deps.logger.info('staff sessions ended', { call, ended });
  return { ended };
});
