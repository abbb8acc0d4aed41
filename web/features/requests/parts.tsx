import type { Child } from 'hono/jsx';
import { PROVISIONAL_EXPLANATION } from '../../views/components/DeadlineChip';
import { StatusBadge, type BadgeTone } from '../../views/components/StatusBadge';

/** The parts the staff case page, the applicant's tracking page and the receipt share. */

export function CaseTitle({ trackingNumber, label, tone }: { trackingNumber: string; label: string; tone: BadgeTone }) {
  return (
    <h1 class="page-title">
      申请 {trackingNumber} <StatusBadge label={label} tone={tone} />
    </h1>
  );
}

/** A due date, marked 暂定 while the receipt date is not confirmed. */
export function DueDate({ due, provisional, id, children }: { due: string; provisional: boolean; id?: string; children?: Child }) {
  return (
    <span id={id}>
      {due}
      {provisional ? (
        <span class="deadline__provisional">
          暂定<span class="visually-hidden">：{PROVISIONAL_EXPLANATION}</span>
        </span>
      ) : null}
      {children}
    </span>
  );
}

/** 为什么是这个日期？: the deadline's explanation, line by line. */
export function WhyDate({ lines, provisional = false }: { lines: readonly string[]; provisional?: boolean }) {
  if (lines.length === 0) return null;
  return (
    <details class="why-date">
      <summary>为什么是这个日期？</summary>
      <ul>
        {lines.map((l) => (
          <li>{l}</li>
        ))}
      </ul>
      {provisional ? <p class="small">{PROVISIONAL_EXPLANATION}。</p> : null}
    </details>
  );
}

/** 办理过程 as the applicant sees it: the steps of the case in order, by date. */
export function Timeline({ items }: { items: readonly { at: string; label: string; note?: string }[] }) {
  return (
    <section class="section" aria-labelledby="timeline-title">
      <h2 class="section__title" id="timeline-title">
        办理过程
      </h2>
      <ol class="timeline">
        {items.map((t) => (
          <li class="timeline__item">
            <time class="timeline__date" datetime={t.at}>
              {t.at}
            </time>{' '}
            <span class="timeline__label">{t.label}</span>
            {t.note ? <span class="timeline__note">{t.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Links to files with their size and an optional note (下载链接5分钟内有效). */
export function FileLinks({ files, note, class: cls }: { files: readonly { href: string; fileName: string; size: string }[]; note?: string; class?: string }) {
  return (
    <ul class={cls}>
      {files.map((f) => (
        <li>
          <a class="doc-link" href={f.href}>
            {f.fileName}
          </a>{' '}
          <span class="muted small">{note ? `（${f.size}；${note}）` : f.size}</span>
        </li>
      ))}
    </ul>
  );
}
