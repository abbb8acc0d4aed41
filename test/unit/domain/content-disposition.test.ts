import { describe, expect, it } from 'vitest';
import { contentDisposition } from '#domain/content-disposition';

describe('contentDisposition (RFC 6266 / 5987)', () => {
  it('encodes the UTF-8 name with every character outside attr-char, including those encodeURIComponent leaves', () => {
    const header = contentDisposition("附表(删除处理)'s*.pdf");
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('附表')}%28${encodeURIComponent('删除处理')}%29%27s%2A.pdf`);
  });

  it('gives ASCII clients one replacement per run of other characters, and no quote or backslash', () => {
    expect(contentDisposition('YSQ-2026-000001-答复告知书.docx', 'attachment', 'answer')).toMatch(/^attachment; filename="YSQ-2026-000001-answer\.docx";/);
    expect(contentDisposition('答复书.pdf', 'inline')).toMatch(/^inline; filename="_\.pdf";/);
    expect(contentDisposition('a"b\\c.txt')).toContain('filename="a_b_c.txt"');
  });
});
