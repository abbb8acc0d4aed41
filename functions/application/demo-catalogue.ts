import { shanghaiDate } from '#domain/calendar';
import type { Checklist } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import { SeedMarkers } from '#repositories/seed-markers';
import { createItem, publishItem, submitItem, type CatalogueDeps } from './catalogue';
import { DEMO_ACCOUNTS } from './demo-data';
import { signReviewStage } from './secrecy';

/** Demo items for local mode, so a newcomer's portal is not empty. */
const DEMO_ITEMS = [
  {
    title: '示例市人民政府办公室关于印发2026年政务公开工作要点的通知',
    documentNumber: '示政办发〔2026〕3号',
    categoryId: 'regulations-normative',
    keywords: '政务公开、工作要点',
    body: '各区人民政府，市政府各部门：\n\n《2026年政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。\n\n## 一、深化重点领域信息公开\n\n围绕财政预决算、重大建设项目、社会救助等领域，及时准确公开政策文件和执行情况。\n\n## 二、提升依申请公开办理质量\n\n严格执行法定期限，规范答复文书，做到先审查、后公开。',
  },
  {
    title: '示例市2026年部门预算公开说明',
    categoryId: 'budgets',
    keywords: '部门预算、财政',
    body: '根据《中华人民共和国预算法》和市人大批准的预算，现将本单位2026年部门预算公开如下。\n\n本年度收支总预算较上年略有下降，主要用于保障基本运行和重点民生项目。',
  },
  {
    title: '关于开展2026年春季义务植树活动的通知',
    documentNumber: '示绿发〔2026〕2号',
    categoryId: 'other',
    keywords: '义务植树、绿化',
    body: '各区绿化委员会：\n\n请于三月组织开展**义务植树**活动，倡导市民积极参与，共建美丽家园。',
  },
] as const;

const noneInvolved: Checklist = {
  'state-secret': { involved: false },
  'work-secret': { involved: false },
  'trade-secret': { involved: false },
  'personal-privacy': { involved: false },
  'process-or-internal': { involved: false },
  'security-stability': { involved: false },
};

function demoStaff(username: string): StaffMember {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username)!;
  return { id: `local-${a.username}`, username: a.username, displayName: a.displayName, roles: a.roles };
}

/**
 * Publishes the demo items through the real workflow (draft → secrecy review by the demo clerk,
 * head, reviewer and leader → publish), so the demo shows what the gate produces. Each item is
 * published once, marked by a seed item written after it succeeded.
 */
export async function seedDemoCatalogue(deps: CatalogueDeps): Promise<string[]> {
  const clerk = demoStaff('clerk');
  const markers = new SeedMarkers(deps.records);
  const added: string[] = [];
  for (const [i, item] of DEMO_ITEMS.entries()) {
    const marker = `catalogue-item:${i + 1}`;
    if (await markers.has(marker)) continue;
    const today = shanghaiDate(deps.clock.now());
    const created = await createItem(deps, clerk, { issuer: deps.config.agencyName, formedOn: today, writtenOn: today, ...item });
    const id = created.record.id;
    const reviewId = (await submitItem(deps, clerk, id)).review!.id;
    for (const [username, stage] of [
      ['clerk', 'self'],
      ['head', 'head'],
      ['reviewer', 'secrecy'],
      ['leader', 'leader'],
    ] as const) {
      const signed = await signReviewStage(deps, demoStaff(username), reviewId, { stage, checklist: noneInvolved, conclusion: { type: 'disclose' } });
      if (signed.data.review.status === 'approved') break;
    }
    await publishItem(deps, clerk, id);
    await markers.mark(marker, { itemId: id });
    added.push(`catalogue-item:${id}`);
  }
  return added;
}
