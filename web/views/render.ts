import { jsx } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { PageInfoContext, type PageInfo } from './page-info';

/**
 * How pages become HTML (web/views/README.md): Layout emits the doctype, so a page is a whole document.
 * renderPage() accepts only synchronous output and checks the doctype, so an accidental async
 * component or a fragment that is not a page fails loudly.
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
