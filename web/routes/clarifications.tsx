import { Hono, type Context } from 'hono';
import { ownValue } from '#domain/untrusted-input';
import { filesOf, flatValues, readForm } from '../form-body';
import {
  actOnClarification,
  clarificationSections,
  createClarificationCase,
  getClarificationCase,
  getPublishedClarification,
  listClarificationCases,
  listPublishedClarifications,
  MAX_UPLOAD_BYTES,
  mayOpenClarificationCase,
  reportClarification,
  reportScreenshotUrl,
  type ClarificationView,
} from '#application/clarifications';
import type { AppDependencies } from '#application/context';
import {
  CLARIFICATION_COMMAND_LABELS,
  CLARIFICATION_STATUS_LABELS,
  CLARIFICATION_TRANSITIONS,
  FALSITY_KINDS,
  FALSITY_LABELS,
  IMPACT_LABELS,
  IMPACT_LEVELS,
  SOURCE_LABELS,
  UNFOUNDED_LABELS,
  type ClarificationCommandType,
  type ClarificationStatus,
} from '#domain/clarifications';
import { NotFoundError, ValidationError } from '#domain/errors';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '#domain/secrecy';
import type { StaffEnv, WebEnv } from '../env';
import { formStep } from '../form-step';
import { shanghaiDateTime } from '../page-context';
import type { BadgeTone } from '../views/components/StatusBadge';
import {
  ClarificationCasePage,
  ClarificationListPage,
  ClarificationPage,
  ClarificationReportPage,
  ClarificationReportThanksPage,
  StaffClarificationsPage,
  type StepForm,
} from '../views/pages/clarifications';

export const CLARIFICATION_TONES: Record<ClarificationStatus, BadgeTone> = {
  registered: 'neutral',
  assessing: 'info',
  verifying: 'info',
  drafting: 'info',
  'secrecy-review': 'warning',
  'leader-approval': 'warning',
  approved: 'success',
  published: 'success',
  closed: 'neutral',
  'closed-unfounded': 'neutral',
};

/** Where the public reads a published clarification: its catalogue item page. */
export const publicHref = (p: { id: string; itemId?: string }) => (p.itemId ? `/items/${encodeURIComponent(p.itemId)}` : `/clarifications/${p.id}`);

const FLASH: Record<string, string> = { created: '已登记。', done: '已办理。' };
const COMMANDS = new Set(CLARIFICATION_TRANSITIONS.map((t) => t.command));

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));
const shanghaiDay = (iso: string) => shanghaiDateTime(iso).slice(0, 10);

/** The form of each step (fields the domain validates). */
function stepForm(id: string, command: ClarificationCommandType, view: ClarificationView): StepForm {
  const c = view.record.data.case;
  const action = `/staff/clarifications/${id}/${command}`;
  const label = CLARIFICATION_COMMAND_LABELS[command];
  switch (command) {
    case 'markUrgent':
      return { command, label, action, secondary: true, fields: [{ name: 'reason', label: '紧急的理由', required: true }], note: '期限将缩短，超期时上报分管领导。' };
    case 'recordAssessment':
      return {
        command,
        label,
        action,
        fields: [
          {
            name: 'falsity',
            label: '研判结论',
            as: 'select',
            options: opts(
              FALSITY_KINDS.filter((k) => k !== 'accurate'),
              FALSITY_LABELS,
            ),
            required: true,
          },
          { name: 'impact', label: '影响程度', as: 'select', options: opts(IMPACT_LEVELS, IMPACT_LABELS), required: true },
          { name: 'responsibleDepartment', label: '负责核实的部门', required: true },
          { name: 'note', label: '研判意见', as: 'textarea', required: true },
        ],
        note: '不涉及本机关工作或信息属实的，请由科室负责人“不予澄清并办结”。',
      };
    case 'recordVerification':
      return {
        command,
        label,
        action,
        fields: [
          { name: 'department', label: '核实部门', required: true, value: c.assessment?.responsibleDepartment },
          { name: 'facts', label: '核实情况', as: 'textarea', required: true },
        ],
      };
    case 'saveDraft': {
      const d = c.draft;
      return {
        command,
        label,
        action,
        fields: [
          { name: 'title', label: '标题', required: true, value: d?.title },
          { name: 'falseClaim', label: '网传说法（需要澄清的内容）', as: 'textarea', required: true, value: d?.falseClaim },
          { name: 'facts', label: '事实情况', as: 'textarea', rows: 8, required: true, value: d?.facts ?? c.verification?.facts },
          { name: 'sources', label: '信息来源或依据（每行一项）', as: 'textarea', required: true, value: d?.sources.join('\n') },
          { name: 'relatedItemIds', label: '关联的公开信息编号（每行一项，可选）', as: 'textarea', rows: 2, value: d?.relatedItemIds.join('\n'), hint: '关联信息页面将显示指向本澄清说明的提示。' },
        ],
      };
    }
    case 'submitForSecrecyReview':
      return { command, label, action, fields: [], note: '澄清稿将进入保密审查（先审查、后公开）。' };
    case 'recordReviewApproved':
      return {
        command,
        label,
        action,
        fields: [],
        note: view.review ? `审查单当前状态：${REVIEW_STATUS_LABELS[view.review.status as ReviewStatus] ?? view.review.status}。审查通过后报请领导审批。` : undefined,
      };
    case 'returnToDrafting':
    case 'startFurtherStatement':
      return { command, label, action, secondary: command === 'returnToDrafting', fields: [{ name: 'reason', label: '理由', as: 'textarea', required: true }] };
    case 'approve':
      return { command, label, action, fields: [], note: '以本机关名义发布澄清信息，须经领导批准。' };
    case 'publish':
      return { command, label, action, fields: [], note: '通过发布服务发布经审查的澄清说明，并在关联信息页面显示提示。' };
    case 'recordFollowUp':
      return {
        command,
        label,
        action,
        fields: [
          { name: 'reach', label: '传播和回应情况', as: 'textarea', required: true },
          {
            name: 'furtherStatementNeeded',
            label: '是否需要再次发布说明',
            as: 'select',
            options: [
              { value: 'no', label: '不需要' },
              { value: 'yes', label: '需要' },
            ],
            value: 'no',
          },
        ],
      };
    case 'closeUnfounded':
      return {
        command,
        label,
        action,
        secondary: true,
        fields: [
          { name: 'reason', label: '理由', as: 'select', options: Object.entries(UNFOUNDED_LABELS).map(([value, l]) => ({ value, label: l })), required: true },
          { name: 'note', label: '具体说明', as: 'textarea', required: true },
        ],
      };
    default:
      return { command, label, action, fields: [] };
  }
}

