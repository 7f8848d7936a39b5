/**
 * JSON that a page may put inside `<script type="application/ld+json">` as it is: `<`, `>`
 * and `&` written as \u escapes, so no text in it (an event titled `</script><script>…`)
 * can end the script element or open a comment, and U+2028 and U+2029 escaped, which older
 * JavaScript parsers took for line ends. Every JSON parser reads the same values back.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
