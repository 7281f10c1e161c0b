import type { Item } from 'feed';
import { agendaSearch, readAgendaParams } from './agenda-params';
import type { FeedDeps, FeedHandler } from './feed-deps';
import { ANONYMOUS_READER } from './graph';
import { html } from './html/escape';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { loadAgenda } from './load-agenda';
import { creneauEnFrancais, jourEnFrancais } from './paris-time';
import { rencontrePath, type RencontreDuFlux } from './rencontre-data';
import { buildSyndication, SYNDICATION_TYPES, type SyndicationFormat } from './syndication';
import { FORMAT_LIBELLES, lieuEnClair, organisateurEnClair, STATUT_LIBELLES } from './textes';
import { readVersion, RENCONTRES } from './versions';

/** Rencontres one syndication feed lists at most: a reader wants the agenda's news, not its archive. */
export const AGENDA_FEED_MAX_ITEMS = 200;

function item(r: RencontreDuFlux, deps: FeedDeps): Item {
  const link = `${deps.publicUrl}${rencontrePath(r.id)}`;
  const organisateur = organisateurEnClair(r);
  const seances = r.sessions.map((s) => `<li>${html(creneauEnFrancais(s.debut, s.fin))} — ${html(lieuEnClair(s))}</li>`).join('');
  return {
    title: `${r.statut === 'ANNULEE' ? 'Annulée — ' : ''}${jourEnFrancais(r.debut)} : ${r.titre}`,
    id: link,
    link,
    // The entry's own date is when it last changed: a moved or cancelled rencontre comes back up.
    date: new Date(r.modifieLe),
    published: new Date(r.creeLe),
    description: r.resume ?? r.titre,
    content: [
      `<p>${html(STATUT_LIBELLES[r.statut])} · ${html(FORMAT_LIBELLES[r.format])}${organisateur ? ` · ${html(organisateur)}` : ''}</p>`,
      `<ul>${seances}</ul>`,
      r.resume ? `<p>${html(r.resume)}</p>` : '',
      `<p><a href="${html(`${link}.ics`)}">Ajouter à mon agenda</a></p>`,
    ].join(''),
    category: r.thematiques.map((t) => ({ name: deps.vocabulary.thematique.label(t), term: t })),
    ...(organisateur ? { author: [{ name: organisateur }] } : {}),
  };
}

/** GET /agenda.atom, /agenda.rss, /agenda.json: the agenda (same filters as /agenda.ics), most recently changed first. */
export const agendaFeed =
  (format: SyndicationFormat): FeedHandler =>
  async (req, res, url, deps) => {
    const params = readAgendaParams(url, deps.vocabulary, deps.now(), false);
    const data = await readVersion(deps.run, ANONYMOUS_READER, RENCONTRES);
    const version = versionOf([`agenda.${format}`, agendaSearch(params), params.depuis.toISOString(), data.token], data.lastModified);
    if (isNotModified(req, version)) return sendNotModified(res, version, false);
    const rencontres = await loadAgenda(deps.run, params, data.reader, AGENDA_FEED_MAX_ITEMS);
    const recentes = [...rencontres].sort((a, b) => Date.parse(b.modifieLe) - Date.parse(a.modifieLe) || a.id.localeCompare(b.id));
    const search = agendaSearch(params);
    const body = buildSyndication(
      recentes.map((r) => item(r, deps)),
      {
        title: 'Agenda des Clubs des collectivités pour l’ESS',
        description: 'Les rencontres des Clubs des collectivités pour l’ESS : réunions de club, webinaires, journées régionales.',
        link: `${deps.publicUrl}/agenda.ics${search}`,
        self: (f) => `${deps.publicUrl}/agenda.${f}${search}`,
        updated: version.lastModified ?? new Date(0),
        format,
      },
    );
    sendRepresentation(req, res, { contentType: SYNDICATION_TYPES[format], body, version });
  };
