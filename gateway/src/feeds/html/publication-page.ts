import { collectionEnClair, publicationPath, type PublicationDuFlux } from '../publication-data';
import { rencontrePath } from '../rencontre-data';
import type { Vocabulary } from '../vocabulary';
import { html } from './escape';
import { page } from './layout';
import { publicationJsonLd } from './publication-json-ld';

const dateEnFrancais = (day: string): string =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * The public page of a publication: its metadata always; its file or link only when the graph gives
 * it, which for a members-only publication it never does to an anonymous reader.
 */
export function publicationPage(p: PublicationDuFlux, publicUrl: string, vocabulary: Vocabulary): string {
  const url = `${publicUrl}${publicationPath(p.id)}`;
  const collection = collectionEnClair(p);
  const details = [
    ['Type', html(vocabulary.typePublication.label(p.type))],
    collection ? ['Collection', html(collection)] : undefined,
    ['Publié le', `<time datetime="${html(p.datePublication)}">${html(dateEnFrancais(p.datePublication))}</time>`],
    ['Éditeur', html(p.editeur)],
    p.region ? ['Région', html(p.region.nom)] : undefined,
    p.club ? ['Club', html(p.club.nom)] : undefined,
    p.thematiques.length ? ['Thématiques', html(p.thematiques.map((t) => vocabulary.thematique.label(t)).join(', '))] : undefined,
    ['Accès', p.acces === 'PUBLIC' ? 'Public' : 'Réservé aux collectivités adhérentes du RTES'],
  ].filter((d): d is string[] => d !== undefined);
  const document = p.fichier ?? p.lien;
  const acces = document
    ? `<p><a href="${html(document)}">${p.fichier ? 'Télécharger le document' : 'Consulter le document'}</a></p>`
    : p.acces === 'ADHERENTS'
      ? '<p>Le document est réservé aux collectivités adhérentes du RTES : connectez-vous sur le site de votre club pour le consulter.</p>'
      : '';
  const main = [
    `<h1>${html(p.titre)}</h1>`,
    p.resume ? `<p>${html(p.resume)}</p>` : '',
    `<dl>${details.map(([dt, dd]) => `<dt>${dt}</dt><dd>${dd}</dd>`).join('')}</dl>`,
    acces,
    p.rencontre ? `<p>Ressource de la rencontre <a href="${html(rencontrePath(p.rencontre.id))}">${html(p.rencontre.titre)}</a>.</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return page({
    title: collection ? `${p.titre} — ${collection}` : p.titre,
    description: (p.resume ?? `${vocabulary.typePublication.label(p.type)} publié par ${p.editeur}`).slice(0, 300),
    url,
    ogType: 'article',
    jsonLd: publicationJsonLd(p, url, vocabulary),
    main,
  });
}
