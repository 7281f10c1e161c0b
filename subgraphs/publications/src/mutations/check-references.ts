import { badInput } from '@federess/server-kit';
import { type OwnerSubgraphs, requireKnownCollectivites } from '@federess/subgraph-kit';
import type { PublicationWrite } from '../inputs/validate-publication';

/**
 * A publication that reports on a rencontre becomes one of its `ressources`, shown to everyone who
 * reads the rencontre: the rencontre must exist, and the publication must belong to its région (a
 * national publication, which only admins write, may report on any). The rencontres subgraph says
 * which, at write time (see docs/graph-contract.md).
 */
async function requireRencontreOfItsRegion(owners: OwnerSubgraphs, rencontreId: string, regionCode: string | null): Promise<void> {
  const [rencontre] = await owners.rencontres.entities<{ region: { code: string } | null }>(
    'Rencontre',
    [rencontreId],
    'id region { code }',
    'rencontreId',
  );
  if (!rencontre) throw badInput(`rencontreId : rencontre inconnue : ${rencontreId}.`, { champ: 'rencontreId' });
  const its = rencontre.region?.code ?? null;
  if (regionCode !== null && regionCode !== its) {
    throw badInput(
      `rencontreId : cette rencontre est ${its ? `de la région ${its}` : 'nationale'} ; une publication de la région ${regionCode} ne peut pas en être une ressource.`,
      { champ: 'rencontreId' },
    );
  }
}

/**
 * Checks the references a write of a publication takes to other subgraphs' entities: its rencontre
 * (when it is new, or the publication changes région) and the collectivités it cites (when given).
 * `before` is the publication as it is, for a modification.
 */
export async function checkReferences(
  owners: OwnerSubgraphs,
  { columns, collectivitesCitees }: PublicationWrite,
  before?: { readonly rencontreId: string | null; readonly regionCode: string | null },
): Promise<void> {
  const rencontreChanges = columns.rencontreId !== before?.rencontreId || columns.regionCode !== before.regionCode;
  await Promise.all([
    columns.rencontreId && rencontreChanges ? requireRencontreOfItsRegion(owners, columns.rencontreId, columns.regionCode) : undefined,
    requireKnownCollectivites(
      owners,
      (collectivitesCitees ?? []).map((id, i) => ({ id, champ: `collectivitesCitees[${i}]` })),
    ),
  ]);
}
