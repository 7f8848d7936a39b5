import { registerEnumType } from 'type-graphql';
import { type CsvDialect, RFC_4180, SPREADSHEET_FI } from '../csv';

/** Which CSV a field answers with: the standard, or what a Finnish spreadsheet opens. */
export enum CsvFormat {
  RFC_4180 = 'RFC_4180',
  SPREADSHEET_FI = 'SPREADSHEET_FI',
}

registerEnumType(CsvFormat, {
  name: 'CsvFormat',
  description: 'A CSV dialect (core/csv.ts).',
  valuesConfig: {
    RFC_4180: { description: 'RFC 4180: `,` between fields, decimal points, no byte order mark.' },
    SPREADSHEET_FI: {
      description:
        'For Excel or LibreOffice in a Finnish locale, opened with a double click: a UTF-8 byte order mark, `;` between fields, decimal commas.',
    },
  },
});

export const CSV_DIALECTS: Record<CsvFormat, CsvDialect> = {
  [CsvFormat.RFC_4180]: RFC_4180,
  [CsvFormat.SPREADSHEET_FI]: SPREADSHEET_FI,
};
