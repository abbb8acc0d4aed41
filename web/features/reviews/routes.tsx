import { Hono, type Context } from 'hono';
import type { AppDependencies } from '#application/context';
import {
  attachRedactedFile,
  getReview,
  assertMaySubmitForReview,
  maySubmitForReview,
  publishReviewedDocument,
  recordReferral,
  redactReviewText,
  resolveReviewFinding,
  returnReview,
  reviewQueueFor,
  reviseReviewContent,
  signReviewStage,
  submitForReview,
} from '#application/secrecy';
import { REVIEW_STAGES, type ReviewStage, type SecrecyReview } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import type { StaffEnv } from '../../env';
import { textOf, type FormBody } from '../../form-body';
import { formStep } from '../../form-step';
import { newReviewInput, newReviewValues, redactedFileInput, typedValues } from './forms';
import { ReviewPage } from './pages';
import { ReviewNewPage, ReviewQueuePage, type ReviewNewPageProps } from './queue-page';
import { flashOf, queueFilters, queueRow, reviewPageProps, SUBJECT_LABELS } from './view-model';

/** Staff pages of the secrecy review: queue, submission, the review page and its steps. */
export function reviewRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  app.get('/staff/reviews', async (c) => {
    const staff = c.get('staff');
    const stage = c.req.query('stage') ?? '';
    const type = c.req.query('type') ?? '';
    const filter = {
      stage: ([...REVIEW_STAGES, 'on-hold'] as string[]).includes(stage) ? (stage as ReviewStage | 'on-hold') : undefined,
      subjectType: Object.hasOwn(SUBJECT_LABELS, type) ? (type as SecrecyReview['subject']['type']) : undefined,
    };
    const { waiting, mine } = await reviewQueueFor(deps, staff, filter);
    return c.render(
      <ReviewQueuePage
        waiting={waiting.map(queueRow)}
        mine={mine.map(queueRow)}
        canSubmit={maySubmitForReview(staff)}
        filters={queueFilters({ stage: filter.stage ?? '', type: filter.subjectType ?? '' })}
        flash={flashOf(c.req.query('done'))}
      />,
    );
  });

  const newPage = (c: Context<StaffEnv>, extra: ReviewNewPageProps = {}) => c.render(<ReviewNewPage {...extra} />);

  app.get('/staff/reviews/new', (c) => {
    assertMaySubmitForReview(c.get('staff'));
    return newPage(c);
  });

  formStep(app, '/staff/reviews/new', {
    run: async (c, body) => {
      assertMaySubmitForReview(c.get('staff')); // before the uploads are staged
      const record = await submitForReview(deps, c.get('staff'), await newReviewInput(deps, c.get('staff'), body));
      return `/staff/reviews/${record.data.review.id}?done=submitted`;
    },
    again: (c, refusal, body) => newPage(c, { errors: refusal.status === 400 ? refusal.fields : { file: refusal.message }, values: newReviewValues(body) }),
  });

  const show = async (c: Context<StaffEnv>, state: Parameters<typeof reviewPageProps>[3]) => {
    const view = await getReview(deps, c.get('staff'), c.req.param('id')!);
    return c.render(<ReviewPage {...reviewPageProps(view, deps.clock.now(), deps.config.publicFilesBaseUrl, state)} />);
  };

  app.get('/staff/reviews/:id', (c) => show(c, { flash: flashOf(c.req.query('done')) }));

  type Step = (staff: StaffMember, id: string, body: FormBody, expectedVersion: number | undefined) => Promise<string>;
  /** The steps' form posts, by path, each answering with its flash: each use case parses the table's form fields with its command's schema. */
  const STEPS: Record<string, Step> = {
    sign: (staff, id, body, expectedVersion) =>
      signReviewStage(deps, staff, id, { ...body, expectedVersion, stage: textOf(body, 'stage'), contentDigest: textOf(body, 'digest') || undefined }).then(() => 'signed'),
    return: (staff, id, body, expectedVersion) => returnReview(deps, staff, id, { expectedVersion, returnComments: body['returnComments'] }).then(() => 'returned'),
    findings: (staff, id, body, expectedVersion) =>
      resolveReviewFinding(deps, staff, id, { expectedVersion, findingId: body['findingId'], action: body['action'], reason: body['reason'] }).then(() => 'resolved'),
    'redact-text': async (staff, id, body, expectedVersion) =>
      (await redactReviewText(deps, staff, id, { expectedVersion, terms: textOf(body, 'terms') })).attached ? 'redacted' : 'redacted-partial',
    'redacted-file': async (staff, id, body, expectedVersion) =>
      (await attachRedactedFile(deps, staff, id, { expectedVersion, ...(await redactedFileInput(body)) })).attached ? 'file-attached' : 'file-partial',
    revise: async (staff, id, body, expectedVersion) => {
      // The page edits the text only; attachments stay as they are.
      const attachments = (await getReview(deps, staff, id)).content.attachments.map((a) => ({ fileKey: a.fileKey, fileName: a.fileName, contentType: a.contentType }));
      await reviseReviewContent(deps, staff, id, { expectedVersion, text: textOf(body, 'text'), attachments });
      return 'revised';
    },
    'referral-reply': (staff, id, body, expectedVersion) => recordReferral(deps, staff, id, { expectedVersion, reply: body['reply'] }).then(() => 'referral'),
    release: (staff, id, _body, expectedVersion) => publishReviewedDocument(deps, staff, id, expectedVersion).then(() => 'released'),
  };

  for (const [path, run] of Object.entries(STEPS)) {
    formStep(app, `/staff/reviews/:id/${path}`, {
      run: async (c, body, version) => `/staff/reviews/${c.req.param('id')}?done=${await run(c.get('staff'), c.req.param('id'), body, version)}#main-content`,
      // Refusals show the page again with the message, and the failed form with its fields and what was typed.
      again: (c, refusal, body) => show(c, { refusal: refusal.message, failed: { path, errors: refusal.fields, values: typedValues(body) } }),
    });
  }

  return app;
}
