import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppDependencies } from '../../functions/application/context';
import { filesOf, flatValues, type FormBody } from '../form-body';
import { MAX_ATTACHMENT_BYTES, submitOnline, type SubmitResult } from '../../functions/application/requests';
import { ValidationError } from '../../functions/domain/errors';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  DELIVERY_METHOD_LABELS,
  formatAccessCode,
  ID_DOCUMENT_LABELS,
  ORGANISATION_KIND_LABELS,
  PROVISION_FORM_LABELS,
} from '../../functions/domain/requests';
import type { WebEnv } from '../env';
import { pageContext, shanghaiDateTime } from '../page-context';
import { CSRF_FIELD_NAME } from '../views/components/CsrfField';
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


/** Text values of a posted form (first value per name), for re-showing what was typed. */

/**
 * Nested input from dotted field names (`contact.phone`, `withheldParts.0.part`); empty values are
 * dropped so optional fields stay absent. Names listed in `arrays` keep every posted value.
 */
export function nestedFrom(body: FormBody, arrays: readonly string[] = [], except: readonly string[] = [CSRF_FIELD_NAME, 'nonce', 'version']): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (except.includes(name)) continue;
    const all = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string').map((s) => s.trim());
    const value: unknown = arrays.includes(name) ? all.filter(Boolean) : all[0];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const path = name.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const last = i === path.length - 1;
      const index = /^\d+$/.test(key) ? Number(key) : undefined;
      const slot = index ?? key;
      if (last) {
        (node as Record<string | number, unknown>)[slot] = value;
      } else {
        const nextIsIndex = /^\d+$/.test(path[i + 1]!);
        const existing = (node as Record<string | number, unknown>)[slot];
        const child = existing && typeof existing === 'object' ? existing : nextIsIndex ? [] : {};
        (node as Record<string | number, unknown>)[slot] = child;
        node = child as Record<string, unknown>;
      }
    }
  }
  return root;
}

/** Uploaded files of one field (empty file inputs are ignored). */

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
    const ctx = pageContext(c, deps);
    return (
      <ApplyPage
        site={ctx.site}
        csrfToken={ctx.csrfToken}
        localMode={ctx.localMode}
        nonce={extra.nonce ?? newNonce()}
        labels={APPLY_LABELS}
        maxAttachmentMb={MAX_ATTACHMENT_BYTES / 1024 / 1024}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />
    );
  };

  app.get('/apply', (c) => c.html(formPage(c)));

  app.post('/apply', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = flatValues(body);
    const nonce = typeof values['nonce'] === 'string' ? values['nonce'] : '';
    try {
      const result = await submitOnline(deps, { form: nestedFrom(body), nonce, attachments: await filesOf(body, 'attachments') });
      const ctx = pageContext(c, deps);
      return c.html(<ReceiptPage site={ctx.site} csrfToken={ctx.csrfToken} localMode={ctx.localMode} {...receiptProps(result, deps.clock.now(), Boolean(values['contact.email']))} />);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return c.html(formPage(c, { values, errors: Object.keys(error.fields).length > 0 ? error.fields : { _: error.message }, ...(nonce ? { nonce } : {}) }), 400);
    }
  });

  return app;
}
