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

  it('draws the figures against the keys, a line over years', () => {
    const table = resultsTable(answer)!;
    expect(chartSpec(table)).toEqual({
      labels: ['year', 'serviceArea.name.fi', 'serviceArea'],
      measures: ['awardedTotal.amount', 'applicationCount'],
      kind: 'line',
    });
    expect(rowLabel(table.rows[0], ['year', 'serviceArea.name.fi'])).toBe('2025 · Liikunta');
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
