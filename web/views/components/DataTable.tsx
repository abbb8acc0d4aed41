import type { Child } from 'hono/jsx';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => Child;
  /** Right-align (sizes, counts). */
  numeric?: boolean;
  /** Render this column's cells as <th scope="row"> (usually the title column). */
  rowHeader?: boolean;
  /** Extra class on th/td, e.g. "data-table__nowrap". */
  class?: string;
}

export interface DataTableProps<Row> {
  /** Required: every table has a caption (it can be visually hidden). */
  caption: string;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  /** Shown instead of the table when rows is empty. */
  empty?: Child;
  /** Unique id prefix, needed when a page has several tables. */
  id?: string;
  /**
   * On narrow screens (≤ 640px) show each row as a stacked card with "header: value" lines (default true).
   * Explicit ARIA table roles keep the table semantics when CSS changes the display type.
   * Set false for small tables that fit a phone, which then scroll inside their region if needed.
   */
  stack?: boolean;
}

/**
 * A semantic data table (<caption>, <th scope="col">, optional row headers) inside a keyboard-focusable
 * region, so that a wide table never widens the page.
 */
export function DataTable<Row>({ caption, captionHidden, columns, rows, empty, id = 'table', stack = true }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return <div class="empty-state">{empty}</div>;
  }
  const captionId = `${id}-caption`;
  const r = (role: string) => (stack ? role : undefined);
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex={0}>
      <table class={stack ? 'data-table data-table--stack' : 'data-table'} role={r('table')}>
        <caption id={captionId} class={captionHidden ? 'visually-hidden' : 'data-table__caption'}>
          {caption}
        </caption>
        <thead role={r('rowgroup')}>
          <tr role={r('row')}>
            {columns.map((c) => (
              <th scope="col" class={cellClass(c)} role={r('columnheader')}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role={r('rowgroup')}>
          {rows.map((row) => (
            <tr role={r('row')}>
              {columns.map((c) => {
                const Cell = c.rowHeader ? 'th' : 'td';
                return (
                  <Cell scope={c.rowHeader ? 'row' : undefined} class={cellClass(c)} role={r(c.rowHeader ? 'rowheader' : 'cell')} data-label={stack ? c.header : undefined}>
                    {stack ? <span class="data-table__value">{c.cell(row)}</span> : c.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(c: { numeric?: boolean; class?: string }): string | undefined {
  return [c.numeric ? 'data-table__num' : '', c.class ?? ''].filter(Boolean).join(' ') || undefined;
}
