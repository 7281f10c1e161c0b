import { pageRoutes } from '../../src/web/page-routes';

describe("the gateway's pages", () => {
  it('serve GraphiQL at / with its own bundle when turned on', () => {
    const { routes, page } = pageRoutes({ graphiql: true }, {});
    expect(Object.keys(routes).sort()).toEqual(['/graphiql/graphiql.css', '/graphiql/graphiql.js', '/widget/agenda.js']);
    expect(page).not.toBe(false);
  });

  it('hide GraphiQL when turned off (production), keeping the widget', () => {
    const { routes, page } = pageRoutes({ graphiql: false }, {});
    expect(Object.keys(routes)).toEqual(['/widget/agenda.js']);
    expect(page).toBe(false);
  });
});
