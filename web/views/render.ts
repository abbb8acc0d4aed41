import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * How pages become HTML.
 *
 * Every page component renders <Layout>, and Layout itself emits `<!DOCTYPE html>` before `<html>`.
 * So both of these produce a complete document:
 *
 *   return c.html(<HomePage {...props} />);          // in a Hono route (.tsx)
 *   const body = renderPage(<HomePage {...props} />); // a plain string, e.g. for tests or previews
 *
 * renderPage() only accepts synchronous output (all view components are synchronous) and checks the
 * doctype is present, so an accidental async component or a fragment that is not a page fails loudly.
 */
export const DOCTYPE = '<!DOCTYPE html>';

export function renderPage(node: JSX.Element): string {
  const html = renderFragment(node);
  if (!html.startsWith(DOCTYPE)) {
    throw new Error('renderPage() expects a page component wrapped in <Layout> (it emits the doctype)');
  }
  return html;
}

/** Renders a component (not necessarily a whole page) to a string; for tests and partials. */
export function renderFragment(node: JSX.Element): string {
  if (node instanceof Promise) {
    throw new Error('View components must be synchronous; got a Promise');
  }
  return String(node);
}
