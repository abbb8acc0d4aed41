import { Hono, type Context } from 'hono';
import { ownValue } from '#domain/untrusted-input';
import type { AppDependencies } from '#application/context';
import {
  act,
  confirmSecrecyReview,
  contactFor,
  discardNotice,
  editNotice,
  draftAnswer,
  editAnswerLetter,
  applicationAttachmentUrl,
  assertMayRegisterApplications,
  mayRegisterApplications,
  proposeForCatalogue,
  reassign,
  registerByClerk,
  releaseAnswer,
  requestCase,
  requestQueue,
  revealContact,
  revealIdentityNumber,
  serveNotice,
  signedDocument,
  submitAnswerForReview,
  submitNoticeForReview,
  type ApplicantContact,
} from '#application/requests';
import { COMMAND_LABELS } from '#domain/requests';
import type { StaffEnv } from '../../env';
import { filesOf, flatValues, nestedFrom, textOf, type FormBody } from '../../form-body';
import { formStep } from '../../form-step';
import { applyPage, receiptPage, REGISTER_CHANNEL_LABELS } from '../apply/routes';
import { caseSteps, demoHandlers } from './forms';
import { refusedStep } from '../case/CasePage';
import { QueuePage, RequestCasePage, SignedDocumentPage, type RequestCasePageProps } from './pages';
import { caseFacts, queueFilters, queueRows } from './view-model';

const FLASH: Record<string, string> = {
  ...Object.fromEntries(Object.entries(COMMAND_LABELS).map(([k, v]) => [k, `已办理：${v}。`])),
  letter: '告知书已保存。',
  review: '已提交保密审查。',
  'review-passed': '保密审查已通过，已报送领导签发。',
  release: '答复已送达申请人。',
  'notice-review': '告知书已提交保密审查。',
  'notice-served': '告知书已送达申请人。',
  'notice-discarded': '告知书已作废。',
  requestSupplement: '补正告知书已拟定，经保密审查后送达申请人（送达之日发出补正通知）。',
  issueFeeNotice: '收费通知书已拟定，经保密审查后送达申请人。',
  setDelayedReply: '延迟答复告知书已拟定，经保密审查后送达申请人。',
  overruleObjection: '决定公开政府信息告知书已拟定，经保密审查后送达第三方。',
  approveExtension: '已批准延期；延期答复告知书已拟定，经保密审查并送达后延期生效。',
  reassign: '承办人已变更。',
};

const expected = (v: number | undefined) => (v ? { expectedVersion: v } : {});

