import { draftProposedItem, type CatalogueDeps } from '../catalogue';
import { shanghaiDate } from '#domain/calendar';
import { ConflictError, ForbiddenError } from '#domain/errors';
import { staffActor, type StaffMember } from '#domain/staff';
import { tableBRow } from '#domain/requests';
import { RequestRepository } from '#repositories/requests';
import { loadRequest, timelineEntry, type RequestDeps } from './common';
import { handlesApplications } from './staff';

/** The catalogue category for information released on application and then made proactive. */
export const CONVERTED_CATEGORY = 'converted';

/**
 * Art. 44: information released on application may be proposed for proactive disclosure. The
 * proposal is a draft catalogue item that then goes through the ordinary publishing workflow —
 * secrecy review of exactly what will be published, approval, index number — so nothing reaches
 * the public because it once reached one applicant. Only disclosed or partly disclosed answers
 * qualify; the case records the item it became.
 */
export async function proposeForCatalogue(deps: RequestDeps & CatalogueDeps, staff: StaffMember, trackingNumber: string, input: { expectedVersion?: number } = {}): Promise<{ itemId: string }> {
  if (!handlesApplications(staff)) throw new ForbiddenError('提请转为主动公开由经办人、科室负责人或管理员办理。', `${staff.id} may not propose ${trackingNumber}`);
  const record = await loadRequest(deps, trackingNumber, input.expectedVersion);
  const { data } = record;
  const row = data.draft ? tableBRow(data.draft.decision) : undefined;
  if (!data.released || (row !== 'disclosed' && row !== 'partial')) {
    throw new ConflictError('只有已答复并予以公开或部分公开的申请，才能提请转为主动公开。');
  }
  if (data.proposedItemId) throw new ConflictError(`该申请已提请转为主动公开（信息编号 ${data.proposedItemId}）。`);

  const title = data.requested.documentTitle?.trim() || data.requested.description?.trim().slice(0, 60) || `申请 ${trackingNumber} 所涉政府信息`;
  // The draft and the application's record of it commit together: a lost race leaves neither.
  const proposed = (itemId: string) => {
    const next = {
      ...data,
      proposedItemId: itemId,
      timeline: [...data.timeline, timelineEntry(deps, 'proposedForCatalogue', '提请转为主动公开（条例第四十四条）', { kind: 'staff', id: staff.id, name: staff.displayName }, { public: false })],
    };
    return [RequestRepository.updateChange(next, record.version, { type: 'request.proposed-for-catalogue', actor: staffActor(staff), data: { itemId } })];
  };
  const item = await draftProposedItem(
    deps,
    staff,
    {
      title,
      issuer: deps.config.agencyName,
      formedOn: shanghaiDate(new Date(data.released.releasedAt)),
      categoryId: CONVERTED_CATEGORY,
      ...(data.requested.documentNumber ? { documentNumber: data.requested.documentNumber } : {}),
      body: `本信息经依申请公开后，依照《中华人民共和国政府信息公开条例》第四十四条转为主动公开。\n\n（请在发布前补充正文和附件；发布前须经保密审查。）`,
    },
    proposed,
  );
  const itemId = item.record.id;
  return { itemId };
}
