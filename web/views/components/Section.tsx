import type { Child } from 'hono/jsx';

export interface SectionProps {
  /** Prefix of the heading's id (`<name>-title`), which labels the section. */
  name: string;
  title: Child;
  /** Default "section". */
  class?: string;
  /** An id of the section itself, for links to it (e.g. "#calculator"). */
  anchor?: string;
  children?: Child;
}

/** A titled part of a page: `<section aria-labelledby>` with its `<h2 class="section__title">`. */
export function Section({ name, title, class: cls = 'section', anchor, children }: SectionProps) {
  return (
    <section class={cls} id={anchor} aria-labelledby={`${name}-title`}>
      <h2 class="section__title" id={`${name}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
