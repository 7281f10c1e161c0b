import { graphql } from './hub';

/** An upcoming rencontre of the seeded agenda and its région. */
export interface OpenRencontre {
  readonly id: string;
  readonly region: string;
}

/**
 * The upcoming rencontres still open to registration, a day before their deadline at least and with
 * more than ten places left: a test's registrations to them get as far as valid ones would.
 */
export async function openRencontres(gatewayUrl: string): Promise<OpenRencontre[]> {
  interface Candidate {
    id: string;
    region: { code: string };
    dateLimiteInscription: string | null;
    placesRestantes: number | null;
  }
  const { body } = await graphql<{ rencontres: { edges: { node: Candidate }[] } }>(
    gatewayUrl,
    '{ rencontres(filtre: { statuts: [PROGRAMMEE] }, first: 100) { edges { node { id region { code } dateLimiteInscription placesRestantes } } } }',
  );
  const open = (r: Candidate) =>
    (r.dateLimiteInscription === null || Date.parse(r.dateLimiteInscription) > Date.now() + 86_400_000) &&
    (r.placesRestantes === null || r.placesRestantes > 10);
  return (body.data?.rencontres.edges ?? [])
    .map((edge) => edge.node)
    .filter(open)
    .map((r) => ({ id: r.id, region: r.region.code }));
}
