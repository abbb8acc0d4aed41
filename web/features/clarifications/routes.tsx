import { Hono, type Context } from 'hono';
import {
  actOnClarification,
  createClarificationCase,
  getClarificationCase,
  getPublishedClarification,
  listClarificationCases,
  listPublishedClarifications,
  MAX_UPLOAD_BYTES,
  mayOpenClarificationCase,
  reportClarification,
  reportScreenshotUrl,
} from '#application/clarifications';
import type { AppDependencies } from '#application/context';
import { CLARIFICATION_TRANSITIONS, type ClarificationCommandType } from '#domain/clarifications';
import { NotFoundError } from '#domain/errors';
import { ownValue } from '#domain/untrusted-input';
import type { StaffEnv, WebEnv } from '../../env';
import { filesOf, flatValues, readForm } from '../../form-body';
import { formStep, refusalOf } from '../../form-step';
import { refusedStep, type CaseOutcome } from '../case/CasePage';
import { ClarificationCasePage, ClarificationListPage, ClarificationPage, ClarificationReportPage, ClarificationReportThanksPage, StaffClarificationsPage } from './pages';
import { NEW_CASE } from './forms';
import { CLARIFICATIONS, caseRows, publicHref } from './view-model';

const FLASH: Record<string, string> = { created: '已登记。', done: '已办理。' };
const COMMANDS = new Set<string>(CLARIFICATION_TRANSITIONS.map((t) => t.command));

/** Public clarification pages and the report form (none is stored: no-store is the app's default). */
export function clarificationRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.get('/clarifications', async (c) => c.render(<ClarificationListPage items={await listPublishedClarifications(deps)} />));

  const maxMb = MAX_UPLOAD_BYTES / 1024 / 1024;
  app.get('/clarifications/report', (c) => c.render(<ClarificationReportPage maxMb={maxMb} />));
  app.post('/clarifications/report', async (c) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    try {
      const { reference } = await reportClarification(deps, values, await filesOf(body, 'screenshot'), { ip: c.get('clientAddress') });
      return c.render(<ClarificationReportThanksPage reference={reference} />);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.status !== 400) throw error;
      return c.render(<ClarificationReportPage maxMb={maxMb} values={values} errors={refusal.errors()} />, 400);
    }
  });

  app.get('/clarifications/:id', async (c) => {
    const p = await getPublishedClarification(deps, c.req.param('id'));
    // Published as a catalogue item: the item page is THE public page (same projection as every item).
    if (p.itemId) return c.redirect(publicHref(p), 302);
    return c.render(<ClarificationPage clarification={p} />);
  });

  return app;
}

/** The staff pages of clarifications: the list with the form to open a case, one case and its steps. */
export function staffClarificationRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  const listPage = async (c: Context<StaffEnv>, extra: CaseOutcome = {}) => {
    const rows = caseRows(await listClarificationCases(deps), deps.clock.now());
    return c.render(<StaffClarificationsPage rows={rows} canCreate={mayOpenClarificationCase(c.get('staff'))} {...extra} />);
  };
  app.get('/staff/clarifications', (c) => listPage(c, { flash: ownValue(FLASH, c.req.query('done')) }));
  formStep(app, '/staff/clarifications', {
    all: true,
    run: async (c, body) => `${CLARIFICATIONS.href}/${(await createClarificationCase(deps, c.get('staff'), flatValues(body))).data.case.id}?done=created`,
    again: (c, refusal, body) => listPage(c, { failed: { id: NEW_CASE.id, errors: refusal.errors(), values: flatValues(body) } }),
  });

  const casePage = async (c: Context<StaffEnv>, id: string, extra: CaseOutcome = {}) => c.render(<ClarificationCasePage view={await getClarificationCase(deps, c.get('staff'), id)} {...extra} />);

  app.get('/staff/clarifications/:id', (c) => casePage(c, c.req.param('id'), { flash: ownValue(FLASH, c.req.query('done')) }));
  app.get('/staff/clarifications/:id/screenshot', async (c) => c.redirect(await reportScreenshotUrl(deps, c.req.param('id')), 302));
  formStep(app, '/staff/clarifications/:id/:command', {
    all: true,
    run: async (c, body, version) => {
      const { id, command } = c.req.param();
      if (!COMMANDS.has(command)) throw new NotFoundError('页面不存在。');
      await actOnClarification(deps, c.get('staff'), id, command as ClarificationCommandType, { ...flatValues(body), ...(version ? { expectedVersion: version } : {}) });
      return `${CLARIFICATIONS.href}/${id}?done=done`;
    },
    again: (c, refusal, body) => casePage(c, c.req.param('id'), refusedStep(c.req.param('command'), refusal, flatValues(body))),
  });

  return app;
}
