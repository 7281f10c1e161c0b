import type { CreativeWork, Report, WithContext } from 'schema-dts';
import { collectionEnClair, type PublicationDuFlux } from '../publication-data';
import type { Vocabulary } from '../vocabulary';

/** Types whose schema.org kind is a Report: an account of activity, a meeting, a study. */
const REPORTS = new Set(['RAPPORT_ACTIVITE', 'COMPTE_RENDU', 'ETUDE']);

/**
 * The schema.org CreativeWork (or Report) of a publication, typed with schema-dts. A members-only
 * one says it is not free, and carries no file: the graph gives an anonymous reader none.
 */
export function publicationJsonLd(p: PublicationDuFlux, pageUrl: string, vocabulary: Vocabulary): WithContext<CreativeWork | Report> {
  const editeur = { '@type': 'Organization' as const, name: p.editeur };
  const collection = collectionEnClair(p);
  const document = p.fichier ?? p.lien;
  const common = {
    '@context': 'https://schema.org' as const,
    '@id': pageUrl,
    name: p.titre,
    headline: p.titre.slice(0, 110),
    ...(p.resume ? { description: p.resume, abstract: p.resume } : {}),
    url: pageUrl,
    inLanguage: 'fr',
    datePublished: p.datePublication,
    dateModified: p.misAJourLe,
    publisher: editeur,
    author: editeur,
    genre: vocabulary.typePublication.label(p.type),
    isAccessibleForFree: p.acces === 'PUBLIC',
    ...(p.thematiques.length ? { keywords: p.thematiques.map((t) => vocabulary.thematique.label(t)).join(', ') } : {}),
    ...(collection && p.collection
      ? { isPartOf: { '@type': 'CreativeWorkSeries' as const, name: p.collection }, ...(p.numero !== null ? { position: p.numero } : {}) }
      : {}),
    ...(p.region ? { spatialCoverage: { '@type': 'Place' as const, name: p.region.nom } } : {}),
    ...(document ? { encoding: { '@type': 'MediaObject' as const, contentUrl: document } } : {}),
  };
  return REPORTS.has(p.type) ? { ...common, '@type': 'Report' } : { ...common, '@type': 'CreativeWork' };
}
