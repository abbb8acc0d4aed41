import type { OfficialDocument as Doc } from '#domain/requests';

/** A signed document laid out for A4 print (GB/T 9704: 标题, 发文字号, 主送, 正文, 落款, 成文日期). */
export function OfficialDocument({ doc, id, nested = false }: { doc: Doc; id?: string; nested?: boolean }) {
  // Its own page's heading, or a section's on a page that has one (the tracking page).
  const title = nested ? <h3 class="letter__title">{doc.title}</h3> : <h1 class="letter__title">{doc.title}</h1>;
  return (
    <article class="letter" id={id}>
      {title}
      <p class="letter__number">{doc.number}</p>
      <p class="letter__salutation">{doc.addressee}</p>
      {doc.paragraphs.map((x) => (
        <p class="letter__para">{x}</p>
      ))}
      <p class="letter__basis small">法律依据：{doc.legalBasis.join('；')}</p>
      <p class="letter__signature">{doc.signature}</p>
      <p class="letter__date">{doc.date}</p>
    </article>
  );
}
