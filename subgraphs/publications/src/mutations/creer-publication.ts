import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { requireWriteRegion, type Viewer } from '@federess/auth';
import { assertWritableRegion, type OwnerSubgraphs } from '@federess/subgraph-kit';
import { TypeEvenementPublication } from '../entities/enums';
import { Publication } from '../entities/publication';
import type { CreerPublicationInput } from '../inputs/creer-publication-input';
import { validateCreerPublication } from '../inputs/validate-publication';
import { recordPublicationChange } from './record-change';
import { checkReferences } from './check-references';
import { replaceCitations, writePublicationRow } from './publication-writes';

/**
 * creerPublication: the row, its citations and its change event in one transaction, every value and
 * every reference to another subgraph's entity checked before it opens.
 */
export async function creerPublication(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  owners: OwnerSubgraphs,
  input: CreerPublicationInput,
): Promise<Publication> {
  const write = validateCreerPublication(input);
  const { columns, collectivitesCitees } = write;
  assertWritableRegion(scope, columns.regionCode);
  requireWriteRegion(viewer, 'publier ce document', columns.regionCode);
  await checkReferences(owners, write);
  const id = randomUUID();
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Publication);
    await writePublicationRow(columns, () => repository.insert({ id, ...columns, revision: 1 }));
    await replaceCitations(manager, id, collectivitesCitees ?? []);
    await recordPublicationChange(manager, TypeEvenementPublication.CREEE, null, { id, ...columns, revision: 1 });
    return repository.findOneByOrFail({ id });
  });
}
