import { graphql } from './hub';

/** The id of a région's club, as the gateway lists it. */
export async function clubOf(gatewayUrl: string, region: string): Promise<string> {
  const { body } = await graphql<{ clubs: { id: string; region: { code: string } }[] }>(gatewayUrl, '{ clubs { id region { code } } }');
  const club = body.data?.clubs.find((c) => c.region.code === region);
  if (!club) throw new Error(`no club in ${region}: ${JSON.stringify(body)}`);
  return club.id;
}
