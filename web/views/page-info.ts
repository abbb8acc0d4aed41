import { createContext, useContext } from 'hono/jsx';
import type { SiteInfo, StaffInfo } from './types';

/** What every page's layout and forms need, whatever the page: site, the signed-in staff member, CSRF token, local banner. */
export interface PageInfo {
  site: SiteInfo;
  staff?: StaffInfo;
  csrfToken: string;
  localMode: boolean;
}

/**
 * Given to every page by the renderer (web/app.ts: `c.render(<Page/>)`), so a page takes only its
 * own props and never threads site, staff or token through. Outside a request (tests, previews)
 * `renderPage(node, info)` provides it.
 */
export const PageInfoContext = createContext<PageInfo | undefined>(undefined);

export function usePageInfo(): PageInfo {
  const info = useContext(PageInfoContext);
  if (!info) throw new Error('usePageInfo() outside a page render: use c.render(...) or renderPage(node, info)');
  return info;
}
