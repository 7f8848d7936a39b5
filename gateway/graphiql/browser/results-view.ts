import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { createElement as h, useEffect, useMemo, useState } from 'react';
import { SPREADSHEET_FI } from '../../../subgraphs/core/csv';
import {
  chartSpec,
  type ChartSpec,
  resultsTable,
  rowLabel,
  tableCsv,
  type ResultsTable,
} from './results-table';

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 12, right: 12, bottom: 72, left: 64 };
/** Series colours, distinguishable in print and for the common colour vision deficiencies. */
const PALETTE = ['#1f6feb', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0b7285', '#c2255c'];

/** The answer in the response editor, kept current as queries run. */
function useAnswer(): unknown {
  const { responseEditor } = useEditorContext({ nonNull: true });
  const [text, setText] = useState(() => responseEditor?.getValue() ?? '');
  useEffect(() => {
    if (!responseEditor) return undefined;
    const changed = () => setText(responseEditor.getValue());
    changed();
    responseEditor.on('change', changed);
    return () => responseEditor.off('change', changed);
  }, [responseEditor]);
  return useMemo(() => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }, [text]);
}

const distinct = (values: string[]) => [...new Set(values)];

/**
 * One figure per row: bars, a line over time within one group, or grouped bars (clusters
 * along the time or the inner list's key, a coloured bar per series, with a legend).
 */
function Chart(props: { table: ResultsTable; spec: ChartSpec; measure: string }) {
  const { table, spec, measure } = props;
  const values = table.rows.map((r) => Number(r[measure] ?? 0));
  const max = Math.max(...values, 0) || 1;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - (v / max) * plotH;
  const clusterOf = (i: number) =>
    spec.kind === 'grouped' ? rowLabel(table.rows[i], [spec.cluster!]) : String(i);
  const seriesOf = (i: number) =>
    spec.kind === 'grouped' ? rowLabel(table.rows[i], spec.series!) : '';
  const clusters = distinct(table.rows.map((_, i) => clusterOf(i)));
  const series = distinct(table.rows.map((_, i) => seriesOf(i)));
  const step = plotW / clusters.length;
  const barW = (step * 0.8) / series.length;
  const colour = (i: number) => PALETTE[series.indexOf(seriesOf(i)) % PALETTE.length];
  const left = (i: number) =>
    MARGIN.left +
    clusters.indexOf(clusterOf(i)) * step +
    step * 0.1 +
    series.indexOf(seriesOf(i)) * barW;
  const centre = (i: number) => MARGIN.left + clusters.indexOf(clusterOf(i)) * step + step / 2;
  const marks =
    spec.kind === 'line'
      ? [
          h('polyline', {
            key: 'line',
            points: values.map((v, i) => `${centre(i)},${y(v)}`).join(' '),
            fill: 'none',
            stroke: PALETTE[0],
            strokeWidth: 2,
          }),
          ...values.map((v, i) =>
            h('circle', {
              key: `p${i}`,
              className: 'hub-mark',
              cx: centre(i),
              cy: y(v),
              r: 3,
              fill: PALETTE[0],
            }),
          ),
        ]
      : values.map((v, i) =>
          h(
            'rect',
            {
              key: `b${i}`,
              className: 'hub-mark',
              x: left(i),
              y: y(v),
              width: Math.max(1, barW * 0.9),
              height: Math.max(0, MARGIN.top + plotH - y(v)),
              fill: colour(i),
            },
            h('title', null, `${rowLabel(table.rows[i], spec.labels)}: ${v}`),
          ),
        );
  const ticks = [0, 0.5, 1].map((f) =>
    h('g', { key: `t${f}` }, [
      h('line', {
        key: 'l',
        x1: MARGIN.left - 4,
        x2: MARGIN.left + plotW,
        y1: y(max * f),
        y2: y(max * f),
        stroke: '#ccc',
      }),
      h(
        'text',
        { key: 't', x: MARGIN.left - 6, y: y(max * f) + 4, textAnchor: 'end', fontSize: 10 },
        (max * f).toLocaleString('fi-FI', { maximumFractionDigits: 2 }),
      ),
    ]),
  );
  // Under each cluster its name; for plain bars and lines, each row's own labels.
  const names = (
    spec.kind === 'grouped' ? clusters : table.rows.map((row) => rowLabel(row, spec.labels))
  ).map((name, i) =>
    h(
      'text',
      {
        key: `n${i}`,
        transform: `translate(${MARGIN.left + i * step + step / 2},${MARGIN.top + plotH + 8}) rotate(40)`,
        fontSize: 10,
      },
      name.slice(0, 32),
    ),
  );
  const svg = h(
    'svg',
    {
      key: 'svg',
      className: 'hub-chart',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: '100%',
      style: { maxWidth: WIDTH * 1.5 },
      role: 'img',
      'aria-label': `${measure} by ${spec.labels.join(', ')}`,
    },
    [...ticks, ...marks, ...names],
  );
  if (spec.kind !== 'grouped') return svg;
  const legend = h(
    'ul',
    {
      key: 'legend',
      className: 'hub-legend',
      style: { display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 },
    },
    series.map((name, i) =>
      h(
        'li',
        { key: name, style: { display: 'flex', alignItems: 'center', gap: 4, fontSize: 12 } },
        [
          h('span', {
            key: 's',
            style: { width: 10, height: 10, background: PALETTE[i % PALETTE.length] },
          }),
          name,
        ],
      ),
    ),
  );
  return h('div', null, [svg, legend]);
}

