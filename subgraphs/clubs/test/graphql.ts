import { entetes, type Qui } from './jetons';

/** POSTs one GraphQL operation to a test server as `qui` (anonymous by default) and returns its JSON body. */
export async function post(url: string, query: string, variables: Record<string, unknown> = {}, qui: Qui = null) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await entetes(qui)) },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string; champ?: string } }[] };
}
