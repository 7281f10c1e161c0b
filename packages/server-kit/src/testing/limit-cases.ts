import type { LimitSettings } from '@federess/config';
import { type DocumentNode, type GraphQLSchema, getOperationAST, type OperationDefinitionNode, parse } from 'graphql';
import { ErrorCode } from '../error-codes';
import { operationAliases } from '../limits/alias-limit';
import { operationCost } from '../limits/cost-limit';
import { operationDepth } from '../limits/depth-limit';
import { operationDirectives } from '../limits/directive-limit';
import { operationRootFields } from '../limits/root-field-limit';
import { countTokens } from '../limits/token-limit';
import { graphqlRequest } from './graphql-client';

/** One operation as a test sends it. */
export interface Operation {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export type LimitKind = 'depth' | 'aliases' | 'rootFields' | 'tokens' | 'directives' | 'cost';

/** Each limit's setting and code: the table the README documents. */
const LIMITS: Readonly<Record<LimitKind, { readonly max: (l: LimitSettings) => number; readonly code: ErrorCode }>> = {
  depth: { max: (l) => l.maxDepth, code: ErrorCode.DEPTH_LIMIT_EXCEEDED },
  aliases: { max: (l) => l.maxAliases, code: ErrorCode.ALIAS_LIMIT_EXCEEDED },
  rootFields: { max: (l) => l.maxRootFields, code: ErrorCode.ROOT_FIELD_LIMIT_EXCEEDED },
  tokens: { max: (l) => l.maxTokens, code: ErrorCode.TOKEN_LIMIT_EXCEEDED },
  directives: { max: (l) => l.maxDirectives, code: ErrorCode.DIRECTIVE_LIMIT_EXCEEDED },
  cost: { max: (l) => l.maxCost, code: ErrorCode.COST_LIMIT_EXCEEDED },
};

/** A server under test: where it answers, what it enforces, and how many SQL statements it ran. */
export interface LimitTarget {
  readonly url: string;
  readonly schema: GraphQLSchema;
  readonly limits: LimitSettings;
  /** SQL statements run since the last reset (a StatementCounter). */
  statements(): number;
  resetStatements(): void;
}

/**
 * One limit's case: an operation at the limit and one just over it. Either a pair written out (its
 * under must measure exactly the limit and its over one more), or a template of a size `n`, for
 * which the largest `n` within the limit is searched: the two are then one step apart.
 */
export type LimitCase =
  | { readonly kind: LimitKind; readonly under: Operation; readonly over: Operation }
  | { readonly kind: LimitKind; readonly template: (n: number) => Operation };

function resolve(query: string): { document: DocumentNode; operation: OperationDefinitionNode } {
  const document = parse(query, { noLocation: true });
  const operation = getOperationAST(document);
  if (!operation) throw new Error(`No single operation in: ${query.slice(0, 80)}`);
  return { document, operation };
}

/** What the limit `kind` measures of an operation, the way the servers measure it. */
export function measureLimit(schema: GraphQLSchema, limits: LimitSettings, kind: LimitKind, op: Operation): number {
  // Tokens are counted on the text, before parsing: an over-long document need not parse.
  if (kind === 'tokens') return countTokens(op.query, limits.maxTokens + 1_000);
  const { document, operation } = resolve(op.query);
  switch (kind) {
    case 'depth':
      return operationDepth(document, operation);
    case 'aliases':
      return operationAliases(document, operation);
    case 'rootFields':
      return operationRootFields(document, operation);
    case 'directives':
      return operationDirectives(document, operation);
    case 'cost':
      return operationCost(schema, document, operation, op.variables ?? {}, limits);
  }
}

/** The two operations of a case: its pair, or its template at the largest size within the limit and one more. */
export function limitPair(
  schema: GraphQLSchema,
  limits: LimitSettings,
  c: LimitCase,
): { under: Operation; over: Operation; adjacent: boolean } {
  if (!('template' in c)) return { under: c.under, over: c.over, adjacent: false };
  const max = LIMITS[c.kind].max(limits);
  for (let n = 0; n <= 10_000; n++) {
    if (measureLimit(schema, limits, c.kind, c.template(n + 1)) > max)
      return { under: c.template(n), over: c.template(n + 1), adjacent: true };
  }
  throw new Error(`No size of the ${c.kind} template goes over ${max}.`);
}

/** What a test asserts of a case: read `expectedLimitProbe` for what it must be. */
export interface LimitProbe {
  readonly kind: LimitKind;
  /** Under measures the limit exactly (or is one template step below crossing it), over just past it. */
  readonly justAroundTheLimit: boolean;
  readonly measured: { readonly limit: number; readonly under: number; readonly over: number };
  readonly under: { readonly status: number; readonly errors: unknown[]; readonly ranSql: boolean };
  readonly over: { readonly status: number; readonly codes: unknown[]; readonly data: unknown; readonly statements: number };
}

/**
 * Sends a case's two operations: the one at the limit must pass and run SQL, the one just over
 * must be refused with the limit's code before any SQL.
 */
export async function probeLimitCase(target: LimitTarget, c: LimitCase): Promise<LimitProbe> {
  const max = LIMITS[c.kind].max(target.limits);
  const { under, over, adjacent } = limitPair(target.schema, target.limits, c);
  const measured = {
    limit: max,
    under: measureLimit(target.schema, target.limits, c.kind, under),
    over: measureLimit(target.schema, target.limits, c.kind, over),
  };
  const crosses = measured.under <= max && measured.over > max;
  const justAroundTheLimit = crosses && (adjacent || (measured.under === max && measured.over === max + 1));

  target.resetStatements();
  const ok = await graphqlRequest(target.url, under.query, under.variables);
  const ranSql = target.statements() > 0;
  target.resetStatements();
  const refused = await graphqlRequest(target.url, over.query, over.variables);
  return {
    kind: c.kind,
    justAroundTheLimit,
    measured,
    under: { status: ok.status, errors: [...(ok.body.errors ?? [])], ranSql },
    over: {
      status: refused.status,
      codes: (refused.body.errors ?? []).map((e) => e.extensions?.code),
      data: refused.body.data,
      statements: target.statements(),
    },
  };
}

/** What every probe must be: `expect(await probeLimitCase(target, c)).toEqual(expectedLimitProbe(probe))`. */
export function expectedLimitProbe(probe: LimitProbe): LimitProbe {
  return {
    kind: probe.kind,
    justAroundTheLimit: true,
    measured: probe.measured,
    under: { status: 200, errors: [], ranSql: true },
    over: { status: 400, codes: [LIMITS[probe.kind].code], data: undefined, statements: 0 },
  };
}
