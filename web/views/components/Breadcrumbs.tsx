import type { BreadcrumbItem } from '../types';

export interface BreadcrumbsProps {
  items: BreadcrumbItem[];
}

/** 当前位置：首页 › 主动公开 › … The last item (or any item without href) is the current page. */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <span class="breadcrumbs__lead" aria-hidden="true">
        当前位置：
      </span>
      <ol class="breadcrumbs__list">
        {items.map((item, i) => {
          const current = i === items.length - 1;
          return <li class="breadcrumbs__item">{item.href && !current ? <a href={item.href}>{item.label}</a> : <span aria-current={current ? 'page' : undefined}>{item.label}</span>}</li>;
        })}
      </ol>
    </nav>
  );
}
