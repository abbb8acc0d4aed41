import { jsx } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { PageInfoContext, type PageInfo } from './page-info';

/**
 * How pages become HTML.
 *
 * Every page component renders <Layout>, and Layout itself emits `<!DOCTYPE html>` before `<html>`.
 * Layout takes the site, the signed-in staff member and the CSRF token from the page info context
 * (./page-info.ts), so both of these produce a complete document:
 *
 *   return c.render(<HomePage {...props} />);               // in a Hono route (.tsx): the app's renderer provides it
 *   const body = renderPage(<HomePage {...props} />, info); // a plain string, e.g. for tests or previews
 *
 * renderPage() only accepts synchronous output (all view components are synchronous) and checks the
 * doctype is present, so an accidental async component or a fragment that is not a page fails loudly.
 */
export const DOCTYPE = '<!DOCTYPE html>';

export function renderPage(node: JSX.Element, info?: PageInfo): string {
  const html = renderFragment(info ? withPageInfo(node, info) : node);
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

/** The node inside the page info context. */
export const withPageInfo = (node: JSX.Element, info: PageInfo): JSX.Element => jsx(PageInfoContext.Provider, { value: info }, node) as unknown as JSX.Element;
