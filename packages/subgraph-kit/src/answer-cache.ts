import type { ApolloServerPlugin, BaseContext, GraphQLFieldResolverParams } from '@apollo/server';
import { appendedEvents } from '@federess/events';
import { type AnswerCacheInfo, CACHE_EXTENSION, CACHE_TAGS_HEADER, CHANGES_EXTENSION } from '@federess/server-kit';
import { type GraphQLSchema, isObjectType, Kind } from 'graphql';
import type { Caller } from './caller';

/**
 * What a resolver tells the gateway's cache beyond the entities it read: that its value changes
 * with time alone (at `expiresAt`), or that it depends on the moment it was asked (`uncacheable`).
 */
export class AnswerCacheHints {
  private earliest: number | undefined;
  private never = false;

  /** A value of the answer changes at this moment without any write (no event will tell). */
  expiresAt(moment: Date | number): void {
    const ms = typeof moment === 'number' ? moment : moment.getTime();
    if (this.earliest === undefined || ms < this.earliest) this.earliest = ms;
  }

  /** The answer depends on when it was asked (e.g. a filter on "now"): it must not be kept. */
  uncacheable(): void {
    this.never = true;
  }

  info(tags: readonly string[]): AnswerCacheInfo {
    return { tags, ...(this.earliest !== undefined ? { expiresAt: this.earliest } : {}), ...(this.never ? { uncacheable: true } : {}) };
  }
}

interface HintedContext extends Partial<Caller> {
  readonly cacheHints?: AnswerCacheHints;
}

/** The key field of each object type: its `@key` (`id`, `code`), or else an `id` field; none for value types. */
export function identityFields(schema: GraphQLSchema): Map<string, string> {
  const keys = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const directive = [type.astNode, ...(type.extensionASTNodes ?? [])]
      .flatMap((node) => node?.directives ?? [])
      .find((d) => d.name.value === 'key');
    const fields = directive?.arguments?.find((a) => a.name.value === 'fields')?.value;
    const key = fields?.kind === Kind.STRING ? fields.value.trim() : undefined;
    if (key && /^\w+$/.test(key)) keys.set(type.name, key);
    else if (type.getFields().id) keys.set(type.name, 'id');
  }
  return keys;
}

/**
 * Tags the gateway's calls that ask for it (CACHE_TAGS_HEADER, and proven with the gateway secret):
 * every field resolved on an identifiable object tags the answer with that object (`Type:key`), read
 * from the resolver's source, so an entity counts even when its key is not selected; every root field
 * tags it with `Query.<field>`, and `_entities` with each representation asked (found or not). A
 * change event names the same things (see the graph contract), so an answer is evicted by every
 * change that may alter it. The answer also tells what the request's mutations changed.
 */
export function answerCachePlugin(schema: GraphQLSchema): ApolloServerPlugin<BaseContext> {
  const keys = identityFields(schema);
  const tagOf = (type: string, value: Record<string, unknown> | null | undefined): string | undefined => {
    const key = keys.get(type);
    const id = key && value ? value[key] : undefined;
    return typeof id === 'string' || typeof id === 'number' ? `${type}:${id}` : undefined;
  };
  return {
    requestDidStart: ({ request, contextValue }) => {
      const context = contextValue as HintedContext;
      if (!context.fromGateway || request.http?.headers.get(CACHE_TAGS_HEADER) === undefined) return Promise.resolve();
      const tags = new Set<string>();
      const willResolveField = ({ source, args, info }: GraphQLFieldResolverParams<unknown, BaseContext>) => {
        const parent = info.parentType.name;
        if (parent === 'Query') {
          tags.add(`Query.${info.fieldName}`);
          for (const representation of info.fieldName === '_entities' ? ((args.representations as Record<string, unknown>[]) ?? []) : []) {
            const tag = tagOf(String(representation.__typename), representation);
            if (tag) tags.add(tag);
          }
          return;
        }
        const tag = tagOf(parent, source as Record<string, unknown>);
        if (tag) tags.add(tag);
      };
      return Promise.resolve({
        executionDidStart: () => Promise.resolve({ willResolveField }),
        willSendResponse: ({ response }) => {
          if (response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          const changes = appendedEvents().map((event) => event.tags);
          result.extensions = {
            ...result.extensions,
            [CACHE_EXTENSION]: (context.cacheHints ?? new AnswerCacheHints()).info([...tags]),
            ...(changes.length ? { [CHANGES_EXTENSION]: changes } : {}),
          };
          return Promise.resolve();
        },
      });
    },
  };
}
