import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { AppDependencies } from '#application/context';
import { submitOnline, type SubmitResult } from '#application/requests';
import { ValidationError } from '#domain/errors';
import { CHANNEL_LABELS } from '#domain/requests';
import type { WebEnv } from '../../env';
import { filesOf, flatValues, nestedFrom, readForm } from '../../form-body';
import { shanghaiDateTime } from '../../page-context';
import { ApplyPage, ReceiptPage, type ApplyPageProps } from './pages';

export const REGISTER_CHANNEL_LABELS = Object.fromEntries(Object.entries(CHANNEL_LABELS).filter(([k]) => k !== 'online'));

/** The application form, for the public or (staffMode) for staff registering one. */
export function applyPage(extra: { values?: Record<string, string>; errors?: Record<string, string>; nonce?: string } = {}, staffMode?: ApplyPageProps['staffMode']) {
  // The one-time form nonce: with the form's content it makes a double submit create one application.
  return <ApplyPage {...extra} nonce={extra.nonce || randomBytes(16).toString('base64url')} staffMode={staffMode} />;
}

export function receiptPage(deps: AppDependencies, result: SubmitResult, values: Record<string, string>, staffMode = false) {
  return <ReceiptPage result={result} staffMode={staffMode} submittedAt={shanghaiDateTime(deps.clock.now().toISOString())} emailSent={Boolean(values['contact.email'])} />;
}

/** The public application form (依申请公开) and its printable receipt. */
export function applyRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.get('/apply', (c) => c.render(applyPage()));

  app.post('/apply', async (c) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    const nonce = typeof values['nonce'] === 'string' ? values['nonce'] : '';
    try {
      const result = await submitOnline(deps, { form: nestedFrom(body), nonce, attachments: await filesOf(body, 'attachments'), client: c.get('clientAddress') });
      return c.render(receiptPage(deps, result, values));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return c.render(applyPage({ values, errors: Object.keys(error.fields).length > 0 ? error.fields : { _: error.message }, nonce }), 400);
    }
  });

  return app;
}