/** Public clarification pages, the report form, and the staff case pages. */
export function clarificationRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.use('/clarifications/report', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // ------------------------------------------------------------------ public
  app.get('/clarifications', async (c) => {
    const items = await listPublishedClarifications(deps);
    return c.render(<ClarificationListPage items={items.map((i) => ({ id: i.id, title: i.title, publishedAt: shanghaiDay(i.publishedAt), href: publicHref(i) }))} />);
  });

  const reportPage = (c: Context<WebEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string> } = {}) => {
    return <ClarificationReportPage maxMb={MAX_UPLOAD_BYTES / 1024 / 1024} {...extra} />;
  };
  app.get('/clarifications/report', (c) => c.render(reportPage(c)));
  app.post('/clarifications/report', async (c) => {
    const body = await readForm(c, { all: true });
    const values = flatValues(body);
    try {
      const { reference } = await reportClarification(deps, values, await filesOf(body, 'screenshot'), { ip: c.get('clientAddress') });
      return c.render(<ClarificationReportThanksPage reference={reference} />);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      c.status(400);
      return c.render(reportPage(c, { values, errors: Object.keys(error.fields).length ? error.fields : { _: error.message } }));
    }
  });

  app.get('/clarifications/:id', async (c) => {
    const p = await getPublishedClarification(deps, c.req.param('id'));
    // Published as a catalogue item: the item page is THE public page (same projection as every item).
    if (p.itemId) return c.redirect(publicHref(p), 302);
    const { sections } = clarificationSections(p.text);
    return c.render(
      <ClarificationPage
        id={p.id}
        title={p.title}
        publishedAt={shanghaiDay(p.publishedAt)}
        sections={sections}
        related={p.relatedItemIds.map((itemId) => ({ href: `/items/${encodeURIComponent(itemId)}`, label: `信息 ${itemId}` }))}
        earlier={p.earlier.map((e) => ({ title: e.title, publishedAt: shanghaiDay(e.publishedAt) }))}
      />,
    );
  });

  return app;
}

