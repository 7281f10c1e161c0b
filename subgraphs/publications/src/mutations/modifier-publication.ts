import type { DataSource } from 'typeorm';
import { requireWriteRegion, type Viewer } from '@federess/auth';
import { notFound } from '@federess/server-kit';
import { assertWritableRegion, type OwnerSubgraphs, parseUuid } from '@federess/subgraph-kit';
import { TypeEvenementPublication } from '../entities/enums';
import { Publication } from '../entities/publication';
import type { ModifierPublicationInput } from '../inputs/modifier-publication-input';
import { validateModifierPublication } from '../inputs/validate-publication';
import { recordPublicationChange } from './record-change';
import { checkReferences } from './check-references';
import { replaceCitations, writePublicationRow } from './publication-writes';

/** modifierPublication: a partial change on the locked row; moving it to another région takes the right to write there too. */
export async function modifierPublication(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  owners: OwnerSubgraphs,
  id: string,
  input: ModifierPublicationInput,
): Promise<Publication> {
  const publicationId = parseUuid(id, 'id', 'de publication');
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Publication);
    const current = await repository.findOne({ where: { id: publicationId }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Publication', id);
    assertWritableRegion(scope, current.regionCode);
    requireWriteRegion(viewer, 'modifier cette publication', current.regionCode);
    const write = validateModifierPublication(current, input);
    const { columns, collectivitesCitees } = write;
    assertWritableRegion(scope, columns.regionCode);
    requireWriteRegion(viewer, 'déplacer cette publication', columns.regionCode);
    // Checked with the row locked: the région it is checked against cannot change meanwhile.
    await checkReferences(owners, write, current);
    // The citations are written before the row on purpose: the row's unique number is the last
    // check that can refuse the change, and the citations must then roll back with it.
    if (collectivitesCitees) await replaceCitations(manager, publicationId, collectivitesCitees);
    const revision = current.revision + 1;
    await writePublicationRow(columns, () => repository.update({ id: publicationId }, { ...columns, revision }));
    await recordPublicationChange(manager, TypeEvenementPublication.MODIFIEE, current, { id: publicationId, ...columns, revision });
    return repository.findOneByOrFail({ id: publicationId });
  });
}
