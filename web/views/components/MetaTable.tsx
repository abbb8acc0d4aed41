import type { Child } from 'hono/jsx';

export interface MetaRow {
  label: string;
  value: Child;
  /** Takes a whole row in the paired layout (标题, 内容概述). */
  wide?: boolean;
}

export interface MetaTableProps {
  caption?: string;
  captionHidden?: boolean;
  rows: MetaRow[];
  /**
   * "pairs" (default): two label/value pairs per row, like the 索引号/主题分类/发文机关… block on gov.cn
   * policy pages; each value cell names its label with headers="…". "single": one pair per row.
   */
  layout?: 'pairs' | 'single';
  id?: string;
}

/** Metadata block of a disclosed item (索引号、主题分类、发文机关、成文日期、标题、发文字号、发布日期…). */
export function MetaTable({ caption = '信息基本情况', captionHidden = true, rows, layout = 'pairs', id = 'meta' }: MetaTableProps) {
  const lines: { row: MetaRow; index: number }[][] = [];
  rows.forEach((row, index) => {
    const last = lines[lines.length - 1];
    if (layout === 'single' || row.wide || !last || last.length >= 2 || last[0]?.row.wide) lines.push([{ row, index }]);
    else last.push({ row, index });
  });
  return (
    <table class={`meta-table meta-table--${layout}`}>
      <caption class={captionHidden ? 'visually-hidden' : 'meta-table__caption'}>{caption}</caption>
      <tbody>
        {lines.map((line) => (
          <tr>
            {line.map(({ row, index }) => {
              const thId = `${id}-k${index}`;
              const span = layout === 'pairs' && line.length === 1 ? 3 : undefined;
              return (
                <>
                  <th scope="row" id={thId} class="meta-table__label">
                    {row.label}
                  </th>
                  <td headers={layout === 'pairs' ? thId : undefined} colspan={span} class="meta-table__value">
                    {row.value}
                  </td>
                </>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
