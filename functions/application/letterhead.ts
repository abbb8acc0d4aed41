import { ConflictError } from '#domain/errors';
import type { AgencyProfile as LetterAgency } from '#domain/requests/letters';
import { loadCatalogue } from './catalogue/settings';
import type { AppDependencies } from './context';

/** Where the administrator enters the profile, named in the refusal so a clerk knows whom to ask. */
export const PROFILE_SETTINGS = '“目录与指南设置”（/staff/catalogue）的机关信息';

/**
 * The letterhead of answer letters (applications, corrections): the agency profile the
 * administrator keeps at /staff/catalogue. Nothing is derived from the agency's name: a guessed
 * court or reconsideration body in a signed letter misleads the applicant about their remedies
 * (a wrong remedy notice lets their time limits run for up to a year, 复议法 Art. 20(2)), so until
 * the profile names them, no letter can be drafted.
 */
export async function letterhead(deps: Pick<AppDependencies, 'records' | 'clock' | 'config'>): Promise<LetterAgency> {
  const profile = (await loadCatalogue(deps)).settings.profile;
  const { court, letterPrefix } = profile ?? {};
  if (!profile || !court || !letterPrefix) {
    const missing = profile
      ? Object.entries({ 有管辖权的人民法院: court, 发文机关代字: letterPrefix }).flatMap(([label, value]) => (value ? [] : [label]))
      : ['行政复议机关、有管辖权的人民法院等机关信息'];
    throw new ConflictError(`尚未填写${missing.join('和')}，不能出具告知书。请管理员在${PROFILE_SETTINGS}中填写后再拟定。`);
  }
  return {
    name: profile.name,
    letterPrefix,
    address: profile.disclosureOffice.address ?? profile.address,
    phone: profile.disclosureOffice.phone ?? profile.phone,
    reconsiderationBody: profile.reconsiderationBody.name,
    court,
  };
}

/** How to pay a fee, as the 收费通知书 says it: the profile's, or a refusal that says where to enter it. */
export async function feePaymentText(deps: Pick<AppDependencies, 'records' | 'clock' | 'config'>): Promise<string> {
  const payment = (await loadCatalogue(deps)).settings.profile?.feePayment;
  if (!payment) throw new ConflictError(`尚未填写信息处理费缴纳方式，不能出具收费通知书。请管理员在${PROFILE_SETTINGS}中填写后再拟定。`);
  return payment;
}
