import { canonicalEmail } from './email-address';

describe(canonicalEmail.name, () => {
  it('reads the forms that reach one mailbox as that one mailbox', () => {
    for (const form of [
      'victim@other.example',
      'x<victim@other.example>',
      'victim@other.example(c)',
      'Victim Person <VICTIM@Other.Example>',
      ' victim@other.example. ',
    ]) {
      expect(canonicalEmail(form)).toBe('victim@other.example');
    }
    // The IDNA example everyone quotes (RFC 3492's punycode of "bücher").
    expect(canonicalEmail('matti@Bücher.example')).toBe('matti@xn--bcher-kva.example');
  });

  it('refuses what is not exactly one address', () => {
    for (const text of [
      'a@b.example, c@d.example',
      'no-at-sign',
      '"a b"@x.example',
      'a@localhost',
      'a..b@x.example',
      '@x.example',
    ]) {
      expect(canonicalEmail(text)).toBeNull();
    }
  });
});
