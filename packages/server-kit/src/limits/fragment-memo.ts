import { type DocumentNode, type FragmentDefinitionNode, Kind } from 'graphql';

/**
 * A measure of each named fragment, computed once per document. Limits follow fragment spreads (a
 * fragment used ten times counts ten times), and a document can spread fragments into each other so
 * that the expanded operation is exponentially larger than its text; memoising keeps every measure
 * linear in the document. An unknown fragment or a cycle measures 0: validation reports both.
 */
export class FragmentMemo {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly values = new Map<string, number>();
  private readonly inProgress = new Set<string>();

  constructor(
    document: DocumentNode,
    private readonly compute: (fragment: FragmentDefinitionNode) => number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  get(name: string): number {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.inProgress.has(name)) return 0;
    this.inProgress.add(name);
    const value = this.compute(fragment);
    this.inProgress.delete(name);
    this.values.set(name, value);
    return value;
  }
}