/** The staff case pages of clarifications: the list with the registration form, one case and its steps. */
export function staffClarificationRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  const listPage = async (c: Context<StaffEnv>, extra: { errors?: Record<string, string>; values?: Record<string, string>; flash?: string } = {}) => {
    const staff = c.get('staff');
    const today = shanghaiDay(deps.clock.now().toISOString());
    const rows = (await listClarificationCases(deps)).map((r) => ({
      id: r.id,
      href: `/staff/clarifications/${r.id}`,
      title: r.title,
      statusLabel: CLARIFICATION_STATUS_LABELS[r.status],
      statusTone: CLARIFICATION_TONES[r.status],
      sourceLabel: SOURCE_LABELS[r.source],
      urgent: r.urgent,
      due: r.due,
      overdue: r.dueOpen && r.due < today,
      dueOpen: r.dueOpen,
    }));
    return (
      <StaffClarificationsPage
        rows={rows}
        canCreate={mayOpenClarificationCase(staff)}
        sourceOptions={Object.entries(SOURCE_LABELS)
          .filter(([k]) => k !== 'public-report')
          .map(([value, label]) => ({ value, label }))}
        {...extra}
      />
    );
  };

  app.get('/staff/clarifications', async (c) => c.render(await listPage(c, { flash: ownValue(FLASH, c.req.query('done')) })));
  formStep(app, '/staff/clarifications', {
    all: true,
    run: async (c, body) => `/staff/clarifications/${(await createClarificationCase(deps, c.get('staff'), flatValues(body))).data.case.id}?done=created`,
    again: async (c, refusal, body) => c.render(await listPage(c, { values: flatValues(body), errors: refusal.errors() })),
  });

  const casePage = async (c: Context<StaffEnv>, id: string, extra: { flash?: string; errors?: Record<string, string>; failedCommand?: string; refusal?: string } = {}) => {
    const staff = c.get('staff');
    const view = await getClarificationCase(deps, staff, id);
    const { data, version } = view.record;
    const k = data.case;
    const rep = data.report;
    return (
      <ClarificationCasePage
        id={k.id}
        version={version}
        title={data.title}
        statusLabel={CLARIFICATION_STATUS_LABELS[k.status]}
        statusTone={CLARIFICATION_TONES[k.status]}
        urgent={k.urgent}
        meta={[
          { label: '编号', value: k.id },
          { label: '线索来源', value: SOURCE_LABELS[k.source] },
          { label: '登记日期', value: k.registeredOn },
          { label: '内部期限', value: `${k.due}${k.dueProvisional ? '（暂定）' : ''}${k.urgent ? '（紧急）' : ''}` },
          { label: '承办人', value: data.openDeadline?.responsible.name ?? (k.handlerId ? k.handlerId : '待分派') },
          ...(k.unfounded ? [{ label: '不予澄清理由', value: `${UNFOUNDED_LABELS[k.unfounded.reason]}：${k.unfounded.note}` }] : []),
        ]}
        report={
          rep
            ? [
                ...(rep.url ? [{ label: '链接', value: rep.url }] : []),
                ...(rep.outlet ? [{ label: '来源名称', value: rep.outlet }] : []),
                ...(rep.firstSeenOn ? [{ label: '首次发现', value: rep.firstSeenOn }] : []),
                { label: '内容', value: rep.description },
                ...(rep.contact ? [{ label: '反映人联系方式', value: [rep.contact.name, rep.contact.phone, rep.contact.email].filter(Boolean).join('，') }] : []),
              ]
            : []
        }
        screenshotHref={rep?.screenshot ? `/staff/clarifications/${k.id}/screenshot` : undefined}
        assessment={
          k.assessment
            ? [
                { label: '研判结论', value: FALSITY_LABELS[k.assessment.falsity] },
                { label: '影响程度', value: IMPACT_LABELS[k.assessment.impact] },
                { label: '负责核实的部门', value: k.assessment.responsibleDepartment },
                { label: '研判意见', value: k.assessment.note },
              ]
            : undefined
        }
        verification={
          k.verification
            ? [
                { label: '核实部门', value: k.verification.department },
                { label: '核实情况', value: k.verification.facts },
                { label: '登记日期', value: k.verification.on },
              ]
            : undefined
        }
        draftText={view.draftText}
        review={view.review ? { id: view.review.id, href: `/staff/reviews/${view.review.id}`, statusLabel: REVIEW_STATUS_LABELS[view.review.status as ReviewStatus] ?? view.review.status } : undefined}
        itemHref={data.catalogueItemId ? `/staff/items/${encodeURIComponent(data.catalogueItemId)}` : undefined}
        publishedHref={data.published ? publicHref({ id: k.id, ...(data.published.itemId ? { itemId: data.published.itemId } : {}) }) : undefined}
        followUps={k.followUps.map((f) => ({ at: f.on, label: f.furtherStatementNeeded ? '需要再次发布说明' : '跟踪情况', note: f.reach }))}
        timeline={data.timeline.map((t) => ({ at: shanghaiDateTime(t.at), label: t.label, by: t.actor.name, note: t.note }))}
        steps={view.available.map((cmd) => stepForm(k.id, cmd, view))}
        {...extra}
      />
    );
  };

  app.get('/staff/clarifications/:id', async (c) => c.render(await casePage(c, c.req.param('id'), { flash: ownValue(FLASH, c.req.query('done')) })));

  app.get('/staff/clarifications/:id/screenshot', async (c) => c.redirect(await reportScreenshotUrl(deps, c.req.param('id')), 302));

  formStep(app, '/staff/clarifications/:id/:command', {
    all: true,
    run: async (c, body, version) => {
      const id = c.req.param('id');
      const command = c.req.param('command') as ClarificationCommandType;
      if (!COMMANDS.has(command)) throw new NotFoundError('页面不存在。');
      await actOnClarification(deps, c.get('staff'), id, command, { ...flatValues(body), ...(version ? { expectedVersion: version } : {}) });
      return `/staff/clarifications/${id}?done=done`;
    },
    again: async (c, refusal) =>
      c.render(await casePage(c, c.req.param('id'), refusal.status === 400 ? { errors: refusal.errors(), failedCommand: c.req.param('command') } : { refusal: refusal.message })),
  });

  return app;
}
