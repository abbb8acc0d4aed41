import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateZh, fromDayNumber, isIsoDate, toDayNumber, weekdayNameZh, type IsoDate } from '#domain/calendar';

describe('day numbers', () => {
  it('agree with Date.UTC and round-trip, for 1900..2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 83603 }), (n) => {
        const iso = fromDayNumber(n);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(n);
        expect(toDayNumber(iso)).toBe(n);
        expect(isIsoDate(iso)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects non-dates', () => {
    for (const bad of ['2025-2-01', '2025-02-29', '2024-13-01', '2024-00-10', 'abcd-ef-gh', '2024-02-30', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(() => toDayNumber(bad)).toThrow();
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('formats in Chinese', () => {
    expect(formatDateZh('2026-02-10' as IsoDate)).toBe('2026年2月10日');
    expect(weekdayNameZh('2026-02-10' as IsoDate)).toBe('星期二');
  });
});

describe('purity of the domain folders (style.md point 3)', () => {
  it('imports nothing but relative domain modules and zod, and never reads the clock or env', () => {
    const root = join(__dirname, '../../../../functions/domain');
    for (const dir of ['calendar', 'deadlines']) {
      for (const f of readdirSync(join(root, dir))) {
        const src = readFileSync(join(root, dir, f), 'utf8');
        for (const m of src.matchAll(/from '([^']+)'/g)) {
          expect(m[1]!.startsWith('.') || m[1] === 'zod', `${dir}/${f}: ${m[1]}`).toBe(true);
        }
        expect(src, `${dir}/${f}`).not.toMatch(/Date\.now\(|process\.env|new Date\(\)|getHours|getDate\(\)|getDay\(\)/);
      }
    }
  });
});
