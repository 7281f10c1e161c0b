import type { Item } from 'feed';
import type { FeedDeps, FeedHandler } from './feed-deps';
import { ANONYMOUS_READER } from './graph';
import { html } from './html/escape';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { collectionEnClair, PUBLICATION_FIELDS, publicationPath, type PublicationDuFlux } from './publication-data';
import { QueryParams } from './query-params';
import { buildSyndication, SYNDICATION_TYPES, type SyndicationFormat } from './syndication';
import { PUBLICATIONS, readVersion } from './versions';

/** Publications one feed lists: the most recent ones. */
export const PUBLICATIONS_FEED_MAX_ITEMS = 50;

const PUBLICATIONS_QUERY = `query FluxPublications($filtre: PublicationFiltre, $first: Int) {
  publications(filtre: $filtre, first: $first) { edges { node { ${PUBLICATION_FIELDS} } } }
}`;

function item(p: PublicationDuFlux, deps: FeedDeps): Item {
  const link = `${deps.publicUrl}${publicationPath(p.id)}`;
  const collection = collectionEnClair(p);
  const document = p.fichier ?? p.lien;
  return {
    title: collection ? `${collection} — ${p.titre}` : p.titre,
    id: link,
    link,
    date: new Date(p.misAJourLe),
    published: new Date(`${p.datePublication}T00:00:00Z`),
    description: p.resume ?? p.titre,
    content: [
      `<p>${html(deps.vocabulary.typePublication.label(p.type))} · ${html(p.editeur)}${p.region ? ` · ${html(p.region.nom)}` : ''}</p>`,
      p.resume ? `<p>${html(p.resume)}</p>` : '',
      // Members-only documents: the graph gives an anonymous reader no file, and the feed none either.
      document
        ? `<p><a href="${html(document)}">Consulter le document</a></p>`
        : p.acces === 'ADHERENTS'
          ? '<p>Document réservé aux collectivités adhérentes du RTES.</p>'
          : '',
    ].join(''),
    category: p.thematiques.map((t) => ({ name: deps.vocabulary.thematique.label(t), term: t })),
    author: [{ name: p.editeur }],
  };
}

/** GET /publications.atom, /publications.rss, /publications.json, filtered by `region`, `collection`, `type`, `thematique`. */
export const publicationsFeed =
  (format: SyndicationFormat): FeedHandler =>
  async (req, res, url, deps) => {
    const params = QueryParams.of(url, ['region', 'collection', 'type', 'thematique']);
    // URL parameter → PublicationFiltre field.
    const choisis: readonly (readonly [string, string, string[]])[] = [
      ['region', 'regions', params.list('region', (v) => v.toUpperCase())],
      ['collection', 'collections', params.list('collection')],
      ['type', 'types', params.enumList('type', deps.vocabulary.typePublication.values)],
      ['thematique', 'thematiques', params.enumList('thematique', deps.vocabulary.thematique.values)],
    ];
    const variables = {
      filtre: Object.fromEntries(choisis.filter(([, , values]) => values.length > 0).map(([, champ, values]) => [champ, values])),
      first: PUBLICATIONS_FEED_MAX_ITEMS,
    };
    const search = new URLSearchParams(
      choisis.flatMap(([name, , values]) => [...values].sort().map((v): [string, string] => [name, v])),
    ).toString();
    // The version first: a reader that has it gets its 304 without the publications being read.
    const data = await readVersion(deps.run, ANONYMOUS_READER, PUBLICATIONS);
    const version = versionOf([`publications.${format}`, search, data.token], data.lastModified);
    if (isNotModified(req, version)) return sendNotModified(res, version, false);
    const listed = await deps.run<{ publications: { edges: { node: PublicationDuFlux }[] } }>(PUBLICATIONS_QUERY, variables, data.reader);
    const publications = listed.publications.edges.map((e) => e.node);
    const body = buildSyndication(
      publications.map((p) => item(p, deps)),
      {
        title: 'Publications des Clubs des collectivités pour l’ESS',
        description: 'Points de RepèrESS, guides, fiches, comptes-rendus et replays du réseau RTES et des CRESS.',
        link: deps.publicUrl,
        self: (f) => `${deps.publicUrl}/publications.${f}${search ? `?${search}` : ''}`,
        updated: version.lastModified ?? new Date(0),
        format,
      },
    );
    sendRepresentation(req, res, { contentType: SYNDICATION_TYPES[format], body, version });
  };
