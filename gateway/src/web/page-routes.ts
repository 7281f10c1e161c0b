import type { GatewaySettings } from '@federess/config';
import { GRAPHIQL_ASSETS, graphiqlPage } from '@federess/graphiql-page';
import type { Route } from '@federess/server-kit';
import { WIDGET_BUNDLE } from '@federess/widget';
import { staticFile } from './static-file';

const TITLE = 'FédérESS — passerelle nationale';

/**
 * What the gateway serves to browsers besides `/graphql`: the agenda widget for partner sites, and
 * GraphiQL at `/` (with its bundle) unless hidden (`FEDERESS_GRAPHIQL`, off in production).
 */
export function pageRoutes(
  settings: Pick<GatewaySettings, 'graphiql'>,
  routes: Readonly<Record<string, Route>>,
): { routes: Record<string, Route>; page: Route | false } {
  const widget = { '/widget/agenda.js': staticFile(WIDGET_BUNDLE, 'text/javascript; charset=utf-8') };
  if (!settings.graphiql) return { routes: { ...routes, ...widget }, page: false };
  const html = graphiqlPage(TITLE);
  return {
    routes: {
      ...routes,
      ...widget,
      '/graphiql/graphiql.js': staticFile(GRAPHIQL_ASSETS.script, 'text/javascript; charset=utf-8'),
      '/graphiql/graphiql.css': staticFile(GRAPHIQL_ASSETS.stylesheet, 'text/css; charset=utf-8'),
    },
    page: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      res.end(html);
    },
  };
}
