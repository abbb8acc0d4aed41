import { describe, expect, it } from 'vitest';
import { publicProjection } from '#domain/catalogue';
import { searchDocumentFromProjection, SearchIndex, snippetHtml, tokenize, type SearchDocument } from '#domain/search';
import { aContent, aPublished, at } from '../catalogue/builders';

const doc = (id: string, over: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  indexNumber: `000014349/2026-${id.padStart(5, '0')}`,
  title: '通知',
  keywords: [],
  body: '',
  categoryId: 'other',
  issuers: ['某市人民政府办公室'],
  year: 2026,
  validity: 'valid',
  publishedAt: '2026-02-10T01:00:00.000Z',
  ...over,
});

function sample(): SearchIndex {
  const idx = new SearchIndex();
  idx.add(doc('1', { title: '某市人民政府办公室政府信息公开指南', body: '本指南说明获取政府信息的方式。', categoryId: 'institution' }));
  idx.add(doc('2', { title: '关于公布2026年部门预算的公告', body: '现将2026年部门预算予以公开。', categoryId: 'budgets', issuers: ['某市财政局'] }));
  idx.add(doc('3', { title: '某市2025年统计公报', body: '全市生产总值增长。预算执行情况良好。', categoryId: 'statistics', year: 2025, publishedAt: '2025-03-01T01:00:00.000Z' }));
  idx.add(
    doc('4', {
      title: '国务院办公厅关于印发政府网站发展指引的通知',
      documentNumber: '国办发〔2017〕47号',
      body: '各省、自治区、直辖市人民政府：《政府网站发展指引》已经国务院同意，现印发给你们。',
      categoryId: 'regulations-normative',
      issuers: ['国务院办公厅'],
      year: 2017,
      validity: 'invalid',
      publishedAt: '2017-06-08T01:00:00.000Z',
    }),
  );
  return idx;
}

describe('tokenizer', () => {
  it('segments Chinese words, adds inner bigrams of long words, and lower-cases ASCII', () => {
    const t = tokenize('政府信息公开指南 进一步 ＡＢＣ');
    expect(t).toEqual(expect.arrayContaining(['政府', '信息', '公开', '指南', '进一步', '进一', '一步', 'abc']));
  });
});

