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
        <li>
          {prevHref ? (
            <a class="pagination__link" href={prevHref} rel="prev">
              ‹ 上一页
            </a>
          ) : (
            <span class="pagination__link pagination__link--disabled">‹ 上一页</span>
          )}
        </li>
        <li>
          {nextHref ? (
            <a class="pagination__link" href={nextHref} rel="next">
              下一页 ›
            </a>
          ) : (
            <span class="pagination__link pagination__link--disabled">下一页 ›</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