export function staffRequestRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  app.get('/staff/requests', async (c) => {
    const filters = { status: c.req.query('status') ?? '', handler: c.req.query('handler') ?? '', dueBy: c.req.query('dueBy') ?? '' };
    const { rows } = await requestQueue(deps, {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.handler ? { handler: filters.handler } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(filters.dueBy) ? { dueBy: filters.dueBy } : {}),
    });
    return c.render(<QueuePage filters={queueFilters(filters, c.get('staff'), rows)} canRegister={mayRegisterApplications(c.get('staff'))} rows={queueRows(rows)} />);
  });

  // Registration of paper, post, fax and oral applications (first-inquiry responsibility).
  const registerPage = (c: Context<StaffEnv>, extra: Parameters<typeof applyPage>[0] = {}) =>
    applyPage(extra, { staff: c.var.page.staff!, action: '/staff/requests/new', channels: REGISTER_CHANNEL_LABELS });
  app.get('/staff/requests/new', (c) => {
    assertMayRegisterApplications(c.get('staff'));
    return c.render(registerPage(c));
  });
  formStep(app, '/staff/requests/new', {
    all: true,
    run: async (c, body) => {
      const values = flatValues(body);
      const { channel: _channel, receivedOn: _received, arrivedOn: _arrived, ...form } = nestedFrom(body);
      const result = await registerByClerk(deps, c.get('staff'), {
        form,
        nonce: values['nonce'] ?? '',
        channel: (values['channel'] ?? '') as never,
        ...(values['receivedOn'] ? { receivedOn: values['receivedOn'] } : {}),
        ...(values['arrivedOn'] ? { arrivedOn: values['arrivedOn'] } : {}),
        attachments: await filesOf(body, 'attachments'),
      });
      return c.render(receiptPage(deps, result, values, true));
    },
    again: (c, refusal, body) => {
      const values = flatValues(body);
      return c.render(registerPage(c, { values, errors: refusal.errors(), nonce: values['nonce'] ?? '' }));
    },
  });

  const casePage = async (c: Context<StaffEnv>, tn: string, extra: Partial<Pick<RequestCasePageProps, 'failed' | 'refusal' | 'revealed'>> & { contact?: ApplicantContact } = {}) => {
    const staff = c.get('staff');
    const view = await requestCase(deps, staff, tn);
    const { contact, ...pageExtra } = extra;
    return (
      <RequestCasePage
        {...caseFacts(view, contact ?? contactFor(staff, view.record.data.applicant))}
        steps={await caseSteps(deps, staff, view, c.req.query('type') ?? extra.failed?.values?.['type'])}
        version={view.record.version}
        flash={ownValue(FLASH, c.req.query('done'))}
        {...pageExtra}
      />
    );
  };

  app.get('/staff/requests/:tn', async (c) => c.render(await casePage(c, c.req.param('tn'))));

  /**
   * A step posted from the case page: then back to the case with its flash (`done`), unless the step
   * answers with a path or a page; on a validation error or a refusal the case page is shown again
   * with the message and what was typed, at the form.
   */
  const step = <P extends string>(
    path: P,
    formId: string | ((body: FormBody) => string),
    run: (c: Context<StaffEnv, P>, body: FormBody, tn: string, version: number | undefined) => Promise<unknown>,
    done?: string,
  ) =>
    formStep(app, path, {
      all: true,
      run: async (c, body, version) => {
        const tn = c.req.param('tn')!;
        const out = await run(c, body, tn, version);
        return typeof out === 'string' || out instanceof Response ? out : `/staff/requests/${tn}?done=${encodeURIComponent(done ?? (typeof formId === 'string' ? formId : formId(body)))}`;
      },
      again: async (c, refusal, body) => c.render(await casePage(c, c.req.param('tn')!, refusedStep(typeof formId === 'string' ? formId : formId(body), refusal, flatValues(body)))),
    });
  const command = (b: FormBody) => textOf(b, 'command');

  step('/staff/requests/:tn/act', command, (c, body, tn, v) =>
    act(deps, c.get('staff'), tn, { command: command(body), ...expected(v), fields: nestedFrom(body, [], ['_csrf', 'version', 'command']) }),
  );
  step('/staff/requests/:tn/reassign', 'reassign', (c, body, tn, v) => {
    const handlerId = textOf(body, 'handlerId');
    const handlerName = demoHandlers(deps)?.find((h) => h.id === handlerId)?.name;
    return reassign(deps, c.get('staff'), tn, { handlerId, ...(handlerName ? { handlerName } : {}), reason: textOf(body, 'reason'), ...expected(v) });
  });
  step(
    '/staff/requests/:tn/draft',
    'draft',
    async (c, body, tn, v) => {
      const decision = nestedFrom(body, ['interests', 'grounds.0.interests', 'withheldParts.0.withholding.interests'], ['_csrf', 'version', 'documents']);
      return draftAnswer(deps, c.get('staff'), tn, { decision, documents: await filesOf(body, 'documents'), ...expected(v) });
    },
    'draftAnswer',
  );
  step('/staff/requests/:tn/letter', 'letter', (c, body, tn, v) => {
    const edits = Object.fromEntries(Object.entries(body).flatMap(([k, x]) => (k.startsWith('p.') && typeof x === 'string' ? [[k.slice(2), x]] : [])));
    return editAnswerLetter(deps, c.get('staff'), tn, { edits, ...expected(v) });
  });
  step('/staff/requests/:tn/review', 'review', (c, _body, tn, v) => submitAnswerForReview(deps, c.get('staff'), tn, expected(v)));
  step('/staff/requests/:tn/review-passed', 'review-passed', (c, _body, tn, v) => confirmSecrecyReview(deps, c.get('staff'), tn, expected(v)));
  step('/staff/requests/:tn/release', 'release', (c, body, tn, v) => releaseAnswer(deps, c.get('staff'), tn, { service: flatValues(body), ...expected(v) }));
  step('/staff/requests/:tn/propose', 'propose', async (c, _body, tn, v) => `/staff/items/${(await proposeForCatalogue(deps, c.get('staff'), tn, expected(v))).itemId}`);
  step('/staff/requests/:tn/identity', 'identity', async (c, body, tn) =>
    c.render(await casePage(c, tn, { revealed: await revealIdentityNumber(deps, c.get('staff'), tn, { reason: textOf(body, 'reason') }) })),
  );
  step('/staff/requests/:tn/contact', 'contact', async (c, body, tn) =>
    c.render(await casePage(c, tn, { contact: await revealContact(deps, c.get('staff'), tn, { reason: textOf(body, 'reason') }) })),
  );

  // The signed documents as printed for the seal: the answer letter, and each procedural notice.
  const documentPage = async (c: Context<StaffEnv>, documentId: string) => {
    const tn = c.req.param('tn')!;
    return c.render(<SignedDocumentPage trackingNumber={tn} documentId={documentId} {...await signedDocument(deps, c.get('staff'), tn, documentId)} />);
  };
  app.get('/staff/requests/:tn/letter', (c) => documentPage(c, 'answer'));
  app.get('/staff/requests/:tn/notices/:id', (c) => documentPage(c, c.req.param('id')));
  // A notice's steps: the form's id names the notice (hidden field), so a refusal shows at that form.
  const noticeForm = (step: string) => (b: FormBody) => `${step}-${textOf(b, 'notice')}`;
  step('/staff/requests/:tn/notices/:id/review', noticeForm('notice-review'), (c, _body, tn, v) => submitNoticeForReview(deps, c.get('staff'), tn, c.req.param('id'), expected(v)), 'notice-review');
  step(
    '/staff/requests/:tn/notices/:id/serve',
    noticeForm('notice-serve'),
    (c, body, tn, v) => serveNotice(deps, c.get('staff'), tn, c.req.param('id'), { service: flatValues(body), ...expected(v) }),
    'notice-served',
  );
  step('/staff/requests/:tn/notices/:id/edit', noticeForm('notice-edit'), (c, body, tn, v) => {
    const edits = Object.fromEntries(Object.entries(body).flatMap(([k, x]) => (k.startsWith('p.') && typeof x === 'string' ? [[k.slice(2), x]] : [])));
    return editNotice(deps, c.get('staff'), tn, c.req.param('id'), { edits, ...expected(v) });
  });
  step(
    '/staff/requests/:tn/notices/:id/discard',
    noticeForm('notice-discard'),
    (c, body, tn, v) => discardNotice(deps, c.get('staff'), tn, c.req.param('id'), { reason: textOf(body, 'reason'), ...expected(v) }),
    'notice-discarded',
  );

  app.get('/staff/requests/:tn/attachments/:id', async (c) => c.redirect(await applicationAttachmentUrl(deps, c.get('staff'), c.req.param('tn'), c.req.param('id')), 303));

  return app;
}
