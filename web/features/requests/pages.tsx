import type { OfficialDocument as OfficialDocumentShape } from '#domain/requests';
import { OfficialDocument } from '../../views/components/OfficialDocument';
import { DeadlineChip } from '../../views/components/DeadlineChip';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseListPage, CasePage, type CasePageProps, type CaseSection, type ListFilter } from '../case/CasePage';
import { FileLinks, WhyDate } from './parts';
import type { CaseFacts, QueueCaseRow } from './view-model';

const STAFF_REQUESTS = { href: '/staff/requests', label: '依申请公开' };

/** 依申请公开办理队列: sorted by due date, with working days left. */
export function QueuePage(p: { rows: readonly QueueCaseRow[]; filters: readonly ListFilter[]; canRegister: boolean }) {
  return (
    <CaseListPage
      area={STAFF_REQUESTS}
      heading="依申请公开办理"
      actions={p.canRegister ? [{ href: '/staff/requests/new', label: '登记申请' }] : []}
      filters={{ fields: p.filters }}
      table={{ id: 'requests', caption: `申请（共 ${p.rows.length} 件，按答复期限排序）`, idHeader: '申请编号', dueHeader: '答复期限', empty: '没有符合条件的申请' }}
      columns={[
        {
          header: '所需信息',
          cell: (r) => (
            <>
              {r.subject}
              {r.duplicates > 0 ? <span class="data-table__sub">可能重复（{r.duplicates}）</span> : null}
            </>
          ),
        },
        { header: '申请人', cell: (r) => r.applicant },
        { header: '承办人', cell: (r) => r.handler },
      ]}
      rows={p.rows}
    />
  );
}

export type RequestCasePageProps = CaseFacts & Pick<CasePageProps, 'steps' | 'version' | 'failed' | 'refusal' | 'flash'> & { revealed?: string };

/** The staff case page (the one CasePage of every case type): deadline and why, facts, applicant, answer, timeline, steps. */
export function RequestCasePage({
  deadline,
  deadlineNote,
  explanation,
  facts,
  applicant,
  revealed,
  duplicates,
  sameInformation,
  attachments,
  supplementReplies,
  notices,
  letter,
  review,
  reReview,
  ...p
}: RequestCasePageProps) {
  const sections: CaseSection[] = [
    {
      title: '答复期限',
      id: 'deadline',
      children: (
        <>
          {deadline ? <DeadlineChip {...deadline} /> : <p class="muted">{deadlineNote ?? '当前没有正在计算的答复期限。'}</p>}
          <WhyDate lines={explanation} />
        </>
      ),
    },
    { title: '申请内容', id: 'facts', rows: facts },
    { title: '申请人', id: 'applicant', rows: applicant },
    {
      title: '完整证件号码（本次查看已记录）',
      children: revealed ? (
        <p>
          <strong>{revealed}</strong>
        </p>
      ) : null,
    },
    {
      title: '可能的重复申请（仅提示）',
      children: duplicates.length ? (
        <ul>
          {duplicates.map((d) => (
            <li>
              <a href={d.href}>{d.trackingNumber}</a>（相似度 {d.similarity}）
            </li>
          ))}
        </ul>
      ) : null,
    },
    {
      title: '其他申请人申请相同政府信息（条例第四十四条第一款）',
      id: 'same-information',
      children: sameInformation.matches.length ? (
        <>
          <p>
            共 {sameInformation.applicants} 位申请人申请了相同或相近的政府信息（仅提示，请核实是否为同一信息）。
            {sameInformation.reached ? '该信息属于可以公开的，可以纳入主动公开范围：答复公开后可“提请转为主动公开”。' : null}
          </p>
          <ul>
            {sameInformation.matches.map((m) => (
              <li>
                <a href={m.href}>{m.trackingNumber}</a>（{m.note}）
              </li>
            ))}
          </ul>
        </>
      ) : null,
    },
    { title: '附件', children: attachments.length ? <FileLinks files={attachments} /> : null },
    {
      title: '申请人补正',
      children: supplementReplies.length
        ? supplementReplies.map((r) => (
            <blockquote class="supplement-reply">
              <p class="small muted">{r.receivedAt}</p>
              <p>{r.text}</p>
            </blockquote>
          ))
        : null,
    },
    { title: '不予公开信息定期评估审查', id: 're-review', rows: reReview },
    {
      title: '程序性告知书',
      id: 'notices',
      children: notices.length ? (
        <ul>
          {notices.map((n) => (
            <li>
              <a href={n.href}>{n.title}</a>：{n.reviewHref ? <a href={n.reviewHref}>{n.state}</a> : n.state}
            </li>
          ))}
        </ul>
      ) : null,
    },
    {
      title: '答复',
      children:
        letter || review ? (
          <ul>
            {letter ? (
              <li>
                <a href={letter.href}>{letter.title}</a>（打印版）
              </li>
            ) : null}
            {review ? (
              <li>
                保密审查：<a href={review.href}>{review.label}</a>
              </li>
            ) : null}
          </ul>
        ) : null,
    },
  ];
  return <CasePage area={STAFF_REQUESTS} noun="申请" heading={`申请 ${p.id}`} sections={sections} {...p} />;
}

/** A signed document of the case (the answer letter, a procedural notice) as printed for the seal, with its Word and PDF downloads. */
export function SignedDocumentPage(p: { trackingNumber: string; documentId: string; document: OfficialDocumentShape; draft: boolean }) {
  const tn = encodeURIComponent(p.trackingNumber);
  return (
    <Layout
      title={p.document.title}
      section="staff"
      navHref="/staff/requests"
      breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, STAFF_REQUESTS, { href: `/staff/requests/${tn}`, label: p.trackingNumber }, { label: p.document.title }]}
    >
      {p.draft ? <p class="no-print notice notice--warning">本文书尚未送达（草稿），以经保密审查后送达的版本为准。</p> : null}
      <p class="no-print">
        <a href={`/staff/requests/${tn}/documents/${encodeURIComponent(p.documentId)}.docx`}>下载 Word 文档（用于用印）</a>
        {'　'}
        <a href={`/staff/requests/${tn}/documents/${encodeURIComponent(p.documentId)}.pdf`}>下载 PDF（已嵌入字体）</a>
      </p>
      <OfficialDocument doc={p.document} />
    </Layout>
  );
}
