import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';

export interface LetterPageProps {
  trackingNumber: string;
  letter: { title: string; number: string; salutation: string; paragraphs: readonly { text: string }[]; remedies: string; legalBasis: readonly string[]; signature: string; date: string };
  draftNotice?: string;
}

/** The answer letter (告知书) as a formal, printable letter. */
export function LetterPage(p: LetterPageProps) {
  const l = p.letter;
  return (
    <Layout
      title={l.title}
      section="staff"
      navHref="/staff/requests"
      breadcrumbs={[
        { href: ROUTES.staffHome, label: '工作台' },
        { href: '/staff/requests', label: '依申请公开' },
        { href: `/staff/requests/${p.trackingNumber}`, label: p.trackingNumber },
        { label: '告知书' },
      ]}
    >
      {p.draftNotice ? <p class="no-print notice notice--warning">{p.draftNotice}</p> : null}
      <article class="letter">
        <h1 class="letter__title">{l.title}</h1>
        <p class="letter__number">{l.number}</p>
        <p class="letter__salutation">{l.salutation}</p>
        {l.paragraphs.map((x) => (
          <p class="letter__para">{x.text}</p>
        ))}
        <p class="letter__para">{l.remedies}</p>
        <p class="letter__basis small">法律依据：{l.legalBasis.join('；')}</p>
        <p class="letter__signature">{l.signature}</p>
        <p class="letter__date">{l.date}</p>
      </article>
    </Layout>
  );
}
