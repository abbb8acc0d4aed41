import { formStep } from '../form-step';
import { ownValue, parseUntrustedJson } from '#domain/untrusted-input';
import { Hono, type Context } from 'hono';
import {
  createItem,
  discardItem,
  editItem,
  getStaffItem,
  itemHistory,
  loadCatalogue,
  markItemValidity,
  mayCreateItem,
  publishItem,
  reopenItem,
  returnItem,
  reviseItem,
  saveCatalogueSettings,
  staffWorkList,
  submitItem,
  unscheduleItem,
  withdrawItem,
  type AttachmentRef,
  type LoadedCatalogue,
} from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { uploadDocument } from '#application/documents';
import {
  DEADLINE_STATUS_LABELS,
  INDEX_SCHEMES,
  shanghaiLocalToInstant,
  VERSION_STATUS_LABELS,
  WORKFLOW_STATE_LABELS,
  workingVersion,
  publishedVersion,
  type Attachment,
  type ItemContent,
  type PublicationDeadline,
  type ValidityStatus,
  type WorkflowState,
} from '#domain/catalogue';
import { NotFoundError, ValidationError } from '#domain/errors';
import { REVIEW_STATUS_LABELS } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import type { StaffEnv } from '../env';
import { shanghaiDateTime } from '../page-context';
import type { BadgeTone } from '../views/components/StatusBadge';
import type { DeadlineUrgency } from '../views/components/DeadlineChip';
import { formatBytes } from '../views/format';
import { CatalogueSettingsPage, NewItemPage, StaffItemPage, WorkListPage, type ItemFormValues, type WorkRow } from '../views/pages/items';

export const STATE_TONES: Record<WorkflowState, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  approved: 'info',
  scheduled: 'info',
  published: 'success',
  withdrawn: 'danger',
  discarded: 'neutral',
};

const TAB_STATES: WorkflowState[] = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn'];

const FLASH: Record<string, string> = {
  created: '已保存为草稿。请核对后提交保密审查。',
  saved: '草稿已保存。',
  submitted: '已提交保密审查。审查通过后即可发布。',
  published: '已发布。公开页面、检索、订阅和网站地图已同步更新。',
  scheduled: '已设置定时发布。',
  unscheduled: '已取消定时发布。',
  returned: '已退回草稿。',
  reopened: '已退回草稿，原审查结论失效。',
  revised: '已生成新版本草稿；新版本发布前，公众仍看到当前版本。',
  discarded: '草稿已放弃。',
  validity: '已更新有效性。',
  withdrawn: '已撤回，信息已从全部公开渠道下线。',
  settings: '设置已保存。',
};

/** Audit event types of items, for the 办理记录 list. */
const EVENT_LABELS: Record<string, string> = {
  'item.created': '新建草稿',
  'item.edited': '修改',
  'item.submitted': '提交保密审查',
  'item.returned': '退回修改',
  'item.approved': '审核通过（生成索引号）',
  'item.scheduled': '定时发布',
  'item.unscheduled': '取消定时',
  'item.published': '发布',
  'item.reopened': '重新编辑',
  'item.revised': '修订（生成新版本）',
  'item.discarded': '放弃草稿',
  'item.validity-marked': '标注有效性',
  'item.withdrawn': '撤回',
  'item.deadline-recomputed': '工作日调整后重算公开期限',
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function urgencyOf(d: PublicationDeadline): DeadlineUrgency {
  if (d.status === 'overdue') return 'overdue';
  if (d.workingDaysLeft === 0) return 'today';
  return d.status === 'due-soon' ? 'soon' : 'normal';
}

function categoryOptions(catalogue: LoadedCatalogue) {
  return catalogue.tree.all().map((n) => ({ value: n.id, label: `${'　'.repeat(n.depth - 1)}${n.name}` }));
}

function formValuesOf(content: ItemContent): ItemFormValues {
  return {
    title: content.title,
    issuer: content.issuer,
    coIssuers: content.coIssuers.join('、'),
    formedOn: content.formedOn,
    categoryId: content.categoryId,
    keywords: content.keywords.join('、'),
    body: content.body,
    interpretations: content.related.interpretations.join(','),
    ...(content.writtenOn ? { writtenOn: content.writtenOn } : {}),
    ...(content.documentNumber ? { documentNumber: content.documentNumber } : {}),
    ...(content.subjectCategory ? { subjectCategory: content.subjectCategory } : {}),
    ...(content.genre ? { genre: content.genre } : {}),
    ...(content.effectiveOn ? { effectiveOn: content.effectiveOn } : {}),
    ...(content.validUntil ? { validUntil: content.validUntil } : {}),
    ...(content.summary ? { summary: content.summary } : {}),
  };
}

const FIELDS = [
  'title',
  'issuer',
  'coIssuers',
  'writtenOn',
  'formedOn',
  'documentNumber',
  'subjectCategory',
  'categoryId',
  'genre',
  'effectiveOn',
  'validUntil',
  'keywords',
  'summary',
  'body',
  'interpretations',
] as const;

/** Form → the domain's item input; new files are stored privately (checked by content) first. */
async function formInput(
  deps: AppDependencies,
  staff: StaffMember,
  body: Record<string, unknown>,
  existing: readonly Attachment[],
): Promise<{ input: Record<string, unknown>; values: ItemFormValues }> {
  const values: ItemFormValues = {};
  for (const f of FIELDS) values[f] = str(body[f]);
  const keepRaw = body['keep'];
  const keep = new Set((Array.isArray(keepRaw) ? keepRaw : keepRaw === undefined ? [] : [keepRaw]).map((k) => Number(str(k))));
  const attachments: AttachmentRef[] = existing.flatMap((_, i) => (keep.has(i) ? [{ keep: i }] : []));
  const filesRaw = body['files'];
  const files = (Array.isArray(filesRaw) ? filesRaw : [filesRaw]).filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0);
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const doc = await uploadDocument(deps, staff, { title: file.name, fileName: file.name, bytes });
      attachments.push({ documentId: doc.id });
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.message, { attachments: error.message });
      throw error;
    }
  }
  const input: Record<string, unknown> = {
    ...Object.fromEntries(FIELDS.filter((f) => f !== 'interpretations').map((f) => [f, values[f]])),
    attachments,
    related: { interpretations: (values.interpretations ?? '').split(/[,，\s]+/).filter(Boolean), clarifications: [], others: [] },
  };
  return { input, values };
}

