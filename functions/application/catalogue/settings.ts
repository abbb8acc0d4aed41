import { CategoryTree, DEFAULT_INDEX_SCHEME, defaultCategories, INDEX_SCHEMES, parseAgencyProfile, type AgencyProfile, type CatalogueCategory, type IndexNumberScheme } from '#domain/catalogue';
import { parseUntrustedJson } from '#domain/untrusted-input';
import { ForbiddenError, ValidationError } from '#domain/errors';
import { staffActor, type StaffMember } from '#domain/staff';
import type { RecordStore } from '#ports/record-store';
import { CatalogueSettingsRepository, type CatalogueSettings } from '#repositories/catalogue';
import type { AppDependencies } from '../context';

type Deps = Pick<AppDependencies, 'records' | 'clock'>;

export const DEFAULT_GUIDE = `## 一、主动公开

本机关主动公开的政府信息在本平台“主动公开”栏目发布，按信息公开目录分类编排。信息自形成或者变更之日起 20 个工作日内予以公开。

## 二、依申请公开

公民、法人或者其他组织可以通过本平台“依申请公开”栏目在线提交申请，也可以通过信函、当面等方式提出申请。申请应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式。

## 三、办理时限

能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过 20 个工作日。

## 四、监督和救济

公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。
`;

export interface LoadedCatalogue {
  readonly settings: CatalogueSettings;
  /** Record version (undefined while the defaults are in force). */
  readonly version?: number;
  readonly tree: CategoryTree;
}

/** Settings change rarely; a short cache keeps them off the read path of every public page. */
export const SETTINGS_CACHE_MS = 30_000;
const cache = new WeakMap<RecordStore, { loaded: LoadedCatalogue; at: number }>();

export function defaultSettings(): CatalogueSettings {
  return { categories: defaultCategories(), indexScheme: DEFAULT_INDEX_SCHEME, guide: DEFAULT_GUIDE };
}

export async function loadCatalogue(deps: Deps, options: { fresh?: boolean } = {}): Promise<LoadedCatalogue> {
  const now = deps.clock.now().getTime();
  const hit = cache.get(deps.records);
  if (!options.fresh && hit && now - hit.at >= 0 && now - hit.at < SETTINGS_CACHE_MS) return hit.loaded;
  const stored = await new CatalogueSettingsRepository(deps.records).get();
  const settings = stored?.data ?? defaultSettings();
  const loaded: LoadedCatalogue = { settings, tree: CategoryTree.build(settings.categories), ...(stored ? { version: stored.version } : {}) };
  cache.set(deps.records, { loaded, at: now });
  return loaded;
}

export function invalidateCatalogue(deps: Pick<AppDependencies, 'records'>): void {
  cache.delete(deps.records);
}

export interface SettingsInput {
  readonly profile?: unknown;
  /** JSON array of categories (the admin page edits it as JSON text). */
  readonly categories?: unknown;
  readonly indexSchemeId?: string;
  readonly guide?: string;
}

/** The agency profile, categories, index scheme and guide are the administrator's (the access policy lets only them reach the page). */
export const mayEditCatalogueSettings = (staff: Pick<StaffMember, 'roles'>): boolean => staff.roles.includes('admin');

/** Admin: saves the agency profile, category tree, index-number scheme and guide (each optional). */
export async function saveCatalogueSettings(deps: Deps, admin: StaffMember, input: SettingsInput): Promise<LoadedCatalogue> {
  if (!mayEditCatalogueSettings(admin)) throw new ForbiddenError('您无权修改目录与指南设置。', `${admin.id} may not edit catalogue settings`);
  const current = await loadCatalogue(deps, { fresh: true });
  let profile: AgencyProfile | undefined = current.settings.profile;
  if (input.profile !== undefined) profile = parseAgencyProfile(input.profile);
  let categories: readonly CatalogueCategory[] = current.settings.categories;
  if (input.categories !== undefined) {
    let parsed: unknown = input.categories;
    if (typeof parsed === 'string') {
      try {
        parsed = parseUntrustedJson(parsed, { what: '目录分类' });
      } catch (error) {
        throw new ValidationError('目录分类格式有误', { categories: error instanceof ValidationError ? error.message : '目录分类应为 JSON 数组' });
      }
    }
    if (!Array.isArray(parsed)) throw new ValidationError('目录分类格式有误', { categories: '目录分类应为 JSON 数组' });
    CategoryTree.build(parsed as CatalogueCategory[]);
    categories = parsed as CatalogueCategory[];
  }
  let indexScheme: IndexNumberScheme = current.settings.indexScheme;
  if (input.indexSchemeId !== undefined) {
    const found = Object.values(INDEX_SCHEMES).find((s) => s.id === input.indexSchemeId);
    if (!found) throw new ValidationError('索引号规则不存在', { indexSchemeId: '请选择索引号规则' });
    indexScheme = found;
  }
  const guide = input.guide !== undefined ? input.guide.slice(0, 100_000) : current.settings.guide;
  const settings: CatalogueSettings = { categories, indexScheme, guide, ...(profile ? { profile } : {}) };
  await new CatalogueSettingsRepository(deps.records).save(settings, current.version, {
    type: 'catalogue.settings-saved',
    actor: staffActor(admin),
    data: { categories: categories.length, indexScheme: indexScheme.id, profile: Boolean(profile) },
  });
  invalidateCatalogue(deps);
  return loadCatalogue(deps, { fresh: true });
}
