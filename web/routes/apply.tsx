import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppDependencies } from '#application/context';
import { filesOf, flatValues, nestedFrom, readForm } from '../form-body';
import { MAX_ATTACHMENT_BYTES, submitOnline, type SubmitResult } from '#application/requests';
import { ValidationError } from '#domain/errors';
import { APPLICANT_KIND_LABELS, CHANNEL_LABELS, DELIVERY_METHOD_LABELS, formatAccessCode, ID_DOCUMENT_LABELS, ORGANISATION_KIND_LABELS, PROVISION_FORM_LABELS } from '#domain/requests';
import type { WebEnv } from '../env';
import { shanghaiDateTime } from '../page-context';
import { ApplyPage, type ApplyFormLabels } from '../views/pages/apply/ApplyPage';
import { ReceiptPage } from '../views/pages/apply/ReceiptPage';
import type { StaffInfo } from '../views/types';

export const APPLY_LABELS: ApplyFormLabels = {
  applicantKinds: APPLICANT_KIND_LABELS,
  organisationKinds: ORGANISATION_KIND_LABELS,
  idTypes: ID_DOCUMENT_LABELS,
  provisionForms: PROVISION_FORM_LABELS,
  deliveryMethods: DELIVERY_METHOD_LABELS,
};
export const REGISTER_CHANNEL_LABELS = Object.fromEntries(Object.entries(CHANNEL_LABELS).filter(([k]) => k !== 'online'));

/** The one-time form nonce: with the form's content it makes a double submit create one application. */
export const newNonce = () => randomBytes(16).toString('base64url');

export function receiptProps(result: SubmitResult, now: Date, emailSent: boolean) {
  return {
    trackingNumber: result.trackingNumber,
    accessCode: formatAccessCode(result.accessCode),
    submittedAt: shanghaiDateTime(now.toISOString()),
    ...(result.receivedOn ? { receivedOn: result.receivedOn } : {}),
    receiptRule: result.receiptRule,
    ...(result.answerDue ? { answerDue: result.answerDue } : {}),
    provisional: result.provisional,
    emailSent,
    duplicates: result.duplicates.length,
  };
}

/** The public application form (依申请公开) and its printable receipt. */
export function applyRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.use('/apply', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const formPage = (c: Context<WebEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; nonce?: string; staff?: StaffInfo } = {}) => {
    return (
      <ApplyPage
        nonce={extra.nonce ?? newNonce()}
        labels={APPLY_LABELS}
        maxAttachmentMb={MAX_ATTACHMENT_BYTES / 1024 / 1024}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />
    );
  };

  app.get('/apply', (c) => c.render(formPage(c)));

  app.post('/apply', async (c) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    const nonce = typeof values['nonce'] === 'string' ? values['nonce'] : '';
    try {
      const result = await submitOnline(deps, { form: nestedFrom(body), nonce, attachments: await filesOf(body, 'attachments'), client: c.get('clientAddress') });
      return c.render(<ReceiptPage {...receiptProps(result, deps.clock.now(), Boolean(values['contact.email']))} />);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      c.status(400);
      return c.render(formPage(c, { values, errors: Object.keys(error.fields).length > 0 ? error.fields : { _: error.message }, ...(nonce ? { nonce } : {}) }));
    }
  });

  return app;
}
