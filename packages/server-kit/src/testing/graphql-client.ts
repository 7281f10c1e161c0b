/** A GraphQL error as a test reads it from a response body. */
export interface GraphQLErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly locations?: readonly { readonly line: number; readonly column: number }[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** A GraphQL response body; `TData` is the shape of `data` for the operation sent. */
export interface GraphQLBody<TData = unknown> {
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLErrorBody[];
}

/** POSTs one operation over HTTP, as a client would, and returns the status and the parsed body. */
export async function graphqlRequest<TData = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody<TData> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody<TData> };
}

/** The data of a response, failing loudly with its errors when there are some (or no data at all). */
export function dataOf<TData>(body: GraphQLBody<TData>): TData {
  if (body.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(body.errors)}`);
  if (body.data === undefined || body.data === null) throw new Error(`No data in ${JSON.stringify(body)}`);
  return body.data;
}

/** The codes of a response's errors, in order (none: an empty list). */
export const codesOf = (body: GraphQLBody): (string | undefined)[] => (body.errors ?? []).map((error) => error.extensions?.code);

/** The code of a response's first error, failing loudly when there is none. */
export function codeOf(body: GraphQLBody): string | undefined {
  if (!body.errors?.length) throw new Error(`Expected an error, got data ${JSON.stringify(body.data)}`);
  return body.errors[0]!.extensions?.code;
}

/** A Relay connection as tests read it. */
export interface Connection<TNode> {
  readonly totalCount: number;
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly edges: readonly { readonly cursor: string; readonly node: TNode }[];
}

/** The nodes of a connection, in order. */
export const nodes = <TNode>(connection: Pick<Connection<TNode>, 'edges'>): TNode[] => connection.edges.map((edge) => edge.node);

/** The first of `values`, which the test expects there: a missing one fails it, naming `what`. */
export function firstOf<T>(values: readonly T[], what: string): T {
  const [first] = values;
  if (first === undefined) throw new Error(`Expected at least one ${what}, got none`);
  return first;
}
