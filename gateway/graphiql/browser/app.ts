import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { resultsViewPlugin } from './results-view';

/**
 * GraphiQL for the hub, bundled by the project's build: nothing loads from a CDN. The
 * example library opens as tabs, the first one selected; the header editor takes an
 * `Authorization: Bearer …` header for signed-in queries. A sidebar plugin shows the last
 * answer's first list as a table and a chart (results-view.ts).
 */
interface Example {
  audience: string;
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

/** GraphiQL's stored flex of its plugin panel against the editors' 1 (@graphiql/react). */
const PANEL_WIDTH_KEY = 'graphiql:docExplorerFlex';

async function main(): Promise<void> {
  const examples = (await (await fetch('/graphiql/examples.json')).json()) as Example[];
  const root = document.getElementById('graphiql');
  if (!root) throw new Error('The page has no #graphiql element');
  const tabs = examples.map((e) => ({
    query: `# ${e.audience}: ${e.title}\n${e.query}`,
    variables: JSON.stringify(e.variables, null, 2),
    headers: '{}',
  }));
  // The side panel (the results view's charts and tables) opens at about three fifths of the
  // window, not GraphiQL's quarter; once someone drags it, their width is kept.
  if (localStorage.getItem(PANEL_WIDTH_KEY) === null) localStorage.setItem(PANEL_WIDTH_KEY, '1.5');
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher: createGraphiQLFetcher({ url: '/graphql' }),
      defaultTabs: tabs,
      // GraphiQL 3 fills the first tab's variable editor from this prop, not from defaultTabs.
      variables: tabs[0]?.variables,
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      // Statistics answers as a table and a chart, with a CSV download.
      plugins: [resultsViewPlugin],
    }),
  );
}

void main();
