import { describe, expect, it } from 'vitest';
import { CorrectionStatusPanel } from '#web/features/corrections/pages';
import { renderFragment } from '#web/views/render';

describe('components other pages render', () => {
  it('CorrectionStatusPanel shows a correction request on the tracking page, with the answer once released', () => {
    const html = renderFragment(
      CorrectionStatusPanel({
        view: {
          kind: 'correction',
          trackingNumber: 'GZ-2026-000001',
          status: 'answered',
          statusLabel: '已答复',
          submittedOn: '2026-03-02' as never,
          receivedOn: '2026-03-02' as never,
          due: '2026-03-30' as never,
          dueProvisional: false,
          record: '低保公示',
          outcomeLabel: '予以更正',
          timeline: [{ at: '2026-03-02T02:00:00.000Z', label: '网上提交更正申请' }],
          answerText: '更正申请答复告知书\n……',
          answeredOn: '2026-03-05' as never,
          canWithdraw: false,
        },
      }),
    );
    expect(html).toContain('GZ-2026-000001');
    expect(html).toContain('2026-03-02 10:00');
    expect(html).toContain('id="correction-answer"');
    expect(html).toContain('予以更正');
    expect(html).not.toContain('action="/corrections/withdraw"');
  });
});
