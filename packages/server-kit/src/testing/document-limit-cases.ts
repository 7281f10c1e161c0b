import type { LimitCase } from './limit-cases';

const times = (n: number, each: (i: number) => string): string => Array.from({ length: n }, (_, i) => each(i)).join(' ');

/**
 * The cases of the limits any schema can be probed with, from one root field and a leaf field of
 * what it returns (e.g. `clubs` and `nom`): tokens, aliases, directives and root fields, each grown
 * one at a time to the limit. Depth and cost depend on the schema's shape: each subgraph writes its own.
 * The root-field case aliases its copies, so it needs FEDERESS_MAX_ALIASES >= FEDERESS_MAX_ROOT_FIELDS.
 */
export function documentLimitCases(root: string, leaf: string): LimitCase[] {
  return [
    { kind: 'tokens', template: (n) => ({ query: `{ ${root} { ${leaf} ${times(n, () => leaf)} } }` }) },
    { kind: 'aliases', template: (n) => ({ query: `{ ${root} { ${leaf} ${times(n, (i) => `a${i}: ${leaf}`)} } }` }) },
    { kind: 'directives', template: (n) => ({ query: `{ ${root} { ${leaf} ${times(n, () => `${leaf} @skip(if: false)`)} } }` }) },
    { kind: 'rootFields', template: (n) => ({ query: `{ ${root} { ${leaf} } ${times(n, (i) => `r${i}: ${root} { ${leaf} }`)} }` }) },
  ];
}
