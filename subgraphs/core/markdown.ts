import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/**
 * The Markdown staff write in announcements and guides, as people read it: HTML for feeds
 * and the HTML part of mails, clean text for the text part. CommonMark by markdown-it, with
 * raw HTML off (text a user typed never becomes markup) and markdown-it's own link check
 * (no `javascript:` or `data:` links); bare addresses become links.
 */
const markdown = new MarkdownIt('commonmark', { html: false, linkify: true, breaks: true }).enable(
  'linkify',
);

/** Text as HTML character data or an attribute value. */
export function escapeHtml(text: string): string {
  return markdown.utils.escapeHtml(text);
}

/** Safe HTML of a Markdown text. */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

/**
 * The text a reader sees, without Markdown's marks: emphasis and headings as plain words,
 * list items with their bullets, a link as its text with the address after it.
 */
export function markdownToText(source: string): string {
  const out: string[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          ordered: token.type === 'ordered_list_open',
          next: Number(token.attrGet('start') ?? 1),
        });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) out.push('\n');
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        out.push(`${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.next++}.` : '-'} `);
        break;
      }
      case 'inline':
        out.push(inlineText(token.children ?? []));
        break;
      case 'paragraph_close':
        // Inside a list item a paragraph ends its line; elsewhere a blank line follows.
        out.push(lists.length > 0 ? '\n' : '\n\n');
        break;
      case 'heading_close':
        out.push('\n\n');
        break;
      case 'fence':
      case 'code_block':
        out.push(`${token.content}\n`);
        break;
      case 'hr':
        out.push('---\n\n');
        break;
    }
  }
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function inlineText(tokens: Token[]): string {
  let text = '';
  let link: { href: string; from: number } | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'image':
        text += token.content;
        break;
      case 'link_open':
        link = { href: token.attrGet('href') ?? '', from: text.length };
        break;
      case 'link_close':
        // A bare address is its own text; a named link keeps its address after the name.
        if (
          link &&
          link.href &&
          !link.href.endsWith(text.slice(link.from).replace(/^mailto:/, ''))
        ) {
          text += ` (${link.href.replace(/^mailto:/, '')})`;
        }
        link = null;
        break;
    }
  }
  return text;
}
