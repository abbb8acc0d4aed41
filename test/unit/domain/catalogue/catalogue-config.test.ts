import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '#domain/calendar';
import {
  CatalogueValidationError,
  CategoryTree,
  compileIndexScheme,
  counterKey,
  defaultCategories,
  formatIndexNumber,
  INDEX_SCHEMES,
  IndexNumberConflictError,
  isValidIndexNumber,
  normaliseDocumentNumber,
  parseAgencyProfile,
  parseIndexNumber,
  parseItemForm,
  validateCategories,
  type CatalogueCategory,
} from '#domain/catalogue';

describe('category tree', () => {
  it('seeds the Art. 20 and Art. 21 categories and builds a valid tree', () => {
    const tree = CategoryTree.build(defaultCategories());
    const names = tree.all().map((n) => n.name);
    for (const n of ['机构职能', '规章', '行政规范性文件', '财政预决算', '政府采购', '公务员招考', '土地征收', '社会救助', '政策解读', '澄清说明', '依申请公开转主动公开', '其他']) {
      expect(names).toContain(n);
    }
    expect(tree.label('livelihood-education')).toBe('民生政策 > 教育');
    expect(tree.subtreeIds('livelihood')).toHaveLength(6);
    expect(CategoryTree.build(defaultCategories({ includeLocal: false })).has('land-expropriation')).toBe(false);
  });

  const c = (id: string, parentId: string | null, order = 1): CatalogueCategory => ({ id, name: id, parentId, order });

  it('rejects duplicate ids, unknown parents, cycles and depth > 3', () => {
    expect(validateCategories([c('a', null), c('a', null)]).join()).toMatch(/重复/);
    expect(validateCategories([c('a', 'zz')]).join()).toMatch(/不存在/);
    expect(validateCategories([c('a', 'b'), c('b', 'a')]).join()).toMatch(/循环/);
    expect(validateCategories([c('a', null), c('b', 'a'), c('c', 'b'), c('d', 'c')]).join()).toMatch(/最多允许3级/);
    expect(() => CategoryTree.build([c('a', 'a')])).toThrow(CatalogueValidationError);
    expect(validateCategories([c('a', null), c('b', 'a'), c('c', 'b')])).toEqual([]);
  });
});

describe('index numbers', () => {
  const date = '2026-02-10' as IsoDate;

  it('formats the national 20-character form and parses it back', () => {
    const n = formatIndexNumber(INDEX_SCHEMES.national, { orgCode: '000014349', date, serial: 222 });
    expect(n).toBe('000014349/2026-00222');
    expect(n).toHaveLength(20);
    expect(parseIndexNumber(INDEX_SCHEMES.national, '000014349/2018-00222')).toEqual({ org: '000014349', year: 2018, serial: 222 });
    expect(isValidIndexNumber(INDEX_SCHEMES.national, '000014349/2018-222')).toBe(false);
    expect(isValidIndexNumber(INDEX_SCHEMES.national, '000014340/2018-00222')).toBe(false); // bad check digit
  });

  it('supports the USCC variants and the hyphen-only variant seen in the wild', () => {
    expect(formatIndexNumber(INDEX_SCHEMES.usccMonth, { orgCode: '11341702486344515H', date, serial: 13 })).toBe('11341702486344515H/202602-00013');
    expect(parseIndexNumber(INDEX_SCHEMES.usccMonth, '11341702486344515H/202110-00013')).toMatchObject({ year: 2021, month: 10, serial: 13 });
    expect(formatIndexNumber(INDEX_SCHEMES.usccYear, { orgCode: '11341702486344515H', date, serial: 1 })).toBe('11341702486344515H/2026-00001');
    expect(isValidIndexNumber(INDEX_SCHEMES.hyphen6, '01527918X-2020-153077')).toBe(true);
    expect(() => formatIndexNumber(INDEX_SCHEMES.usccYear, { orgCode: '000014349', date, serial: 1 })).toThrow(/18位/);
  });

  it('supports local templates with category and date tokens', () => {
    const ningbo = { id: 'ningbo', template: '330200-{org}-{category}-{date}-{serial:4}', counterScope: 'day', orgCode: 'org9' } as const;
    const n = formatIndexNumber(ningbo, { orgCode: '000014349', date, categoryCode: 'CZYJS', serial: 7 });
    expect(n).toBe('330200-000014349-CZYJS-20260210-0007');
    expect(parseIndexNumber(ningbo, n)).toMatchObject({ category: 'CZYJS', year: 2026, month: 2, day: 10, serial: 7 });
    expect(() => formatIndexNumber(ningbo, { orgCode: '000014349', date, serial: 1 })).toThrow(/分类代码/);
  });

  it('refuses schemes whose numbers would repeat across counter scopes, and serial overflow', () => {
    expect(() => compileIndexScheme({ id: 'x', template: '{org}/{serial:5}', counterScope: 'year', orgCode: 'org9' })).toThrow(CatalogueValidationError);
    expect(() => compileIndexScheme({ id: 'x', template: '{org}/{year}-{serial:5}', counterScope: 'year-category', orgCode: 'org9' })).toThrow(/category/);
    expect(() => compileIndexScheme({ id: 'x', template: '{org}/{year}', counterScope: 'year', orgCode: 'org9' })).toThrow(/serial/);
    expect(() => formatIndexNumber(INDEX_SCHEMES.national, { orgCode: '000014349', date, serial: 100000 })).toThrow(IndexNumberConflictError);
  });

  it('counter keys follow the scheme scope (per year, per month)', () => {
    expect(counterKey(INDEX_SCHEMES.national, { orgCode: '000014349', date })).toBe('index:national:000014349:2026');
    expect(counterKey(INDEX_SCHEMES.usccMonth, { orgCode: '11341702486344515H', date })).toBe('index:uscc-month:11341702486344515H:202602');
  });

  it('distinct (counter key, serial) pairs always give distinct numbers that parse back', () => {
    const schemes = [INDEX_SCHEMES.national, INDEX_SCHEMES.usccMonth, { id: 't', template: 'X{category}-{year}{month}{serial:6}', counterScope: 'month-category', orgCode: 'any' } as const];
    fc.assert(
      fc.property(
        fc.constantFrom(...schemes),
        fc.array(fc.tuple(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('A1', 'B2'), fc.integer({ min: 1, max: 99999 })), { maxLength: 40 }),
        (scheme, draws) => {
          const seen = new Map<string, string>();
          for (const [y, m, cat, serial] of draws) {
            const ctx = { orgCode: scheme.orgCode === 'uscc18' ? '11341702486344515H' : '000014349', date: `${y}-${String(m).padStart(2, '0')}-15` as IsoDate, categoryCode: cat };
            const key = `${counterKey(scheme, ctx)}#${serial}`;
            const n = formatIndexNumber(scheme, { ...ctx, serial });
            expect(parseIndexNumber(scheme, n)?.serial).toBe(serial);
            const prev = seen.get(n);
            if (prev !== undefined) expect(prev).toBe(key);
            seen.set(n, key);
          }
        },
      ),
    );
  });
});

