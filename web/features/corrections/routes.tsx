import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { MAX_UPLOAD_BYTES } from '#application/clarifications';
import type { AppDependencies } from '#application/context';
import { actOnCorrection, evidenceUrl, findCorrectionByTracking, getCorrection, listCorrections, MAX_EVIDENCE, submitCorrection, withdrawCorrection } from '#application/corrections';
import { shanghaiDate } from '#domain/calendar';
import { CORRECTION_TRANSITIONS, type CorrectionCommandType } from '#domain/corrections';
import { DomainError, NotFoundError, ValidationError } from '#domain/errors';
import type { StaffEnv, WebEnv } from '../../env';
import { filesOf, flatValues, readForm } from '../../form-body';
import { formStep, refusalOf } from '../../form-step';
import { refusedStep, type CaseOutcome } from '../case/CasePage';
import { CorrectionCasePage, CorrectionReceiptPage, CorrectionRequestPage, CorrectionTrackPage, StaffCorrectionsPage } from './pages';
import { caseRows } from './view-model';

const COMMANDS = new Set<string>(CORRECTION_TRANSITIONS.map((t) => t.command));

/** A lookup or a withdrawal refused: the lookup form again with the reason (400 input, 404 not found, 409 too late). */
function refused(c: Context<WebEnv>, values: Record<string, string>, error: unknown, statuses: readonly (404 | 409)[]) {
  const again = (errors: Record<string, string>, status: 400 | 404 | 409) => c.render(<CorrectionTrackPage values={{ trackingNumber: values['trackingNumber'] ?? '' }} errors={errors} />, status);
  if (error instanceof ValidationError) return again(Object.keys(error.fields).length ? error.fields : { _: error.message }, 400);
  const status = error instanceof DomainError ? statuses.find((s) => s === error.status) : undefined;
  if (status) return again({ _: (error as DomainError).message }, status);
  throw error;
}

/**
 * The status of a correction request for its tracking number and access code. Shared by
 * /corrections/track and the general /track form, which hands GZ- numbers over to it.
 */
export async function showCorrectionStatus(c: Context<WebEnv>, deps: AppDependencies, values: Record<string, string>) {
  try {
    const view = await findCorrectionByTracking(deps, values['trackingNumber'] ?? '', values['accessCode'] ?? '', { ip: c.get('clientAddress') });
    return c.render(<CorrectionTrackPage result={view} />);
  } catch (error) {
    return refused(c, values, error, [404]);
  }
}

/** The public correction request form, its receipt, the lookup and the withdrawal (never stored: no-store is the app's default). */
export function correctionRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  // The identity number is never sent back; a nonce keeps a form from being submitted twice.
  const requestPage = ({ idNumber: _never, nonce, ...values }: Record<string, string> = {}, errors?: Record<string, string>) => (
    <CorrectionRequestPage nonce={nonce || randomBytes(16).toString('base64url')} maxMb={MAX_UPLOAD_BYTES / 1024 / 1024} maxFiles={MAX_EVIDENCE} values={values} errors={errors} />
  );
  app.get('/corrections/request', (c) => c.render(requestPage()));
  app.post('/corrections/request', async (c) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    try {
      const receipt = await submitCorrection(deps, { form: values, nonce: values['nonce'] ?? '', evidence: await filesOf(body, 'evidence') }, { ip: c.get('clientAddress') });
      return c.render(<CorrectionReceiptPage receipt={receipt} />);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.status !== 400) throw error;
      return c.render(requestPage(values, refusal.errors()), 400);
    }
  });

  app.get('/corrections/track', (c) => c.render(<CorrectionTrackPage />));
  app.post('/corrections/track', async (c) => showCorrectionStatus(c, deps, flatValues(await readForm(c))));
  app.post('/corrections/withdraw', async (c) => {
    const values = flatValues(await readForm(c));
    try {
      const view = await withdrawCorrection(deps, values['trackingNumber'] ?? '', values['accessCode'] ?? '', { ip: c.get('clientAddress') });
      return c.render(<CorrectionTrackPage flash="您的更正申请已撤回。" result={view} />);
    } catch (error) {
      return refused(c, values, error, [404, 409]);
    }
  });

  return app;
}

/** The staff pages of corrections: the list, one request, its evidence and its steps. */
export function staffCorrectionRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  app.get('/staff/corrections', async (c) => c.render(<StaffCorrectionsPage rows={caseRows(await listCorrections(deps), shanghaiDate(deps.clock.now()))} />));

  const casePage = async (c: Context<StaffEnv>, tn: string, extra: CaseOutcome = {}) =>
    c.render(<CorrectionCasePage view={await getCorrection(deps, c.get('staff'), tn)} workingDays={deps.policy.correction.workingDays} {...extra} />);

  app.get('/staff/corrections/:tn', (c) => casePage(c, c.req.param('tn'), c.req.query('done') ? { flash: '已办理。' } : {}));
  app.get('/staff/corrections/:tn/evidence/:evidenceId', async (c) => c.redirect(await evidenceUrl(deps, c.req.param('tn'), c.req.param('evidenceId')), 302));
  formStep(app, '/staff/corrections/:tn/:command', {
    all: true,
    run: async (c, body, version) => {
      const { tn, command } = c.req.param();
      if (!COMMANDS.has(command)) throw new NotFoundError('页面不存在。');
      await actOnCorrection(deps, c.get('staff'), tn, command as CorrectionCommandType, { ...flatValues(body), ...(version ? { expectedVersion: version } : {}) });
      return `/staff/corrections/${tn}?done=1`;
    },
    again: (c, refusal, body) => casePage(c, c.req.param('tn'), refusedStep(c.req.param('command'), refusal, flatValues(body))),
  });

  return app;
}
