import { describe, expect, it } from 'vitest';
import { describeAccept, describeContentType, formatBytes, formatDateTime, formatDateZh, formatDueAtZh, formatYuan, inclusiveDays, weekdayName } from '#web/views/format';

describe('format helpers', () => {
  it.each([
    [0, '0 字节'],
    [1536, '1.5 KB'],
    [248_113, '242 KB'],
    [20 * 1024 * 1024, '20 MB'],
  ])('formatBytes(%i) = %s', (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });

  it('formats dates without depending on the server time zone', () => {
    expect(formatDateZh('2026-03-16')).toBe('2026年3月16日');
    expect(weekdayName('2026-01-04')).toBe('星期日');
    expect(formatDateTime('2026-03-10T14:22:00+08:00')).toBe('2026-03-10 14:22');
    expect(inclusiveDays('2026-02-15', '2026-02-23')).toBe(9);
  });

  it('shows a due instant as the Beijing date and time, whatever the server zone', () => {
    expect(formatDueAtZh('2026-12-05T09:00:00.000Z')).toBe('2026年12月5日 17:00前');
    // 23:30 UTC is already the next day in Beijing.
    expect(formatDueAtZh('2026-03-07T23:30:00.000Z')).toBe('2026年3月8日 07:30前');
    expect(formatDueAtZh('2026-03-08T07:30:00+08:00')).toBe('2026年3月8日 07:30前');
    expect(formatDueAtZh('2026-03-08')).toBe('2026-03-08');
  });

  it('describes accepted file types and yuan amounts in Chinese', () => {
    expect(describeAccept('.pdf, application/pdf,.docx,.ofd')).toBe('PDF、Word（.docx）、OFD');
    // Keys from a page or a stored record never resolve to a prototype member.
    expect(describeAccept('constructor,__proto__')).toBe('constructor、__proto__');
    expect(describeContentType('constructor')).toBe('constructor');
    expect(formatYuan(1234.5)).toBe('¥1,234.50');
  });
});
