/**
 * CSV, written the same way by every export. A text that a spreadsheet would run as a
 * formula (=, +, -, @ first) gets a leading apostrophe: an export must not execute on an
 * analyst's machine.
 *
 * Two dialects: RFC 4180 (`,`, the standard formats such as 360Giving's CSV keep it), and
 * what a spreadsheet in a Finnish locale opens right with a double click (issue 30, item 6):
 * a UTF-8 byte order mark (without it Excel reads ä and ö as two characters each), `;`
 * between fields (its list separator) and a decimal comma in amounts.
 */
export interface CsvDialect {
  separator: ',' | ';';
  byteOrderMark: boolean;
  decimalComma: boolean;
}

export const RFC_4180: CsvDialect = Object.freeze({
  separator: ',',
  byteOrderMark: false,
  decimalComma: false,
});

export const SPREADSHEET_FI: CsvDialect = Object.freeze({
  separator: ';',
  byteOrderMark: true,
  decimalComma: true,
});

/** A cell: text, a number, or a decimal amount as stored ("1500.50"). */
export type CsvCell = string | number | { decimal: string };

export function csvField(value: CsvCell, dialect: CsvDialect = RFC_4180): string {
  let text: string;
  if (typeof value === 'object') {
    text = dialect.decimalComma ? value.decimal.replace('.', ',') : value.decimal;
  } else {
    text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  }
  const special = dialect.separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text with CRLF line ends, the last line ended too. */
export function toCsvText(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  dialect: CsvDialect = RFC_4180,
): string {
  const lines = [header, ...rows].map((row) =>
    row.map((cell) => csvField(cell, dialect)).join(dialect.separator),
  );
  return (dialect.byteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
