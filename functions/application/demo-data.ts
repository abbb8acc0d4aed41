import type { AgencyProfileInput } from '#domain/catalogue';
import type { StaffRole } from '#domain/staff';
import type { AppConfig } from './context';

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

/**
 * The demo agency's profile for local mode, so letters can be drafted out of the box. A real
 * agency enters its own at /staff/catalogue: the court and reconsideration body here are examples,
 * never a rule (letters are refused until a profile names them).
 */
export const demoAgencyProfile = (config: Pick<AppConfig, 'agencyName' | 'agencyCode'>): AgencyProfileInput => ({
  name: config.agencyName,
  code: config.agencyCode,
  address: '示例市人民路1号',
  postcode: '100000',
  officeHours: '工作日 上午9:00—12:00，下午13:30—17:00',
  phone: '010-12345678',
  email: 'xxgk@example.gov.cn',
  disclosureOffice: { name: `${config.agencyName}政府信息公开工作机构`, address: '示例市人民路1号政务服务中心一楼政府信息公开窗口', phone: '12345' },
  reconsiderationBody: { name: '示例市人民政府' },
  court: '示例市示例区人民法院',
  letterPrefix: '示例政信',
  feePayment: '通过示例市非税收入统一缴款平台缴纳（缴款码随本通知书送达），或到政府信息公开窗口扫码缴纳',
});
