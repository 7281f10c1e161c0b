import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { requireWriteRegion, type Viewer } from '@federess/auth';
import { assertWritableRegion } from '@federess/subgraph-kit';
import { Publication } from '../entities/publication';
import type { CreerPublicationInput } from '../inputs/creer-publication-input';
import { validateCreerPublication } from '../inputs/validate-publication';
import { replaceCitations, writePublicationRow } from './publication-writes';

/** creerPublication: the row and its citations in one transaction, every value checked before it opens. */
export async function creerPublication(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  input: CreerPublicationInput,
): Promise<Publication> {
  const { columns, collectivitesCitees } = validateCreerPublication(input);
  assertWritableRegion(scope, columns.regionCode);
  requireWriteRegion(viewer, 'publier ce document', columns.regionCode);
  const id = randomUUID();
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Publication);
    await writePublicationRow(columns, () => repository.insert({ id, ...columns }));
    await replaceCitations(manager, id, collectivitesCitees ?? []);
    return repository.findOneByOrFail({ id });
  });
}
