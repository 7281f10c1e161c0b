import { Kind, parse } from 'graphql';

/** An enum of the graph: its values, and the label of each (its description in the schema, else the value). */
export interface GraphEnum {
  readonly values: readonly string[];
  label(value: string): string;
}

export interface Vocabulary {
  readonly thematique: GraphEnum;
  readonly format: GraphEnum;
  readonly typeRencontre: GraphEnum;
  readonly typePublication: GraphEnum;
}

/**
 * The words the feeds print come from the graph itself: the enums of the composed supergraph, with
 * the descriptions the subgraphs give their values (« Économie circulaire » for ECONOMIE_CIRCULAIRE).
 */
export function vocabularyOf(supergraphSdl: string): Vocabulary {
  const document = parse(supergraphSdl, { noLocation: true });
  const enumOf = (name: string): GraphEnum => {
    const definition = document.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name);
    if (definition?.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error(`The supergraph has no enum ${name}.`);
    const labels = new Map((definition.values ?? []).map((v) => [v.name.value, v.description?.value ?? v.name.value]));
    return { values: [...labels.keys()], label: (value) => labels.get(value) ?? value };
  };
  return {
    thematique: enumOf('Thematique'),
    format: enumOf('FormatRencontre'),
    typeRencontre: enumOf('TypeRencontre'),
    typePublication: enumOf('TypePublication'),
  };
}