export function staffItemRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  app.get('/staff/items', async (c) => {
    const q = c.req.query();
    const state = (TAB_STATES as string[]).includes(q['state'] ?? '') ? (q['state'] as WorkflowState) : 'draft';
    const page = await staffWorkList(deps, state, q['cursor']);
    const overdueRows: { href: string; title: string; due: string }[] = [];
    for (const s of ['draft', 'submitted', 'approved'] as const) {
      const list = s === state ? page : await staffWorkList(deps, s);
      for (const r of list.items) if (r.deadline?.status === 'overdue') overdueRows.push({ href: `/staff/items/${r.id}`, title: r.title, due: r.deadline.due });
    }
    const staff = c.get('staff');
    const rows: WorkRow[] = page.items.map((r) => ({
      href: `/staff/items/${r.id}`,
      title: r.title,
      stateLabel: WORKFLOW_STATE_LABELS[r.state],
      stateTone: STATE_TONES[r.state],
      updatedAt: shanghaiDateTime(r.updatedAt),
      ...(r.indexNumber ? { indexNumber: r.indexNumber } : {}),
      ...(r.deadline
        ? {
            deadline: {
              due: r.deadline.due,
              workingDaysLeft: r.deadline.workingDaysLeft ?? 0,
              urgency: urgencyOf(r.deadline),
              provisional: r.deadline.provisional,
              label: DEADLINE_STATUS_LABELS[r.deadline.status],
              done: r.deadline.status === 'met' || r.deadline.status === 'late',
            },
          }
        : {}),
    }));
    return c.render(
      <WorkListPage
        tabs={TAB_STATES.map((s) => ({ href: `/staff/items?state=${s}`, label: WORKFLOW_STATE_LABELS[s], current: s === state }))}
        stateLabel={WORKFLOW_STATE_LABELS[state]}
        rows={rows}
        overdue={overdueRows}
        canCreate={mayCreateItem(staff)}
        {...(staff.roles.includes('admin') ? { settingsHref: '/staff/catalogue' } : {})}
        {...(page.cursor ? { nextHref: `/staff/items?state=${state}&cursor=${encodeURIComponent(page.cursor)}` } : {})}
        {...(ownValue(FLASH, q['done']) ? { flash: ownValue(FLASH, q['done'])! } : {})}
      />,
    );
  });

  const newPage = async (c: Context<StaffEnv>, values: ItemFormValues, errors?: Record<string, string>) => {
    const catalogue = await loadCatalogue(deps);
    return c.render(<NewItemPage form={{ action: '/staff/items/new', values, categories: categoryOptions(catalogue), attachments: [], submitLabel: '保存草稿', ...(errors ? { errors } : {}) }} />);
  };

  app.get('/staff/items/new', (c) => newPage(c, { issuer: deps.config.agencyName }));

  const typed = (body: Record<string, unknown>): ItemFormValues => Object.fromEntries(FIELDS.map((f) => [f, str(body[f])]));

  formStep(app, '/staff/items/new', {
    all: true,
    run: async (c, body) => {
      const { input } = await formInput(deps, c.get('staff'), body, []);
      const item = await createItem(deps, c.get('staff'), input);
      return `/staff/items/${item.record.id}?done=created`;
    },
    again: (c, refusal, body) => newPage(c, typed(body), refusal.errors('form')),
  });

  const itemPage = async (c: Context<StaffEnv>, id: string, opts: { error?: string; formErrors?: Record<string, string>; formValues?: ItemFormValues } = {}) => {
    const view = await getStaffItem(deps, id, c.get('staff'));
    const catalogue = await loadCatalogue(deps);
    const record = view.stored.record;
    const w = workingVersion(record);
    const shown = w ?? publishedVersion(record) ?? record.versions[record.versions.length - 1]!;
    const c0 = shown.content;
    const meta = [
      { label: '索引号', value: record.indexNumber ?? '审核通过后生成' },
      { label: '目录分类', value: catalogue.tree.label(c0.categoryId) },
      { label: '发布机构', value: [c0.issuer, ...c0.coIssuers].join('、') },
      { label: '生成日期', value: c0.formedOn },
      { label: '文号', value: c0.documentNumber ?? '—' },
      { label: '成文日期', value: c0.writtenOn ?? '—' },
      {
        label: '公开期限',
        value: view.deadline
          ? `${view.deadline.due}（${DEADLINE_STATUS_LABELS[view.deadline.status]}${view.deadline.workingDaysLeft !== undefined && view.deadline.status !== 'met' ? `，剩余${view.deadline.workingDaysLeft}个工作日` : ''}）`
          : '—',
      },
      { label: '附件', value: c0.attachments.map((a) => a.name).join('、') || '无' },
      ...(record.withdrawal ? [{ label: '撤回理由', value: `${record.withdrawal.reason}（${shanghaiDateTime(record.withdrawal.at)}）`, wide: true }] : []),
    ];
    const history = await itemHistory(deps, id);
    const q = c.req.query();
    const draft = w && w.status === 'draft';
    return c.render(
      <StaffItemPage
        id={id}
        title={c0.title}
        stateLabel={WORKFLOW_STATE_LABELS[view.state]}
        stateTone={STATE_TONES[view.state]}
        version={view.version}
        meta={meta}
        allowed={view.allowed}
        {...(view.publicView?.item ? { publicHref: `/items/${id}` } : {})}
        {...(view.review
          ? {
              review: {
                href: `/staff/reviews/${view.review.id}`,
                statusLabel: REVIEW_STATUS_LABELS[view.review.status as keyof typeof REVIEW_STATUS_LABELS] ?? view.review.status,
                approved: view.review.approvedForThisVersion,
              },
            }
          : {})}
        {...(ownValue(FLASH, q['done']) ? { flash: ownValue(FLASH, q['done'])! } : {})}
        {...(opts.error ? { error: opts.error } : {})}
        {...(draft
          ? {
              form: {
                action: `/staff/items/${id}/edit`,
                values: opts.formValues ?? formValuesOf(w.content),
                categories: categoryOptions(catalogue),
                attachments: w.content.attachments.map((a, index) => ({ index, name: a.name, size: formatBytes(a.size) })),
                submitLabel: '保存修改',
                version: view.version,
                ...(opts.formErrors ? { errors: opts.formErrors } : {}),
              },
            }
          : {})}
        versions={record.versions.map((v) => ({ number: v.number, statusLabel: VERSION_STATUS_LABELS[v.status], updatedAt: shanghaiDateTime(v.updatedAt) }))}
        history={history.map((h) => ({
          at: shanghaiDateTime(h.at),
          type: EVENT_LABELS[h.type] ?? h.type,
          actor: h.actor.kind === 'staff' ? h.actor.name : h.actor.kind === 'system' ? `系统（${h.actor.id}）` : '—',
        }))}
      />,
    );
  };

  app.get('/staff/items/:id', (c) => itemPage(c, c.req.param('id')));

  formStep(app, '/staff/items/:id/edit', {
    all: true,
    run: async (c, body, version) => {
      const id = c.req.param('id');
      const view = await getStaffItem(deps, id, c.get('staff'));
      const { input } = await formInput(deps, c.get('staff'), body, workingVersion(view.stored.record)?.content.attachments ?? []);
      await editItem(deps, c.get('staff'), id, input, version);
      return `/staff/items/${id}?done=saved`;
    },
    again: (c, refusal, body) =>
      refusal.status === 400 ? itemPage(c, c.req.param('id'), { formErrors: refusal.errors('form'), formValues: typed(body) }) : itemPage(c, c.req.param('id'), { error: refusal.message }),
  });

  const ACTIONS: Record<string, { done: string; run: (staff: StaffMember, id: string, body: Record<string, unknown>, v?: number) => Promise<unknown> }> = {
    submit: { done: 'submitted', run: (s, id, _b, v) => submitItem(deps, s, id, v) },
    publish: { done: 'published', run: (s, id, _b, v) => publishItem(deps, s, id, { ...(v ? { expectedVersion: v } : {}) }) },
    schedule: {
      done: 'scheduled',
      run: (s, id, b, v) => {
        const local = str(b['publishAt']).trim();
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) throw new ValidationError('请填写发布时间', { publishAt: '请填写发布时间' });
        return publishItem(deps, s, id, { publishAt: shanghaiLocalToInstant(local), ...(v ? { expectedVersion: v } : {}) });
      },
    },
    unschedule: { done: 'unscheduled', run: (s, id, _b, v) => unscheduleItem(deps, s, id, v) },
    return: { done: 'returned', run: (s, id, b, v) => returnItem(deps, s, id, str(b['reason']), v) },
    reopen: { done: 'reopened', run: (s, id, b, v) => reopenItem(deps, s, id, str(b['reason']), v) },
    revise: { done: 'revised', run: (s, id, b, v) => reviseItem(deps, s, id, str(b['changedOn']), v) },
    discard: { done: 'discarded', run: (s, id, _b, v) => discardItem(deps, s, id, v) },
    validity: {
      done: 'validity',
      run: (s, id, b, v) => markItemValidity(deps, s, id, { status: str(b['status']) as ValidityStatus, ...(str(b['since']) ? { since: str(b['since']) } : {}) }, v),
    },
    withdraw: { done: 'withdrawn', run: (s, id, b, v) => withdrawItem(deps, s, id, str(b['reason']), v) },
  };

  formStep(app, '/staff/items/:id/:action', {
    run: async (c, body, version) => {
      const action = ownValue(ACTIONS, c.req.param('action'));
      if (!action) throw new NotFoundError('页面不存在。');
      await action.run(c.get('staff'), c.req.param('id'), body, version);
      return `/staff/items/${c.req.param('id')}?done=${action.done}`;
    },
    again: (c, refusal) => itemPage(c, c.req.param('id'), { error: [refusal.message, ...Object.values(refusal.fields)].join(' ') }),
  });

  const settingsPage = async (c: Context<StaffEnv>, values?: { profile: string; categories: string; indexSchemeId: string; guide: string }, errors?: Record<string, string>) => {
    const catalogue = await loadCatalogue(deps, { fresh: true });
    const s = catalogue.settings;
    return c.render(
      <CatalogueSettingsPage
        values={values ?? { profile: s.profile ? JSON.stringify(s.profile, null, 2) : '', categories: JSON.stringify(s.categories, null, 2), indexSchemeId: s.indexScheme.id, guide: s.guide }}
        schemes={Object.values(INDEX_SCHEMES).map((x) => ({ value: x.id, label: `${x.id}：${x.template}` }))}
        {...(errors ? { errors } : {})}
        {...(c.req.query('done') === 'settings' ? { flash: FLASH['settings']! } : {})}
      />,
    );
  };

  app.get('/staff/catalogue', (c) => settingsPage(c));

  const settingsValues = (body: Record<string, unknown>) => ({
    profile: str(body['profile']),
    categories: str(body['categories']),
    indexSchemeId: str(body['indexSchemeId']),
    guide: str(body['guide']),
  });
  /** Errors of the agency profile's own fields are shown under the profile box. */
  const settingsField = (k: string) => (k.startsWith('profile') || ['name', 'code', 'address', 'officeHours', 'phone', 'email'].includes(k.split('.')[0]!) ? 'profile' : k);

  formStep(app, '/staff/catalogue', {
    run: async (c, body) => {
      const values = settingsValues(body);
      let profile: unknown;
      if (values.profile.trim()) {
        try {
          profile = parseUntrustedJson(values.profile, { what: '机关信息' });
        } catch (error) {
          throw new ValidationError('机关信息格式有误', { profile: error instanceof ValidationError ? error.message : '机关信息应为 JSON 对象' });
        }
      }
      await saveCatalogueSettings(deps, c.get('staff'), { ...(profile !== undefined ? { profile } : {}), categories: values.categories, indexSchemeId: values.indexSchemeId, guide: values.guide });
      return '/staff/catalogue?done=settings';
    },
    again: (c, refusal, body) =>
      settingsPage(c, settingsValues(body), Object.fromEntries(Object.entries(refusal.errors('categories')).map(([k, v]) => [refusal.status === 400 ? settingsField(k) : k, v]))),
  });

  return app;
}