/** Downloads text as a file, from the page itself (no request leaves it). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * The last answer as a table and a chart: the first list in it (statistics' `groups`),
 * each row's keys as labels and a chosen figure drawn as bars (or a line over months and
 * years), with the table as CSV to download.
 */
function ResultsView() {
  const answer = useAnswer();
  const table = useMemo(() => resultsTable(answer), [answer]);
  const spec = useMemo(() => (table ? chartSpec(table) : null), [table]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!table || !spec) {
    return h(
      'div',
      { className: 'hub-results' },
      'Run a query whose answer has a list (e.g. the analysts’ statistics tabs) to see it here as a table and a chart.',
    );
  }
  const measure = chosen && spec.measures.includes(chosen) ? chosen : spec.measures[0];
  return h('div', { className: 'hub-results', style: { overflow: 'auto', padding: 8 } }, [
    h(
      'div',
      { key: 'bar', style: { display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 } },
      [
        h('strong', { key: 'p' }, table.path),
        spec.measures.length > 0 &&
          h(
            'select',
            {
              key: 's',
              'aria-label': 'Figure to draw',
              value: measure,
              onChange: (e: { target: { value: string } }) => setChosen(e.target.value),
            },
            spec.measures.map((m) => h('option', { key: m, value: m }, m)),
          ),
        h(
          'button',
          {
            key: 'c',
            type: 'button',
            className: 'hub-csv',
            onClick: () => download(`${table.path}.csv`, tableCsv(table)),
          },
          'Download CSV',
        ),
        h(
          'button',
          {
            key: 'x',
            type: 'button',
            className: 'hub-csv-fi',
            title:
              'For Excel or LibreOffice in a Finnish locale: a byte order mark and ; between fields',
            onClick: () => download(`${table.path}.fi.csv`, tableCsv(table, SPREADSHEET_FI)),
          },
          'CSV for Excel (fi)',
        ),
      ],
    ),
    measure && h(Chart, { key: 'chart', table, spec, measure }),
    h(
      'table',
      {
        key: 'table',
        className: 'hub-table',
        style: { borderCollapse: 'collapse', fontSize: 12, marginTop: 8 },
      },
      [
        h(
          'thead',
          { key: 'h' },
          h(
            'tr',
            null,
            table.columns.map((c) =>
              h(
                'th',
                {
                  key: c,
                  style: { textAlign: 'left', borderBottom: '1px solid #999', padding: '2px 6px' },
                },
                c,
              ),
            ),
          ),
        ),
        h(
          'tbody',
          { key: 'b' },
          table.rows.slice(0, 500).map((row, i) =>
            h(
              'tr',
              { key: i },
              table.columns.map((c) =>
                h('td', { key: c, style: { padding: '2px 6px' } }, row[c] ?? ''),
              ),
            ),
          ),
        ),
      ],
    ),
  ]);
}

function TableIcon() {
  return h('svg', { viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': true }, [
    h('rect', { key: 'a', x: 3, y: 12, width: 4, height: 9, fill: 'currentColor' }),
    h('rect', { key: 'b', x: 10, y: 6, width: 4, height: 15, fill: 'currentColor' }),
    h('rect', { key: 'c', x: 17, y: 9, width: 4, height: 12, fill: 'currentColor' }),
  ]);
}

export const resultsViewPlugin: GraphiQLPlugin = {
  title: 'Results as table and chart',
  icon: TableIcon,
  content: ResultsView,
};
