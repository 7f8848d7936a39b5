/** One entry of an Atom 1.0 feed (RFC 4287). */
export interface AtomEntry {
  /** A permanent, unique IRI: urn:uuid:<id>. */
  id: string;
  title: string;
  /** The text as HTML; the feed carries it escaped (`type="html"`, RFC 4287 3.1.1.2). */
  html: string;
  updated: Date;
  published: Date | null;
  /** Where more is read on the web, if anywhere. */
  link: string | null;
  categories: string[];
  language: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address (rel="self"). */
  self: string;
  /** The site it belongs to (rel="alternate"). */
  home: string;
  author: string;
  updated: Date;
  entries: AtomEntry[];
}

/**
 * XML text: the five special characters escaped and characters XML 1.0 does not allow
 * dropped, so no text a user wrote can break the document.
 */
function xml(text: string): string {
  let allowed = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const ok =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (ok) allowed += ch;
  }
  return allowed
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An Atom 1.0 feed document. */
export function writeAtom(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (e) => `  <entry xml:lang="${xml(e.language)}">
    <id>${xml(e.id)}</id>
    <title type="text">${xml(e.title)}</title>
${
  e.link
    ? `    <link rel="alternate" href="${xml(e.link)}"/>
`
    : ''
}    <updated>${e.updated.toISOString()}</updated>
${e.published ? `    <published>${e.published.toISOString()}</published>\n` : ''}${e.categories
      .map((c) => `    <category term="${xml(c)}"/>\n`)
      .join('')}    <content type="html">${xml(e.html)}</content>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fi">
  <id>${xml(feed.id)}</id>
  <title type="text">${xml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>
  <link rel="alternate" href="${xml(feed.home)}"/>
  <author><name>${xml(feed.author)}</name></author>
  <updated>${feed.updated.toISOString()}</updated>
${entries.join('')}</feed>
`;
}
