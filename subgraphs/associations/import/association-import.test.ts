import { associationsSubgraph } from '../associations.subgraph';
import { makeCategory, testBusinessId } from '../../../tests/factories/associations.factory';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database';
import type { DataSource } from 'typeorm';
import { helsinkiYear } from '../../core/time';
import { parseCsv, parseCsvRows, parseImportFile } from './association-import.parser';
import { AssociationImportService } from './association-import.service';

const ids = { a: testBusinessId(), b: testBusinessId() };

/** Semicolons, as Finnish Excel saves CSV; a quoted field with a newline and a quote in it. */
const CSV = [
  'name_fi;name_sv;kind;municipality_code;business_id;register_number;founded_year;languages;categories;street;postal_code;city;description_fi',
  `Lahden Soutajat ry;Lahtis roddare rf;REGISTERED_ASSOCIATION;398;${ids.a};;1987;fi|sv;sports;Satamakatu 1;15140;Lahti;"Soutua ja melontaa.\nKesäisin ""Vesijärvellä""."`,
  'Hollolan Laulajat ry;;;098;;201.345;1950;fi;culture;;;;',
  'Virheellinen Tunnus ry;;;398;1234567-8;;;fi;;;;;',
  ';;;398;;300111;;;;;;;',
  'Tuntematon Kategoria ry;;;398;;300222;;;knitting;;;;',
  'Ei Tunnusta ry;;;398;;;;;;;;;',
  'Tulevaisuuden Seura ry;;;398;;300333;2999;;;;;;',
  `Kansainvälinen Kuoro ry;;FOUNDATION;111;${ids.b};;vanha;en;culture;;;;`,
].join('\r\n');

describe(AssociationImportService.name, () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(associationsSubgraph);
    await makeCategory(db, { slug: 'sports' });
    await makeCategory(db, { slug: 'culture' });
  });

  afterAll(() => database.drop());

  async function snapshot(): Promise<Array<Record<string, unknown>>> {
    return db.query(
      `SELECT name, kind, municipality_code, business_id, register_number, founded_year, languages, address, description, updated_at,
              ARRAY(SELECT c.slug FROM associations.association_category ac JOIN associations.category c ON c.id = ac.category_id WHERE ac.association_id = a.id) AS categories
         FROM associations.association a ORDER BY name_sort`,
    );
  }

  it('keeps good rows, reports bad ones by line and reason, and is idempotent', async () => {
    // Line numbers are the file's: the quoted newline in row 2 pushes later rows down one.
    const service = new AssociationImportService(db);
    const progress: number[] = [];
    const first = await service.run(parseImportFile('x.csv', CSV), {
      onProgress: (done) => progress.push(done),
    });
    expect(first).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [
        { line: 5, reasons: ['businessId: 1234567-8 has a wrong check digit'] },
        { line: 6, reasons: ['name.fi: must not be empty'] },
        { line: 7, reasons: ['categories: no category "knitting"'] },
        {
          line: 8,
          reasons: [
            'business_id or register_number is required: without one the row cannot be matched on the next run',
          ],
        },
        {
          line: 9,
          reasons: [
            `foundedYear: must not be in the future (it is ${helsinkiYear(new Date())} now)`,
          ],
        },
        { line: 10, reasons: ['founded_year: must be a whole number, got "vanha"'] },
      ],
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const written = await snapshot();
    expect(written.map((r) => [r.name, r.register_number, r.categories])).toEqual([
      [{ fi: 'Hollolan Laulajat ry' }, '201345', ['culture']],
      [{ fi: 'Lahden Soutajat ry', sv: 'Lahtis roddare rf' }, null, ['sports']],
    ]);
    expect(written[1]).toMatchObject({
      languages: ['fi', 'sv'],
      address: { street: 'Satamakatu 1', postalCode: '15140', city: 'Lahti' },
      description: { fi: 'Soutua ja melontaa.\nKesäisin "Vesijärvellä".' },
    });

    const second = await service.run(parseImportFile('x.csv', CSV));
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // Nothing was rewritten: not even updatedAt moved.
    expect(await snapshot()).toEqual(written);

    const changed = CSV.replace(
      'Hollolan Laulajat ry;;;098;;201.345;1950',
      'Hollolan Laulajat ry;;;098;;201345;1951',
    );
    const third = await service.run(parseImportFile('x.csv', changed));
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('reads JSON in the GraphQL input shape and matches by business ID', async () => {
    const json = JSON.stringify([
      {
        name: { fi: 'Lahden Soutajat ry', en: 'Lahti Rowers' },
        businessId: ids.a,
        municipalityCode: '398',
        categories: ['sports'],
      },
      'not an object',
    ]);
    const report = await new AssociationImportService(db).run(parseImportFile('x.json', json));
    expect(report.updated).toBe(1);
    expect(report.rejected[0]).toMatchObject({ line: 2 });
    const rows: Array<{ name: unknown }> = await db.query(
      'SELECT name FROM associations.association WHERE business_id = $1',
      [ids.a],
    );
    expect(rows).toEqual([{ name: { fi: 'Lahden Soutajat ry', en: 'Lahti Rowers' } }]);
  });
});

describe(parseCsvRows.name, () => {
  it('reads quotes, doubled quotes, newlines in fields and CRLF, keeping start lines', () => {
    expect(parseCsvRows('a,b\r\n"x, ""y""","1\n2"\n\nlast,row')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', '1\n2'] },
      { line: 5, fields: ['last', 'row'] },
    ]);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow('line 2: a quoted field is never closed');
  });
});
