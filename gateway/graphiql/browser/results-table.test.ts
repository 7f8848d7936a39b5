import { parse } from 'csv-parse/sync';
import { chartSpec, resultsTable, rowLabel, tableCsv } from './results-table';

const answer = {
  data: {
    grantStatistics: {
      groups: [
        {
          year: 2025,
          serviceArea: { name: { fi: 'Liikunta' } },
          awardedTotal: { amount: '120.50' },
          applicationCount: 3,
        },
        { year: 2026, serviceArea: null, awardedTotal: { amount: '80.00' }, applicationCount: 1 },
      ],
      total: { applicationCount: 4 },
    },
  },
};

describe(resultsTable.name, () => {
  it('flattens the first list of objects into columns of leaf fields', () => {
    expect(resultsTable(answer)).toEqual({
      path: 'grantStatistics.groups',
      columns: [
        'year',
        'serviceArea.name.fi',
        'awardedTotal.amount',
        'applicationCount',
        'serviceArea',
      ],
      rows: [
        {
          year: 2025,
          'serviceArea.name.fi': 'Liikunta',
          'awardedTotal.amount': '120.50',
          applicationCount: 3,
        },
        { year: 2026, serviceArea: null, 'awardedTotal.amount': '80.00', applicationCount: 1 },
      ],
    });
    expect(resultsTable({ data: { serviceAreas: [] } })).toBeNull();
    expect(resultsTable({ errors: [{ message: 'x' }] })).toBeNull();
  });

  it('draws figures of two keys as grouped bars, never a line from one group into another', () => {
    const table = resultsTable(answer)!;
    expect(chartSpec(table)).toEqual({
      labels: ['year', 'serviceArea.name.fi'],
      measures: ['awardedTotal.amount', 'applicationCount'],
      kind: 'grouped',
      cluster: 'year',
      series: ['serviceArea.name.fi'],
    });
    expect(rowLabel(table.rows[0], ['year', 'serviceArea.name.fi'])).toBe('2025 · Liikunta');
  });

  it('draws a line only over time within one group', () => {
    const oneArea = {
      data: {
        grantStatistics: {
          groups: [2024, 2025, 2026].map((year) => ({
            year,
            serviceArea: { name: { fi: 'Kulttuuri' } },
            applicationCount: year - 2020,
          })),
        },
      },
    };
    expect(chartSpec(resultsTable(oneArea)!).kind).toBe('line');
  });

  it('makes an indicator series a table of periods and values, a line for one indicator and grouped bars for two', () => {
    const indicator = (fi: string, values: number[]) => ({
      id: `0f8d2c1e-1111-4a5b-9c3d-${fi.length.toString().padStart(12, '0')}`,
      name: { fi },
      values: values.map((value, i) => ({ period: String(2022 + i), value })),
    });
    const one = resultsTable({ data: { indicators: [indicator('Yhdistysillat', [2, 3, 4])] } })!;
    expect(one.child).toBe('values');
    expect(one.rows).toEqual([
      expect.objectContaining({
        'name.fi': 'Yhdistysillat',
        'values.period': '2022',
        'values.value': 2,
      }),
      expect.objectContaining({ 'values.period': '2023', 'values.value': 3 }),
      expect.objectContaining({ 'values.period': '2024', 'values.value': 4 }),
    ]);
    expect(chartSpec(one)).toMatchObject({ kind: 'line', measures: ['values.value'] });
    const two = resultsTable({
      data: {
        indicators: [indicator('Yhdistysillat', [2, 3]), indicator('Avustushakemukset', [40, 52])],
      },
    })!;
    expect(chartSpec(two)).toEqual({
      labels: ['name.fi', 'values.period'],
      measures: ['values.value'],
      kind: 'grouped',
      cluster: 'values.period',
      series: ['name.fi'],
    });
  });

  it('names rows by their names, not their UUIDs', () => {
    const surveys = {
      data: {
        surveys: {
          edges: [
            {
              node: {
                id: '5b1c7a52-0d0e-4c8e-9a51-2f3b8c9d0e1f',
                title: { fi: 'Kevät' },
                responseCount: 12,
              },
            },
            {
              node: {
                id: '7c2d8b63-1e1f-4d9f-8b62-3a4c9d0e1f2a',
                title: { fi: 'Syksy' },
                responseCount: 9,
              },
            },
          ],
        },
      },
    };
    const spec = chartSpec(resultsTable(surveys)!);
    expect(spec.labels).toEqual(['node.title.fi']);
    expect(spec.kind).toBe('bar');
  });

  it('writes CSV that a CSV reader reads back to the same rows', () => {
    const table = resultsTable(answer)!;
    const records = parse(tableCsv(table), { columns: true }) as Array<Record<string, string>>;
    expect(records).toEqual([
      {
        year: '2025',
        'serviceArea.name.fi': 'Liikunta',
        'awardedTotal.amount': '120.50',
        applicationCount: '3',
        serviceArea: '',
      },
      {
        year: '2026',
        'serviceArea.name.fi': '',
        'awardedTotal.amount': '80.00',
        applicationCount: '1',
        serviceArea: '',
      },
    ]);
  });
});
