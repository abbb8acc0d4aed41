/** Plain-Chinese "why this date" for a case's deadlines (UI text). */
import { formatDateZh } from '../calendar/iso-date';
import { dateWithWeekdayZh, renderProvisionalNote, renderSpanDetails } from '../calendar/render';
import { GI_OFFICE_HEAD_ROLE } from './config';
import type { AppliedPause, CaseDeadlines } from './derive';

const PAUSE_ZH: Record<AppliedPause['reason'], string> = {
  'third-party-consultation': '征求第三方意见（《条例》第三十二条）',
  'other-agency-consultation': '征求其他机关意见（《条例》第三十四条）',
  'fee-notice': '收费通知至缴费（国办函〔2020〕109号）',
};

const END_ZH: Record<AppliedPause['endedBy'], string> = {
  answered: '收到答复',
  'limit-reached': '期限届满',
  paid: '申请人缴费',
  withdrawn: '收费通知撤回或减免',
  open: '尚未结束',
};

function pauseLine(p: AppliedPause): string {
  const who = p.consultee ? `（${p.consultee}）` : '';
  const secrecy = p.secrecyReferral ? '，系保密审查转请' : '';
  if (!p.stopsClock) return `${PAUSE_ZH[p.reason]}：${formatDateZh(p.startedOn)}起，按配置不暂停计时。`;
  const end = p.endedBy === 'open' ? `${p.reason === 'fee-notice' ? '尚未缴费' : '尚未收到答复'}，暂按最迟至${formatDateZh(p.endsOn)}计算` : `${formatDateZh(p.endsOn)}${END_ZH[p.endedBy]}`;
  return `${PAUSE_ZH[p.reason]}${who}${secrecy}：${formatDateZh(p.startedOn)}发出，${end}，${
    p.pausedWorkingDays > 0 ? `${p.pausedWorkingDays}个工作日不计入答复期限` : '发生在期限届满之后，不影响期限'
  }。`;
}

/** One sentence per line, suitable for a list in the case page. */
export function renderCaseDeadlineExplanation(d: CaseDeadlines): string[] {
  const lines: string[] = [];
  lines.push(
    `补正通知期限：收到申请后7个工作日内，即${dateWithWeekdayZh(d.supplementNotice.due)}前${d.supplementNotice.sentOn ? `（已于${formatDateZh(d.supplementNotice.sentOn)}发出${d.supplementNotice.late ? '，已超期' : ''}）` : ''}。`,
  );
  if (d.status === 'awaiting-supplement' && d.supplement) {
    lines.push(
      `已于${formatDateZh(d.supplement.requestedOn)}通知申请人补正，答复期限自收到补正材料的次日起重新计算（《条例》第三十条）${
        d.supplement.applicantDue ? `；申请人应于${formatDateZh(d.supplement.applicantDue)}前补正` : ''
      }。`,
    );
    if (d.provisional) lines.push(renderProvisionalNote([]));
    return lines;
  }
  const e = d.explanation;
  if (!e || !d.answer) return lines;
  const startLabel = e.clockStart.cause === 'received' ? '收到申请' : '收到补正材料';
  lines.push(
    `答复期限自${dateWithWeekdayZh(e.clockStart.date).replace('）', `，${startLabel}之日）`)}的次日起计算，共${e.workingDaysCounted}个工作日（${startLabel}当日不计入；法定${d.answer.baseWorkingDays}个工作日${
      d.extension ? `，延长${d.extension.workingDays}个工作日` : ''
    }）。`,
  );
  const details = renderSpanDetails(e.span);
  if (details.length > 0) lines.push(`期间${details.join('；')}。`);
  for (const p of e.pauses) lines.push(pauseLine(p));
  if (d.extension) {
    lines.push(
      `经${d.extension.approvedBy}（${d.extension.approverRole === GI_OFFICE_HEAD_ROLE ? '政府信息公开工作机构负责人' : d.extension.approverRole}）于${formatDateZh(d.extension.approvedOn)}批准延长${d.extension.workingDays}个工作日，期限由${formatDateZh(d.extension.dueBefore)}延至${formatDateZh(d.extension.dueAfter)}（《条例》第三十三条）。`,
    );
  }
  if (d.answer.delayedTo) lines.push(`依《条例》第三十五条确定延迟答复期限至${formatDateZh(d.answer.delayedTo)}。`);
  lines.push(`答复截止日期：${dateWithWeekdayZh(d.answer.due)}${d.provisional ? '（暂定）' : ''}。`);
  if (d.provisional) lines.push(renderProvisionalNote(e.span.pendingNoticeYears));
  return lines;
}