describe('agency profile', () => {
  const valid = {
    name: '某市财政局',
    code: '000014349',
    address: '某市人民路1号',
    officeHours: '工作日 9:00-12:00，13:30-17:30',
    phone: '0571-12345678',
    email: 'xxgk@example.gov.cn',
    disclosureOffice: { name: '某市财政局办公室' },
    reconsiderationBody: { name: '某市人民政府' },
  };

  it('accepts an organisation code or a USCC and normalises a hyphenated code', () => {
    expect(parseAgencyProfile(valid).code).toBe('000014349');
    expect(parseAgencyProfile({ ...valid, code: '00001434-9' }).code).toBe('000014349');
    expect(parseAgencyProfile({ ...valid, code: '11341702486344515h' }).code).toBe('11341702486344515H');
  });

  it('reports Chinese per-field messages', () => {
    try {
      parseAgencyProfile({ ...valid, code: '123', email: 'x', phone: 'abc' });
      expect.unreachable();
    } catch (e) {
      const fields = (e as CatalogueValidationError).fields;
      expect(fields.code).toMatch(/组织机构代码/);
      expect(fields.email).toMatch(/电子邮箱/);
      expect(fields.phone).toMatch(/联系电话/);
    }
  });
});

describe('item form', () => {
  const base = { title: ' 关于印发预算的通知 ', issuer: '某市财政局', formedOn: '2026-02-02', categoryId: 'budgets', body: '正文', keywords: '预算、决算,预算' };

  it('normalises 文号 brackets to 〔〕 and splits keyword lists', () => {
    const c = parseItemForm({ ...base, documentNumber: '国办发[2017]47号' }, () => true);
    expect(c.documentNumber).toBe('国办发〔2017〕47号');
    expect(c.title).toBe('关于印发预算的通知');
    expect(c.keywords).toEqual(['预算', '决算']);
    expect(normaliseDocumentNumber('国办发（2017）47号')).toBe('国办发〔2017〕47号');
    expect(normaliseDocumentNumber('国办发［2017］47号')).toBe('国办发〔2017〕47号');
  });

  it('rejects bad input with Chinese messages per field', () => {
    try {
      parseItemForm({ ...base, title: '', formedOn: '2026-02-30', disclosureAttribute: 'on-application', body: '' }, (id) => id !== 'budgets');
      expect.unreachable();
    } catch (e) {
      const f = (e as CatalogueValidationError).fields;
      expect(f.title).toMatch(/标题/);
      expect(f.formedOn).toMatch(/生成日期/);
    }
    expect(() => parseItemForm(base, () => false)).toThrow(/有误/);
    try {
      parseItemForm({ ...base, disclosureAttribute: 'on-application' }, () => true);
    } catch (e) {
      expect((e as CatalogueValidationError).fields.nonDisclosureReason).toMatch(/理由/);
    }
  });
});