describe('SearchIndex', () => {
  it('finds terms inside longer words and phrases (公开 → 政府信息公开指南, 预算 → 2026年部门预算)', () => {
    const idx = sample();
    expect(idx.search('公开').hits.map((h) => h.id)).toContain('1');
    expect(idx.search('预算').hits.map((h) => h.id)).toEqual(expect.arrayContaining(['2', '3']));
    expect(idx.search('信息公开').hits[0]!.id).toBe('1');
    expect(idx.search('部门预算').hits[0]!.id).toBe('2');
  });

  it('ranks a title match above body matches', () => {
    const idx = new SearchIndex();
    idx.add(doc('body', { title: '工作情况', body: '预算 预算 预算 预算 预算执行，预算调整，预算编制。' }));
    idx.add(doc('title', { title: '预算公开', body: '本文说明相关情况。' }));
    expect(idx.search('预算').hits.map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('finds a 文号 whole, by organ prefix and by parts; brackets in any form', () => {
    const idx = sample();
    for (const q of ['国办发〔2017〕47号', '国办发[2017]47号', '国办发（2017）47号', '国办发', '47号', '2017 47号']) {
      expect(idx.search(q).hits[0]?.id, q).toBe('4');
    }
  });

  it('filters by category, year, issuer and validity', () => {
    const idx = sample();
    expect(idx.search('预算', { categoryIds: ['budgets'] }).hits.map((h) => h.id)).toEqual(['2']);
    expect(idx.search('预算', { year: 2025 }).hits.map((h) => h.id)).toEqual(['3']);
    expect(idx.search('预算', { issuer: '某市财政局' }).hits.map((h) => h.id)).toEqual(['2']);
    expect(idx.search('政府', { validity: 'invalid' }).hits.map((h) => h.id)).toEqual(['4']);
    expect(idx.search('', { categoryIds: ['budgets', 'statistics'] })).toMatchObject({ mode: 'browse', total: 2 });
  });

  it('removing an item removes it from results at once and after a round trip', () => {
    const idx = sample();
    expect(idx.remove('2')).toBe(true);
    expect(idx.search('部门预算').hits.map((h) => h.id)).not.toContain('2');
    const again = SearchIndex.deserialize(idx.serialize());
    expect(again.size).toBe(3);
    expect(again.search('预算').hits.map((h) => h.id)).toEqual(['3']);
    expect(again.search('公开').hits.map((h) => h.id)).toContain('1');
    again.add(doc('5', { title: '2027年部门预算' }));
    expect(again.search('部门预算').hits.map((h) => h.id)).toEqual(['5']);
  });

  it('replaces an item on re-add (new version) instead of duplicating it', () => {
    const idx = sample();
    idx.add(doc('2', { title: '关于公布2026年部门决算的公告' }));
    expect(idx.size).toBe(4);
    expect(idx.search('决算').hits.map((h) => h.id)).toEqual(['2']);
    expect(idx.search('预算').hits.map((h) => h.id)).not.toContain('2');
  });

  it('serialises to JSON and answers identically after loading', () => {
    const idx = sample();
    const loaded = SearchIndex.deserialize(idx.serialize());
    for (const q of ['公开', '预算', '国办发〔2017〕47号', '统计公报']) {
      expect(loaded.search(q)).toEqual(idx.search(q));
    }
  });

  it('highlights matches in titles and snippets after escaping HTML', () => {
    const idx = new SearchIndex();
    idx.add(doc('x', { title: '<b>预算</b>公开', body: '说明 <script>alert("预算")</script> & 其他' }));
    const hit = idx.search('预算').hits[0]!;
    expect(hit.titleHtml).toBe('&lt;b&gt;<mark>预算</mark>&lt;/b&gt;公开');
    expect(hit.snippetHtml).toContain('&lt;script&gt;alert(&quot;<mark>预算</mark>&quot;)&lt;/script&gt; &amp;');
    expect(hit.snippetHtml).not.toContain('<script');
    const long = `${'甲'.repeat(300)}目标预算${'乙'.repeat(300)}`;
    const s = snippetHtml(long, ['预算'], 60);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>预算</mark>');
  });

  it('relaxes to any word when no item has all of them, and says so', () => {
    const r = sample().search('预算 火星');
    expect(r.mode).toBe('any');
    expect(r.total).toBeGreaterThan(0);
    expect(r.help?.message).toMatch(/部分检索词/);
  });

  it('helps when nothing matches: spelling, filters, related categories', () => {
    const idx = sample();
    const typo = idx.search('预箕');
    expect(typo.total).toBe(0);
    expect(typo.help?.suggestions).toEqual(expect.arrayContaining([expect.objectContaining({ query: '预算', reason: 'spelling' })]));
    const filtered = idx.search('预算', { year: 2019 });
    expect(filtered.total).toBe(0);
    expect(filtered.help?.suggestions).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'no-filters', count: 2 })]));
    expect(filtered.help?.relatedCategories.map((c) => c.categoryId)).toEqual(expect.arrayContaining(['budgets', 'statistics']));
    expect(filtered.help?.message).toMatch(/筛选条件/);
  });

  it('builds documents only from the public projection', () => {
    const p = publicProjection(aPublished('p1', aContent({ coIssuers: ['某市发展改革委'] })), at(100))!;
    const d = searchDocumentFromProjection(p, { body: '2026年部门预算收入合计100万元。' });
    expect(d).toMatchObject({ id: 'p1', issuers: ['某市财政局', '某市发展改革委'], year: 2026, documentNumber: '某财发〔2026〕3号' });
    const idx = new SearchIndex();
    idx.add(d);
    expect(idx.search('某财发〔2026〕3号').hits[0]?.id).toBe('p1');
  });
});
