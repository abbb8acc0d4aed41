// @xmldom/xmldom comes with mammoth (a direct dependency); used here only to check well-formedness.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, buildAtomFeed, buildRssFeed, buildSitemap, buildSitemapIndex, chunkSitemapEntries, sitemapEntriesFor, type FeedConfig } from '#web/feeds';
import type { IsoDate } from '#domain/calendar';
import { publicProjections } from '#domain/catalogue';
import { aContent, aDraft, aPublished, at, run } from '../domain/catalogue/builders';

const records = [
  aPublished('a', aContent({ title: '关于“A&B”<测试>的通知', summary: '概述 & <说明>' })),
  run(aPublished('r', aContent({ title: '已废止文件' })), [{ type: 'markValidity', status: 'repealed', since: '2026-03-01' as IsoDate }, at(30)]),
  run(aPublished('w', aContent({ title: '已撤回文件' })), [{ type: 'withdraw', reason: '错误' }, at(30)]),
  aDraft('d', aContent({ title: '草稿文件' })),
];
const items = publicProjections(records, at(1000));

/** Parses strictly: any warning or error (unescaped &, <, bad nesting) fails the test. */
function parseXml(xml: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: (m) => problems.push(m), error: (m) => problems.push(m), fatalError: (m) => problems.push(m) },
  }).parseFromString(xml, 'text/xml');
  expect(problems).toEqual([]);
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  return doc;
}
const texts = (doc: ReturnType<typeof parseXml>, tag: string) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.textContent);

const config: FeedConfig = {
  siteUrl: 'https://www.example.gov.cn/xxgk/',
  title: '某市财政局政府信息公开 & 最新信息',
  description: '主动公开的政府信息',
  selfPath: 'feeds/atom.xml',
  itemPath: (i) => `items/${i.id}`,
  categoryName: (id) => (id === 'budgets' ? '财政预决算' : undefined),
  author: '某市财政局',
};

describe('feeds', () => {
  it('Atom is valid XML with escaped titles, absolute URLs and +08:00 dates, only public items', () => {
    const xml = buildAtomFeed(items, config);
    const doc = parseXml(xml);
    expect(xml).toContain('<title>关于“A&amp;B”&lt;测试&gt;的通知</title>');
    expect(xml).toContain('href="https://www.example.gov.cn/xxgk/items/a"');
    expect(xml).toMatch(/<updated>2026-02-10T09:\d{2}:00\+08:00<\/updated>/);
    expect(xml).not.toContain('已撤回文件');
    expect(xml).not.toContain('草稿文件');
    expect(xml).toContain('【废止（2026-03-01）】');
    expect(doc.getElementsByTagName('entry')).toHaveLength(2);
    expect(texts(doc, 'title')[0]).toBe('某市财政局政府信息公开 & 最新信息');
  });

  it('RSS 2.0 is valid XML with RFC 822 dates in +0800', () => {
    const xml = buildRssFeed(items, { ...config, selfPath: 'feeds/rss.xml' });
    const doc = parseXml(xml);
    expect(xml).toMatch(/<pubDate>Tue, 10 Feb 2026 09:\d{2}:00 \+0800<\/pubDate>/);
    expect(doc.getElementsByTagName('item')).toHaveLength(2);
    expect(texts(doc, 'title')).toContain('关于“A&B”<测试>的通知');
  });

  it('drops characters XML forbids', () => {
    const bad = publicProjections([aPublished('x', aContent({ title: '控制\u0001字符\uFFFE' }))], at(1000));
    const xml = buildAtomFeed(bad, config);
    parseXml(xml);
    expect(xml).toContain('<title>控制字符</title>');
  });

  it('sitemap lists public items with absolute URLs and lastmod in +08:00', () => {
    const xml = buildSitemap(
      config.siteUrl,
      sitemapEntriesFor(items, (i) => `items/${i.id}`, [{ path: 'guide' }]),
    );
    parseXml(xml);
    expect(xml).toContain('<loc>https://www.example.gov.cn/xxgk/guide</loc>');
    expect(xml).toMatch(/<loc>https:\/\/www\.example\.gov\.cn\/xxgk\/items\/a<\/loc><lastmod>2026-02-10T09:\d{2}:00\+08:00<\/lastmod>/);
    expect(xml).not.toContain('items/w');
    expect(() => buildSitemap(config.siteUrl, [{ path: 'https://evil.example/x' }])).toThrow(/outside/);
    expect(
      chunkSitemapEntries(
        Array.from({ length: 5 }, (_, i) => ({ path: `p${i}` })),
        2,
      ),
    ).toHaveLength(3);
    parseXml(buildSitemapIndex(config.siteUrl, [{ path: 'sitemap-1.xml' }]));
    expect(() => absoluteUrl('javascript:alert(1)', 'x')).toThrow();
  });
});
