import { badInput } from '@federess/server-kit';
import { type OwnerSubgraphs, requireKnownCollectivites } from '@federess/subgraph-kit';
import type { Ecriture } from '../inputs/publication-valeurs';

/**
 * A publication that reports on a rencontre becomes one of its `ressources`, shown to everyone who
 * reads the rencontre: the rencontre must exist, and the publication must belong to its région (a
 * national publication, which only admins write, may report on any). The rencontres subgraph says
 * which, at write time (see docs/graph-contract.md).
 */
async function exigerRencontreDeSaRegion(owners: OwnerSubgraphs, rencontreId: string, regionCode: string | null): Promise<void> {
  const [rencontre] = await owners.rencontres.entities<{ region: { code: string } | null }>(
    'Rencontre',
    [rencontreId],
    'id region { code }',
    'rencontreId',
  );
  if (!rencontre) throw badInput(`rencontreId : rencontre inconnue : ${rencontreId}.`, { champ: 'rencontreId' });
  const sienne = rencontre.region?.code ?? null;
  if (regionCode !== null && regionCode !== sienne) {
    throw badInput(
      `rencontreId : cette rencontre est ${sienne ? `de la région ${sienne}` : 'nationale'} ; une publication de la région ${regionCode} ne peut pas en être une ressource.`,
      { champ: 'rencontreId' },
    );
  }
}

/**
 * Checks the references a write of a publication takes to other subgraphs' entities: its rencontre
 * (when it is new, or the publication changes région) and the collectivités it cites (when given).
 * `avant` is the publication as it is, for a modification.
 */
export async function verifierReferences(
  owners: OwnerSubgraphs,
  { valeurs, collectivitesCitees }: Ecriture,
  avant?: { readonly rencontreId: string | null; readonly regionCode: string | null },
): Promise<void> {
  const rencontreChange = valeurs.rencontreId !== avant?.rencontreId || valeurs.regionCode !== avant.regionCode;
  await Promise.all([
    valeurs.rencontreId && rencontreChange ? exigerRencontreDeSaRegion(owners, valeurs.rencontreId, valeurs.regionCode) : undefined,
    requireKnownCollectivites(
      owners,
      (collectivitesCitees ?? []).map((id, i) => ({ id, champ: `collectivitesCitees[${i}]` })),
    ),
  ]);
}
