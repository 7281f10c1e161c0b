import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { createFetcher, type Transport } from './fetcher';

/** What the server put in the page: the examples to open as tabs. */
interface PageConfig {
  readonly examples: readonly { readonly query: string; readonly variables?: string }[];
}

const config = JSON.parse(document.getElementById('federess-config')?.textContent ?? '{"examples":[]}') as PageConfig;
const token = document.getElementById('federess-token') as HTMLInputElement;
const transport = document.getElementById('federess-transport') as HTMLSelectElement;
const fetcher = createFetcher({
  endpoint: new URL('/graphql', window.location.href).toString(),
  token: () => token.value,
  transport: () => transport.value as Transport,
});

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher as never} defaultTabs={config.examples.map((e) => ({ query: e.query, variables: e.variables }))} />,
);
