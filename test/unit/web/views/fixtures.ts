import type { SiteInfo, StaffInfo } from '#web/views/types';

export const site: SiteInfo = {
  agencyName: '某某市人民政府办公室',
  footer: { sponsor: '某某市人民政府办公室', address: '人民路 1 号', phone: '0000-12345678', siteCode: '0000000000', icp: '某ICP备00000000号' },
};

export const staff: StaffInfo = { displayName: '张明', roleLabels: ['登记员', '承办人'] };

/** Attributes/elements the CSP (style-src 'self', no inline script) would block. */
export function inlineStyleOrScript(html: string): string[] {
  const found = new Set<string>();
  // Only look inside tags: escaped text such as "&lt;img onerror=…&gt;" is harmless.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    if (/^<style[\s>]/i.test(tag)) found.add('<style>');
    if (/^<script[\s>]/i.test(tag)) found.add('<script>');
    if (/\sstyle\s*=/i.test(tag)) found.add('style attribute');
    if (/\son[a-z]+\s*=/i.test(tag)) found.add('inline event handler');
    if (/=\s*"\s*javascript:/i.test(tag)) found.add('javascript: URL');
  }
  return [...found];
}

/** The opening tag of the element with the given id. */
export function tagWithId(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`, 'i').exec(html);
  if (!m) throw new Error(`no element with id="${id}"`);
  return m[0];
}
