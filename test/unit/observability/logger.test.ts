import { describe, expect, it } from 'vitest';
import { createLogger } from '#observability/logger';

describe('structured logs', () => {
  it('writes one JSON line with the request id and never personal identifiers', () => {
    const lines: string[] = [];
    const log = createLogger('info', { service: 'test' }, (l) => lines.push(l)).child({ requestId: 'r-1' });
    log.info('application submitted', {
      note: '申请人 11010519491231002X 电话 13812345678 邮箱 zhang.san@example.com 座机 010-65123456',
      nested: { idNumber: '110105194912310', list: ['13912345678'] },
      error: new Error('lookup failed for 11010519491231002X'),
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', message: 'application submitted', service: 'test', requestId: 'r-1' });
    expect(lines[0]).not.toMatch(/11010519491231002X|13812345678|zhang\.san|65123456|110105194912310|13912345678/);
    expect(entry.note).toContain('[redacted]');
  });

  it('drops entries below the configured level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', {}, (l) => lines.push(l));
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(['loud']);
  });
});
