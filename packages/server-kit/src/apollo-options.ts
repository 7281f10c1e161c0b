import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import { type LimitSettings, type Mode, readLimitSettings } from '@federess/config';
import { createErrorFormatter } from './format-error';
import { noIntrospectionRule } from './introspection';
import { costLimitPlugin, limitValidationRules } from './limits';
import { operationScopePlugin } from './operation-scope-plugin';
import { subscriptionOverHttpPlugin } from './web/subscription-over-http';
import { storableVariablesPlugin } from './storable-strings';

export interface SharedApolloOptions {
  csrfPrevention: boolean;
  allowBatchedHttpRequests: boolean;
  persistedQueries: false;
  introspection: boolean;
  includeStacktraceInErrorResponses: boolean;
  hideSchemaDetailsFromClientErrors: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  validationRules: ValidationRule[];
  validationOptions: { maxErrors: number };
  plugins: ApolloServerPlugin<BaseContext>[];
  stopOnTerminationSignals: false;
}

/**
 * The Apollo Server options every FédérESS server shares. CSRF prevention is on and HTTP batching
 * off (Apollo's defaults, stated here so they are not lost); the hosted landing page is replaced by
 * our offline explorer. The abuse limits (depth, aliases, root fields, directives as validation
 * rules; cost once variables are known) refuse an operation before it executes, and so do strings
 * Postgres cannot store (in the document's literals, and in the variables). Tokens and characters
 * are counted by the HTTP handler, before Apollo parses (not by the parser: the gateway's own fetches
 * to a subgraph are exempt from the count, see createHttpHandler).
 * Introspection is refused in production by our own rule (the hub's words, INTROSPECTION_DISABLED),
 * so Apollo's own, English one is left off (`introspection: true`). Validation stops at
 * `maxValidationErrors` errors (graphql-js's `maxErrors`).
 * Automatic persisted queries (on by default in Apollo Server) are off: no FédérESS client or
 * gateway fetch uses them, and a cache of documents registered by anyone is one more thing to bound.
 * A request with `extensions.persistedQuery` gets PERSISTED_QUERY_NOT_SUPPORTED, with Apollo's
 * message `PersistedQueryNotSupported`, which Apollo clients read to fall back to sending the text.
 * A subscription sent as a plain HTTP request gets BAD_REQUEST naming the ways to subscribe.
 * Apollo Server's own SIGINT/SIGTERM handlers are off: runServer stops the whole service in its own
 * order (readiness, drain, sockets, its Apollo Server, then its pools and listeners); with both,
 * Apollo's stop and ours wait on each other and the process never exits, holding its database
 * connections until it is killed.
 */
export function sharedApolloOptions(mode: Mode, limits: LimitSettings = readLimitSettings({})): SharedApolloOptions {
  return {
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: mode === 'production',
    formatError: createErrorFormatter(mode, limits.maxValidationErrors),
    validationRules: [...limitValidationRules(limits), ...(mode === 'production' ? [noIntrospectionRule] : [])],
    validationOptions: { maxErrors: limits.maxValidationErrors },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      costLimitPlugin(limits),
      storableVariablesPlugin(),
      subscriptionOverHttpPlugin(),
      operationScopePlugin(),
    ],
    stopOnTerminationSignals: false,
  };
}
