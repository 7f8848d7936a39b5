/**
 * Reads an association file for the bulk importer: CSV (comma or semicolon separated, as
 * Finnish spreadsheets save it; quotes per RFC 4180) or JSON (an array of objects). Each
 * record keeps the line it started on, so a bad row can be reported where a person can
 * find it. Values stay strings here; the import service checks them.
 */
export interface ImportRecord {
  /** 1-based line of the file where the record starts (JSON: its position in the array). */
  line: number;
  values: Record<string, unknown>;
}

export class ImportFileError extends Error {}

/** Splits CSV text into rows of fields, with the line each row starts on. */
export function parseCsvRows(text: string): Array<{ line: number; fields: string[] }> {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
    i++;
  }
  if (quoted) throw new ImportFileError(`line ${rowLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** A CSV file with a header row: each following row becomes a record keyed by the header. */
export function parseCsv(text: string): ImportRecord[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) throw new ImportFileError('the file is empty');
  const names = header.fields.map((f) => f.trim());
  return rows.map(({ line, fields }) => ({
    line,
    values: Object.fromEntries(
      names.map((name, i) => [name, fields[i] === undefined ? '' : fields[i]]),
    ),
  }));
}

export function parseJson(text: string): ImportRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw new ImportFileError('a JSON import must be an array of objects');
  return parsed.map((values: unknown, i) => ({
    line: i + 1,
    values:
      typeof values === 'object' && values !== null && !Array.isArray(values)
        ? (values as Record<string, unknown>)
        : { __notAnObject: values },
  }));
}

export function parseImportFile(fileName: string, text: string): ImportRecord[] {
  if (/\.json$/i.test(fileName)) return parseJson(text);
  if (/\.csv$/i.test(fileName)) return parseCsv(text);
  throw new ImportFileError(`${fileName}: the importer reads .csv and .json files`);
}
