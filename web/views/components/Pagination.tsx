export interface PaginationProps {
  /** Cursor URLs; omit when there is no previous/next page. */
  prevHref?: string;
  nextHref?: string;
  label?: string;
}

/** Cursor-based paging: 上一页 / 下一页 only (no page numbers, no totals). */
export function Pagination({ prevHref, nextHref, label = '分页' }: PaginationProps) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav class="pagination" aria-label={label}>
      <ul class="pagination__list">
        {[
          { href: prevHref, rel: 'prev', text: '‹ 上一页' },
          { href: nextHref, rel: 'next', text: '下一页 ›' },
        ].map((l) => (
          <li>
            {l.href ? (
              <a class="pagination__link" href={l.href} rel={l.rel}>
                {l.text}
              </a>
            ) : (
              <span class="pagination__link pagination__link--disabled">{l.text}</span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
