import { badInput } from '@federess/server-kit';
import { type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema, isUnionType, Kind } from 'graphql';

/** The fields of an entity's `@key`s: what every representation of it must carry. */
function keyFields(type: GraphQLObjectType): string[] {
  const fields = new Set<string>();
  for (const directive of [type.astNode, ...(type.extensionASTNodes ?? [])].flatMap((node) => node?.directives ?? [])) {
    if (directive.name.value !== 'key') continue;
    const value = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (value?.kind === Kind.STRING) for (const name of value.value.split(/[\s{}]+/).filter(Boolean)) fields.add(name);
  }
  return [...fields];
}

/** Why a representation cannot be resolved here, or undefined when it can. */
function problem(representation: unknown, entities: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) return 'un objet est attendu';
  const { __typename: typename, ...fields } = representation as Record<string, unknown>;
  if (typeof typename !== 'string') return '__typename manque';
  const keys = entities.get(typename);
  if (!keys) return `ce sous-graphe ne résout pas le type ${typename.slice(0, 60)}`;
  const missing = keys.find((key) => !['string', 'number'].includes(typeof fields[key]));
  return missing ? `la clé ${missing} de ${typename} manque ou n’est pas une valeur simple` : undefined;
}

/**
 * Wraps `_entities` so that a representation this subgraph cannot resolve — a type it does not own
 * (`Rencontre` sent to clubs), a type that is no entity, no `__typename`, a key missing or not a
 * scalar — refuses the call with BAD_USER_INPUT before any reference is resolved, and so before any
 * SQL. `@apollo/subgraph` throws a plain Error there (an internal error, a stack in the log) or lets
 * a reference resolver read an id that is not one.
 */
export function guardEntityRepresentations(schema: GraphQLSchema): void {
  const union = schema.getType('_Entity');
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field || !isUnionType(union)) return;
  const entities = new Map(union.getTypes().map((type) => [type.name, keyFields(type)] as const));
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    for (const [index, representation] of representations.entries()) {
      const why = problem(representation, entities);
      if (why) throw badInput(`_entities : la représentation n°${index + 1} ne peut pas être résolue ici (${why}).`, { index });
    }
    return resolve(source, args, context, info);
  };
}
