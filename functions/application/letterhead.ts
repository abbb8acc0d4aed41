import type { AgencyProfile as LetterAgency } from '#domain/requests/letters';
import { loadCatalogue } from './catalogue/settings';
import type { AppDependencies } from './context';

/**
 * The letterhead of answer letters (applications, corrections): the agency profile the
 * administrator keeps at /staff/catalogue — name, address, phone, reconsideration body — and,
 * until one is saved, defaults derived from the configured agency name. The court is not part of
 * the profile; it defaults to the people's court of the agency's place (行诉法 第十八条).
 */
export async function letterhead(deps: Pick<AppDependencies, 'records' | 'clock' | 'config'>): Promise<LetterAgency> {
  const profile = (await loadCatalogue(deps)).settings.profile;
  const name = profile?.name ?? deps.config.agencyName;
  const place = /^(.+?[市州盟县区])/.exec(name)?.[1] ?? name;
  return {
    name,
    letterPrefix: `${place.replace(/[市州盟县区]$/, '')}政信`,
    address: profile?.disclosureOffice.address ?? profile?.address ?? `${place}人民政府政务服务中心政府信息公开窗口`,
    phone: profile?.disclosureOffice.phone ?? profile?.phone ?? '12345（政务服务便民热线）',
    reconsiderationBody: profile?.reconsiderationBody.name ?? `${place}人民政府`,
    court: `${place}人民法院`,
  };
}
