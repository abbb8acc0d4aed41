import { describe, expect, it } from 'vitest';
import { categoriesSchema, searchResultSchema, toCategoriesDto, toSearchResultDto } from '#application/search/search-dto';
import type { SearchResponse } from '#domain/search';

const result: SearchResponse = {
  query: '绿化',
  mode: 'all',
  total: 1,
  hits: [
    {
      id: 'item-1',
      indexNumber: '000014349/2026-00001',
      title: '城市绿化规划',
      issuers: ['市园林局'],
      categoryId: 'plans',
      year: 2026,
      validity: 'valid',
      publishedAt: '2026-03-01',
      score: 1.5,
      titleHtml: '城市<mark>绿化</mark>规划',
      snippetHtml: '…<mark>绿化</mark>…',
    },
  ],
  highlightTerms: ['绿化'],
} as SearchResponse;

describe('the catalogue API’s search and categories', () => {
  it('says the hits as the search found them', () => {
    const dto = toSearchResultDto(result);
    expect(dto).toEqual(result);
    expect(searchResultSchema.parse(dto)).toEqual(dto);
  });

  it('passes on only what it lists', () => {
    const grown = { ...result, indexSnapshot: 'search/v42', hits: [{ ...result.hits[0]!, bodyText: '全文' }] } as unknown as SearchResponse;
    const text = JSON.stringify(toSearchResultDto(grown));
    expect(text).not.toContain('search/v42');
    expect(text).not.toContain('全文');
  });

  it('lists the categories depth first by id, name, parent and depth', () => {
    const dto = toCategoriesDto([{ id: 'plans', name: '规划计划', parentId: null, depth: 0, children: [] } as never]);
    expect(dto).toEqual({ categories: [{ id: 'plans', name: '规划计划', parentId: null, depth: 0 }] });
    expect(categoriesSchema.parse(dto)).toEqual(dto);
  });
});
