import type { Child } from 'hono/jsx';
import { StepOutcome } from '../../components/StepOutcome';
import { CsrfField } from '../../components/CsrfField';
import { MetaTable, type MetaRow } from '../../components/MetaTable';
import { Notice } from '../../components/Notice';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';
import { ItemForm, type ItemFormProps } from './ItemForm';

export interface StaffItemPageProps {
  id: string;
  title: string;
  stateLabel: string;
  stateTone: BadgeTone;
  version: number;
  meta: MetaRow[];
  flash?: string;
  error?: string;
  /** Shown while the working version is a draft. */
  form?: ItemFormProps;
  review?: { href: string; statusLabel: string; approved: boolean };
  /** Commands allowed now. */
  allowed: readonly string[];
  publicHref?: string;
  versions: { number: number; statusLabel: string; updatedAt: string }[];
  history: { at: string; type: string; actor: string }[];
}

function ActionForm(p: { id: string; action: string; version: number; label: string; primary?: boolean; children?: Child }) {
  return (
    <form class="form action-form" method="post" action={`/staff/items/${p.id}/${p.action}`}>
      <CsrfField />
      <input type="hidden" name="version" value={String(p.version)} />
      {p.children}
      <button type="submit" class={`button ${p.primary ? 'button--primary' : 'button--secondary'}`}>
        {p.label}
      </button>
    </form>
  );
}

/** Staff page of one item: metadata, the draft form, and the workflow actions allowed now. */
export function StaffItemPage(p: StaffItemPageProps) {
  const a = new Set(p.allowed);
  const common = { id: p.id, version: p.version };
  return (
    <Layout title={p.title} section="staff" navHref="/staff/items" breadcrumbs={[{ href: '/staff', label: '工作台' }, { href: '/staff/items', label: '主动公开' }, { label: p.title }]}>
      <div class="page-head">
        <h1 class="page-title">{p.title}</h1>
        <StatusBadge label={p.stateLabel} tone={p.stateTone} />
      </div>
      <StepOutcome flash={p.flash} refusal={p.error} />
      <MetaTable rows={p.meta} caption="信息基本情况" />
      {p.publicHref ? (
        <p>
          <a href={p.publicHref}>查看公开页面</a>
        </p>
      ) : null}
      {p.review ? (
        <Notice kind={p.review.approved ? 'success' : 'info'} title="保密审查">
          <p>
            审查单状态：{p.review.statusLabel}。<a href={p.review.href}>查看审查单</a>
          </p>
        </Notice>
      ) : null}
      <section class="section" aria-labelledby="actions-title">
        <h2 class="section__title" id="actions-title">
          办理
        </h2>
        <div class="action-grid">
          {a.has('submit') ? <ActionForm {...common} action="submit" label="提交保密审查" primary /> : null}
          {a.has('approve') || a.has('publish') ? (
            <>
              <ActionForm {...common} action="publish" label="发布" primary />
              <ActionForm {...common} action="schedule" label="定时发布">
                <div class="field">
                  <label class="field__label" for="publishAt">
                    发布时间（北京时间）
                  </label>
                  <input class="field__control" type="datetime-local" id="publishAt" name="publishAt" required />
                </div>
              </ActionForm>
            </>
          ) : null}
          {a.has('unschedule') ? <ActionForm {...common} action="unschedule" label="取消定时" /> : null}
          {a.has('return') ? (
            <ActionForm {...common} action="return" label="退回修改">
              <div class="field">
                <label class="field__label" for="return-reason">
                  退回理由
                </label>
                <input class="field__control" id="return-reason" name="reason" required maxlength={500} />
              </div>
            </ActionForm>
          ) : null}
          {a.has('reopen') ? (
            <ActionForm {...common} action="reopen" label="重新编辑">
              <div class="field">
                <label class="field__label" for="reopen-reason">
                  理由
                </label>
                <input class="field__control" id="reopen-reason" name="reason" required maxlength={500} />
              </div>
            </ActionForm>
          ) : null}
          {a.has('revise') ? (
            <ActionForm {...common} action="revise" label="修订（生成新版本）">
              <div class="field">
                <label class="field__label" for="changedOn">
                  变更日期
                </label>
                <input class="field__control" type="date" id="changedOn" name="changedOn" required />
              </div>
            </ActionForm>
          ) : null}
          {a.has('markValidity') && p.publicHref ? (
            <ActionForm {...common} action="validity" label="标注有效性">
              <div class="field">
                <label class="field__label" for="validity-status">
                  有效性
                </label>
                <select class="field__control" id="validity-status" name="status">
                  <option value="valid">有效</option>
                  <option value="invalid">失效</option>
                  <option value="repealed">废止</option>
                </select>
              </div>
              <div class="field">
                <label class="field__label" for="validity-since">
                  失效或废止日期
                </label>
                <input class="field__control" type="date" id="validity-since" name="since" />
              </div>
            </ActionForm>
          ) : null}
          {a.has('discard') ? <ActionForm {...common} action="discard" label="放弃草稿" /> : null}
          {a.has('withdraw') ? (
            <ActionForm {...common} action="withdraw" label="撤回">
              <div class="field">
                <label class="field__label" for="withdraw-reason">
                  撤回理由
                </label>
                <input class="field__control" id="withdraw-reason" name="reason" required maxlength={500} />
              </div>
            </ActionForm>
          ) : null}
        </div>
      </section>
      {p.form ? (
        <section class="section" aria-labelledby="edit-title">
          <h2 class="section__title" id="edit-title">
            修改草稿
          </h2>
          <ItemForm {...p.form} />
        </section>
      ) : null}
      <section class="section" aria-labelledby="versions-title">
        <h2 class="section__title" id="versions-title">
          版本
        </h2>
        <ol class="revision-list">
          {p.versions.map((v) => (
            <li>
              第{v.number}版：{v.statusLabel}（{v.updatedAt}）
            </li>
          ))}
        </ol>
      </section>
      <section class="section" aria-labelledby="history-title">
        <h2 class="section__title" id="history-title">
          办理记录
        </h2>
        <ol class="revision-list">
          {p.history.map((h) => (
            <li>
              {h.at} {h.actor}：{h.type}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
