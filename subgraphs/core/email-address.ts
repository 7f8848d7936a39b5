import { domainToASCII } from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';

/** A dot-atom local part (RFC 5322 §3.2.3), lower-cased: no quoting, no comments. */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * One canonical form for an e-mail address, or null when the text is not one address:
 * parsed as mail software parses it (nodemailer's address parser), so `x<a@b.example>`,
 * `a@b.example(c)`, `A@B.Example` and `a@b.example.` are the one mailbox `a@b.example`
 * they reach, stored and limited as one. The domain is in its ASCII (IDNA) form.
 */
export function canonicalEmail(text: string): string | null {
  const parsed = addressparser(text, { flatten: true });
  if (parsed.length !== 1) return null;
  const address = parsed[0].address.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = domainToASCII(address.slice(at + 1).replace(/\.$/, ''));
  const labels = domain.split('.');
  if (!LOCAL.test(local) || local.length > 64) return null;
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  const canonical = `${local}@${domain}`;
  return canonical.length <= 254 ? canonical : null;
}
