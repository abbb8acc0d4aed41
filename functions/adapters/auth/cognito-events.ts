/**
 * Cognito API calls that change who a member of staff is; each ends their portal sessions
 * (functions/handlers/revoke-sessions.ts, subscribed in infra/stacks/app-stack.ts).
 */
export const REVOKING_COGNITO_CALLS = [
  'AdminRemoveUserFromGroup',
  'AdminAddUserToGroup',
  'AdminDisableUser',
  'AdminDeleteUser',
  'AdminUserGlobalSignOut',
  'AdminSetUserPassword',
  'AdminResetUserPassword',
] as const;
