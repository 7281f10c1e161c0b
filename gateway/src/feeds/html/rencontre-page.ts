import type { RencontreAvecRessources } from '../load-agenda';
import { creneauEnFrancais, enHeureDeParis, heureEnFrancais, jourEnFrancais } from '../paris-time';
import { rencontrePath } from '../rencontre-data';
import { FORMAT_LIBELLES, intervenantsEnClair, lieuEnClair, organisateurEnClair, STATUT_LIBELLES } from '../textes';
import type { Vocabulary } from '../vocabulary';
import { html } from './escape';
import { page } from './layout';
import { publicationPath } from '../publication-data';
import { rencontreJsonLd } from './rencontre-json-ld';

/** Paragraphs of a text typed with blank lines. */
const paragraphes = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${html(p.trim())}</p>`)
    .join('\n');

const temps = (iso: string, texte: string): string => `<time datetime="${html(enHeureDeParis(iso).toISO()!)}">${html(texte)}</time>`;

/** The public page of a rencontre: what it is, when and where, who speaks, its resources, its .ics. */
export function rencontrePage(r: RencontreAvecRessources, publicUrl: string, vocabulary: Vocabulary): string {
  const url = `${publicUrl}${rencontrePath(r.id)}`;
  const ics = `${rencontrePath(r.id)}.ics`;
  const annulee = r.statut === 'ANNULEE';
  const statut = [
    `<p><span class="statut${annulee ? ' annulee' : ''}">${html(STATUT_LIBELLES[r.statut])}</span>`,
    annulee && r.motifAnnulation ? ` ${html(r.motifAnnulation)}` : '',
    r.statut === 'REPORTEE' && r.debutPrecedent
      ? ` (initialement prévue le ${temps(r.debutPrecedent, `${jourEnFrancais(r.debutPrecedent)} à ${heureEnFrancais(r.debutPrecedent)}`)})`
      : '',
    '</p>',
  ].join('');
  const quand = r.sessions.map(
    (s) => `<li id="seance-${s.ordre}">${temps(s.debut, creneauEnFrancais(s.debut, s.fin))} — ${html(lieuEnClair(s))}</li>`,
  );
  const organisateur = organisateurEnClair(r);
  const details = [
    ['Format', html(FORMAT_LIBELLES[r.format])],
    organisateur ? ['Organisé par', html(organisateur)] : undefined,
    r.region ? ['Région', html(r.region.nom)] : undefined,
    r.thematiques.length ? ['Thématiques', html(r.thematiques.map((t) => vocabulary.thematique.label(t)).join(', '))] : undefined,
    r.partenaires.length ? ['Partenaires', html(r.partenaires.join(', '))] : undefined,
    r.placesRestantes !== null && !annulee ? ['Places restantes', html(r.placesRestantes)] : undefined,
  ].filter((d): d is string[] => d !== undefined);
  const intervenants = intervenantsEnClair(r);
  const main = [
    `<h1>${html(r.titre)}</h1>`,
    statut,
    `<h2>${r.sessions.length > 1 ? 'Séances' : 'Date et lieu'}</h2>`,
    `<ul>${quand.join('')}</ul>`,
    `<p><a href="${html(ics)}" type="text/calendar" download>Ajouter à mon agenda (fichier .ics)</a></p>`,
    `<dl>${details.map(([dt, dd]) => `<dt>${dt}</dt><dd>${dd}</dd>`).join('')}</dl>`,
    r.resume ? `<h2>En bref</h2>\n${paragraphes(r.resume)}` : '',
    r.description ? `<h2>Programme</h2>\n${paragraphes(r.description)}` : '',
    intervenants.length ? `<h2>Intervenants</h2>\n<ul>${intervenants.map((i) => `<li>${html(i)}</li>`).join('')}</ul>` : '',
    r.ressources.length
      ? `<h2>Ressources</h2>\n<ul>${r.ressources.map((p) => `<li><a href="${html(publicationPath(p.id))}">${html(p.titre)}</a></li>`).join('')}</ul>`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const premiere = r.sessions[0];
  return page({
    title: `${annulee ? 'Annulée — ' : ''}${r.titre}`,
    description: [premiere ? creneauEnFrancais(premiere.debut, premiere.fin) : '', premiere ? lieuEnClair(premiere) : '', r.resume ?? '']
      .filter(Boolean)
      .join(' · ')
      .slice(0, 300),
    url,
    ogType: 'website',
    jsonLd: rencontreJsonLd(r, url, vocabulary),
    alternates: [{ type: 'text/calendar', href: ics, title: 'Ajouter à mon agenda' }],
    main,
  });
}
