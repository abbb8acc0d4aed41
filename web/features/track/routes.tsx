import { Hono, type Context } from 'hono';
import { ownValue } from '#domain/untrusted-input';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDependencies } from '#application/context';
import {
  applicantView,
  issueTrackingToken,
  loadRequest,
  releasedFileLink,
  replyToSupplement,
  trackApplication,
  TRACKING_SESSION_SECONDS,
  verifyTrackingToken,
  withdrawByApplicant,
} from '#application/requests';
import { NotFoundError, RateLimitedError, ValidationError } from '#domain/errors';
import type { WebEnv } from '../../env';
import { filesOf, flatValues, readForm, textOf } from '../../form-body';
import { versionOf } from '../../form-step';
import { showCorrectionStatus } from '../corrections/routes';
import { isCorrectionTrackingNumber } from '#domain/corrections/tracking';
import { TrackLookupPage, TrackPage } from './pages';

export const TRACK_COOKIE = '__Host-track';

const FLASH: Record<string, string> = {
  supplemented: '补正材料已提交，工作人员将尽快处理。',
  withdrawn: '您的申请已撤回。',
};

/** The applicant's tracking pages: lookup by tracking number + access code, then a short signed session. */
export function trackRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.get('/track', (c) => {
    const expired = c.req.query('expired') ? ({ kind: 'info', text: '为保护您的信息，查询页面已超时，请重新输入查询码。' } as const) : undefined;
    return c.render(<TrackLookupPage values={{ trackingNumber: c.req.query('tn') }} message={expired} />);
  });

  app.post('/track', async (c) => {
    const values = flatValues(await readForm(c));
    const trackingNumber = values['trackingNumber'] ?? '';
    // One tracking form for every case a citizen can follow: correction requests (GZ-…) too.
    if (isCorrectionTrackingNumber(trackingNumber.trim().toUpperCase())) return showCorrectionStatus(c, deps, values);
    try {
      const record = await trackApplication(deps, { trackingNumber, accessCode: values['accessCode'] ?? '' }, { ip: c.get('clientAddress') });
      const tn = record.data.case.trackingNumber;
      setCookie(c, TRACK_COOKIE, issueTrackingToken(deps, tn), { path: '/', httpOnly: true, secure: true, sameSite: 'Strict', maxAge: TRACKING_SESSION_SECONDS });
      return c.redirect(`/track/${tn}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof NotFoundError || error instanceof RateLimitedError)) throw error;
      if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
      // The form again with the tracking number (never the code), and the field errors or why.
      const shown = error instanceof ValidationError ? { errors: error.fields } : { message: { kind: 'error', text: error.message } as const };
      return c.render(<TrackLookupPage values={{ trackingNumber }} {...shown} />, error.status);
    }
  });

  /** A page of the session's case: the handler gets its tracking number, or the lookup form is shown again. */
  const inSession = (method: 'get' | 'post', path: string, handler: (c: Context<WebEnv>, tn: string) => Promise<Response>) =>
    app[method](path, async (c) => {
      const tn = (c.req.param('tn') ?? '').toUpperCase();
      if (!verifyTrackingToken(deps, getCookie(c, TRACK_COOKIE), tn)) return c.redirect(`/track?expired=1&tn=${encodeURIComponent(c.req.param('tn') ?? '')}`, 303);
      return handler(c, tn);
    });

  const page = async (c: Context<WebEnv>, tn: string, extra: { errors?: Record<string, string>; values?: Record<string, string> } = {}) => (
    <TrackPage view={await applicantView(deps, await loadRequest(deps, tn))} flash={ownValue(FLASH, c.req.query('done'))} {...extra} />
  );

  inSession('get', '/track/:tn', async (c, tn) => c.render(await page(c, tn)));

  inSession('post', '/track/:tn/supplement', async (c, tn) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    try {
      await replyToSupplement(deps, tn, { text: values['text'] ?? '', attachments: await filesOf(body, 'attachments') });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return c.render(await page(c, tn, { errors: error.fields, values }), 400);
    }
    return c.redirect(`/track/${tn}?done=supplemented`, 303);
  });

  inSession('post', '/track/:tn/withdraw', async (c, tn) => {
    const body = await readForm(c);
    const version = versionOf(body);
    await withdrawByApplicant(deps, tn, { ...(version ? { expectedVersion: version } : {}), reason: textOf(body, 'reason') });
    return c.redirect(`/track/${tn}?done=withdrawn`, 303);
  });

  inSession('get', '/track/:tn/files/:index', async (c, tn) => {
    const index = Number(c.req.param('index'));
    if (!Number.isInteger(index) || index < 0) throw new NotFoundError('文件不存在。');
    return c.redirect(await releasedFileLink(deps, tn, index), 303);
  });

  app.post('/track/logout', (c) => {
    deleteCookie(c, TRACK_COOKIE, { path: '/', secure: true });
    return c.redirect('/track', 303);
  });

  return app;
}
