import { useContext } from 'hono/jsx';
import { PageInfoContext } from '../page-info';
/** Name of the form field carrying the CSRF token; the csrf middleware must read the same name. */
export const CSRF_FIELD_NAME = '_csrf';

/** The hidden CSRF field of a form; the token is the page's (page info context) unless one is given. */
export function CsrfField({ token }: { token?: string }) {
  const own = useContext(PageInfoContext)?.csrfToken;
  return <input type="hidden" name={CSRF_FIELD_NAME} value={token ?? own ?? ''} />;
}
