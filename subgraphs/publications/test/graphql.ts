import { entetes, type Qui } from './jetons';

/** A GraphQL response as the tests read it. */
export interface Reponse {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs one operation as `qui` (anonymous by default). */
export async function post(url: string, query: string, variables: Record<string, unknown> = {}, qui: Qui = null): Promise<Reponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await entetes(qui)) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Reponse;
}

/** The code of a response's first error. */
export const codeOf = (reponse: Reponse): string | undefined => reponse.errors?.[0]?.extensions?.code;

/** The nodes of a connection. */
export const nodes = <T = any>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);
