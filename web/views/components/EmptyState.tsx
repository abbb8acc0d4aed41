import type { Child } from 'hono/jsx';

/** What a list shows when it has nothing: a title and, optionally, what to do next. */
export function EmptyState({ title, children }: { title?: Child; children?: Child }) {
  return (
    <div class="empty-state">
      {title ? <p class="empty-state__title">{title}</p> : null}
      {children}
    </div>
  );
}
