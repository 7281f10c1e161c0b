import { readLimitSettings } from '@federess/config';
import { buildSchema, type GraphQLError } from 'graphql';
import { type OperationGateOptions, prepareOperation, type PreparedOperation } from '../src/operation-gate';
import { SMALL_LIMITS } from '../src/testing/small-limits';

const schema = buildSchema(`
  type Query { noeud: Noeud noeuds(first: Int): NoeudConnection! _service: Service! }
  type Subscription { changements(apres: ID): Noeud! }
  type Noeud { nom: String! enfant: Noeud }
  type NoeudConnection { edges: [NoeudEdge!]! }
  type NoeudEdge { node: Noeud! }
  type Service { sdl: String! }
`);

// Depth 4, 80 tokens, cost 400 (see SMALL_LIMITS).
const limits = readLimitSettings(SMALL_LIMITS);
const development: OperationGateOptions = { schema, limits, mode: 'development', trusted: false };
const production: OperationGateOptions = { ...development, mode: 'production' };

const refusals = (result: PreparedOperation | GraphQLError[]): GraphQLError[] => {
  if (!Array.isArray(result)) throw new Error(`expected a refusal, got ${result.operation.operation} ${result.operationName ?? ''}`);
  return result;
};
const codes = (result: PreparedOperation | GraphQLError[]) => refusals(result).map((error) => error.extensions.code);
const prepared = (result: PreparedOperation | GraphQLError[]): PreparedOperation => {
  if (Array.isArray(result)) throw new Error(`expected an operation, got ${result.map((e) => e.message).join('; ')}`);
  return result;
};

describe('the operation gate every transport runs before executing', () => {
  it('lets a valid operation through, parsed once, with its operation and the variables as sent', () => {
    const result = prepared(
      prepareOperation(
        {
          query: 'query A { noeud { nom } } subscription B($apres: ID) { changements(apres: $apres) { nom } }',
          operationName: 'B',
          variables: { apres: '7' },
        },
        development,
      ),
    );
    expect(result.operation.operation).toBe('subscription');
    expect(result.operationName).toBe('B');
    expect(result.variableValues).toEqual({ apres: '7' });
    expect(result.document.definitions).toHaveLength(2);
  });

  it('refuses what is not a request with BAD_REQUEST', () => {
    expect(codes(prepareOperation({ query: 42 }, development))).toEqual(['BAD_REQUEST']);
    expect(codes(prepareOperation({ query: '{ noeud { nom } }', variables: ['a'] }, development))).toEqual(['BAD_REQUEST']);
    expect(codes(prepareOperation({ query: '{ noeud { nom } }', operationName: 3 }, development))).toEqual(['BAD_REQUEST']);
  });

  it('counts tokens before parsing, except for the gateway, and refuses a document that does not parse', () => {
    const long = `{ ${'noeud { nom } '.repeat(20)}}`;
    const [tooLong] = refusals(prepareOperation({ query: long }, development));
    expect(tooLong!.extensions).toEqual({ code: 'TOKEN_LIMIT_EXCEEDED', limit: 80, actual: 81 });
    // The gateway's documents are bounded upstream; this one then fails on its root fields, not its tokens.
    expect(codes(prepareOperation({ query: long }, { ...development, trusted: true }))).toEqual(['ROOT_FIELD_LIMIT_EXCEEDED']);
    expect(codes(prepareOperation({ query: '{ noeud { ' }, development))).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('validates against the schema with the document limits, each with its own code and measure', () => {
    expect(codes(prepareOperation({ query: '{ noeud { nmo } }' }, development))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const [deep] = refusals(prepareOperation({ query: '{ noeud { enfant { enfant { enfant { nom } } } } }' }, development));
    expect(deep!.extensions).toEqual({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 4, actual: 5 });
  });

  it('hides suggestions and refuses introspection in production only', () => {
    const [suggested] = refusals(prepareOperation({ query: '{ noeud { nmo } }' }, development));
    expect(suggested!.message).toMatch(/Did you mean "nom"\?/);
    const [hidden] = refusals(prepareOperation({ query: '{ noeud { nmo } }' }, production));
    expect(hidden!.message).toBe('Cannot query field "nmo" on type "Noeud".');
    const introspection = '{ __schema { queryType { name } } }';
    expect(codes(prepareOperation({ query: introspection }, production))).toEqual(['INTROSPECTION_DISABLED']);
    expect(prepared(prepareOperation({ query: introspection }, development)).operation.operation).toBe('query');
  });

  it('refuses strings Postgres cannot store, in the variables and in the document, and caps the validation errors', () => {
    const query = 'query($n: String) { noeud { nom } }';
    expect(codes(prepareOperation({ query, variables: { n: 'a\u0000b' } }, development))).toEqual(['BAD_USER_INPUT']);
    expect(codes(prepareOperation({ query: '{ noeud { nom @deprecated(reason: "a\u0000") } }' }, development))).toContain('BAD_USER_INPUT');
    const mistakes = `{ ${Array.from({ length: 30 }, (_, i) => `f${i}`).join(' ')} }`;
    const many = refusals(
      prepareOperation({ query: mistakes }, { ...development, limits: { ...limits, maxRootFields: 100, maxTokens: 1000 } }),
    );
    expect(many.length).toBe(limits.maxValidationErrors + 1);
  });

  it('refuses a missing or unknown operationName with OPERATION_RESOLUTION_FAILURE', () => {
    const two = 'query A { noeud { nom } } query B { noeud { nom } }';
    expect(codes(prepareOperation({ query: two }, development))).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(codes(prepareOperation({ query: two, operationName: 'C' }, development))).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  it('keeps `_service` to the gateway in production, through fragments too', () => {
    const sdl = 'query Q { ...F } fragment F on Query { _service { sdl } }';
    expect(codes(prepareOperation({ query: sdl }, production))).toEqual(['FORBIDDEN']);
    expect(prepared(prepareOperation({ query: sdl }, { ...production, trusted: true })).operationName).toBeUndefined();
    expect(prepared(prepareOperation({ query: sdl }, development)).operation.operation).toBe('query');
  });

  it('refuses variables that do not coerce with BAD_USER_INPUT, suggestions hidden in production', () => {
    const query = 'query($n: Int) { noeuds(first: $n) { edges { node { nom } } } }';
    expect(codes(prepareOperation({ query, variables: { n: 'dix' } }, production))).toEqual(['BAD_USER_INPUT']);
  });

  it('prices the operation with its variables, defaults included', () => {
    // 1 + n × (edges 1 + node (1 + nom 1)) = 1 + 3 n: 400 for 133, 403 for 134 (the cap of a page is 200).
    const query = 'query($n: Int = 134) { noeuds(first: $n) { edges { node { nom } } } }';
    const [costly] = refusals(prepareOperation({ query }, development));
    expect(costly!.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', limit: 400, actual: 403 });
    expect(prepared(prepareOperation({ query, variables: { n: 133 } }, development)).variableValues).toEqual({ n: 133 });
  });
});
