/**
 * RFC 4180 CSV, written the same way by every export. A text that a spreadsheet would run
 * as a formula (=, +, -, @ first) gets a leading apostrophe: an export must not execute
 * on an analyst's machine.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text with CRLF line ends, the last line ended too. */
export function toCsvText(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
