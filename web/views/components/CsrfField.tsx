/** Name of the form field carrying the CSRF token; the csrf middleware must read the same name. */
export const CSRF_FIELD_NAME = '_csrf';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD_NAME} value={token} />;
}
