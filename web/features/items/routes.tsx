import { Hono, type Context } from 'hono';
import { assertMayCreateItem, createItem, editItem, getStaffItem, itemHistory, loadCatalogue, runItemStep, saveCatalogueSettings, staffWorkListView } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { INDEX_SCHEMES, publishing, workingVersion, type PublishingCommandType } from '#domain/catalogue';
import type { StaffEnv } from '../../env';
import { formStep } from '../../form-step';
import { flatValues } from '../../form-body';
import { refusedStep } from '../case/CasePage';
import { itemErrors, itemInput, settingsField, settingsInput, settingsValues, typedValues, type ItemFormValues, type SettingsValues } from './forms';
import { CatalogueSettingsPage, NewItemPage, StaffItemPage, WorkListPage } from './pages';
import { categoryOptions, flashOf, itemPageProps, workListProps, type ItemPageState } from './view-model';

/** Staff pages of 主动公开: the work list, a new draft, an item and its steps, the catalogue settings. */
export function staffItemRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  app.get('/staff/items', async (c) => {
    const view = await staffWorkListView(deps, c.get('staff'), c.req.query('state'), c.req.query('cursor'));
    return c.render(<WorkListPage {...workListProps(view, c.req.query('done'))} />);
  });

  const newPage = async (c: Context<StaffEnv>, values: ItemFormValues, errors?: Record<string, string>) => {
    const categories = categoryOptions(await loadCatalogue(deps));
    return c.render(<NewItemPage form={{ action: '/staff/items/new', values, categories, attachments: [], submitLabel: '保存草稿', errors }} />);
  };

  app.get('/staff/items/new', (c) => {
    assertMayCreateItem(c.get('staff'));
    return newPage(c, { issuer: deps.config.agencyName });
  });

  formStep(app, '/staff/items/new', {
    all: true,
    run: async (c, body) => {
      assertMayCreateItem(c.get('staff')); // before the uploads are staged
      const item = await createItem(deps, c.get('staff'), await itemInput(deps, c.get('staff'), body, []));
      return `/staff/items/${item.record.id}?done=created`;
    },
    again: (c, refusal, body) => newPage(c, typedValues(body), itemErrors(refusal.errors('form'))),
  });

  const itemPage = async (c: Context<StaffEnv>, id: string, state: ItemPageState = { flash: flashOf(c.req.query('done')) }) => {
    const [view, catalogue, history] = await Promise.all([getStaffItem(deps, id, c.get('staff')), loadCatalogue(deps), itemHistory(deps, id)]);
    return c.render(<StaffItemPage {...itemPageProps(view, catalogue, history, state)} />);
  };

  app.get('/staff/items/:id', (c) => itemPage(c, c.req.param('id')));

  formStep(app, '/staff/items/:id/edit', {
    all: true,
    run: async (c, body, version) => {
      const id = c.req.param('id');
      const view = await getStaffItem(deps, id, c.get('staff'));
      await editItem(deps, c.get('staff'), id, await itemInput(deps, c.get('staff'), body, workingVersion(view.stored.record)?.content.attachments ?? []), version);
      return `/staff/items/${id}?done=saved`;
    },
    again: (c, refusal, body) =>
      itemPage(c, c.req.param('id'), refusal.status === 400 ? { draftErrors: itemErrors(refusal.errors('form')), draftValues: typedValues(body) } : { refusal: refusal.message }),
  });

  // Every other step of the table, by its command: the form's fields are parsed by the command's schema.
  formStep(app, '/staff/items/:id/:command', {
    run: async (c, body, version) => {
      const command = c.req.param('command');
      await runItemStep(deps, c.get('staff'), c.req.param('id'), command, body, version);
      return `/staff/items/${c.req.param('id')}?done=${publishing.transition(command as PublishingCommandType)?.event ?? command}`;
    },
    again: (c, refusal, body) => itemPage(c, c.req.param('id'), refusedStep(c.req.param('command'), refusal, flatValues(body))),
  });

  const settingsPage = async (c: Context<StaffEnv>, values?: SettingsValues, errors?: Record<string, string>) => {
    const s = (await loadCatalogue(deps, { fresh: true })).settings;
    const current = { profile: s.profile ? JSON.stringify(s.profile, null, 2) : '', categories: JSON.stringify(s.categories, null, 2), indexSchemeId: s.indexScheme.id, guide: s.guide };
    const schemes = Object.values(INDEX_SCHEMES).map((x) => ({ value: x.id, label: `${x.id}：${x.template}` }));
    return c.render(<CatalogueSettingsPage values={values ?? current} schemes={schemes} errors={errors} flash={c.req.query('done') === 'settings' ? flashOf('settings') : undefined} />);
  };

  app.get('/staff/catalogue', (c) => settingsPage(c));

  formStep(app, '/staff/catalogue', {
    run: async (c, body) => {
      await saveCatalogueSettings(deps, c.get('staff'), settingsInput(settingsValues(body)));
      return '/staff/catalogue?done=settings';
    },
    again: (c, refusal, body) =>
      settingsPage(c, settingsValues(body), Object.fromEntries(Object.entries(refusal.errors('categories')).map(([k, v]) => [refusal.status === 400 ? settingsField(k) : k, v]))),
  });

  return app;
}
