import type { StaffRole } from '#domain/staff';

/**
 * Demo staff accounts for local mode, one per role. Printed by `npm start` and listed on the local
 * login page; they do not exist in AWS (staff there are Cognito users).
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; password: string; displayName: string; roles: StaffRole[] }> = [
  { username: 'clerk', password: 'demo-clerk', displayName: '王晓明', roles: ['clerk'] },
  { username: 'clerk2', password: 'demo-clerk2', displayName: '李娜', roles: ['clerk'] },
  { username: 'head', password: 'demo-head', displayName: '张建国', roles: ['head'] },
  { username: 'reviewer', password: 'demo-reviewer', displayName: '陈静', roles: ['reviewer'] },
  { username: 'leader', password: 'demo-leader', displayName: '刘志强', roles: ['leader'] },
  { username: 'admin', password: 'demo-admin', displayName: '赵敏', roles: ['admin'] },
];
