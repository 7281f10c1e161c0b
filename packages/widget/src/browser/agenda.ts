import { html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  AGENDA_QUERY,
  type AgendaFilters,
  type AgendaRencontre,
  agendaVariables,
  applyEvent,
  icalUrl,
  type LiveEvent,
  listOf,
} from './agenda-data';
import { LiveFeed } from './live-feed';
import { quand } from './paris-time';
import { styles } from './styles';

const FORMATS: Record<AgendaRencontre['format'], string> = { PRESENTIEL: 'Présentiel', DISTANCIEL: 'Distanciel', HYBRIDE: 'Hybride' };
const STATUTS: Record<string, string> = {
  PROGRAMMEE: 'Programmée',
  REPORTEE: 'Reportée',
  DEPLACEE_EN_LIGNE: 'Passée en ligne',
  COMPLETE: 'Complète',
  ANNULEE: 'Annulée',
  PASSEE: 'Passée',
};
const ANNONCES: Record<string, string> = { CREEE: 'Nouvelle rencontre', ANNULEE: 'Rencontre annulée', REPORTEE: 'Rencontre reportée' };

/** Where this module was loaded from: the hub, unless `endpoint` says otherwise. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * `<federess-agenda region="BRE" club="…" thematiques="SCIC TIERS_LIEUX" limit="10">`: the upcoming
 * rencontres of the hub, kept live over Server-Sent Events. Attributes: `region`, `club`,
 * `thematiques` (space- or comma-separated lists), `limit` (default 10), `endpoint` (the hub's
 * origin; default: where this script came from), `titre` (the heading).
 */
export class FederessAgenda extends LitElement {
  static override styles = styles;
  static override properties = {
    region: { type: String },
    club: { type: String },
    thematiques: { type: String },
    limit: { type: Number },
    endpoint: { type: String },
    titre: { type: String },
    rencontres: { state: true },
    annonce: { state: true },
    erreur: { state: true },
  };

  region: string | null = null;
  club: string | null = null;
  thematiques: string | null = null;
  limit = 10;
  endpoint: string | null = null;
  titre = 'Prochaines rencontres';
  rencontres: AgendaRencontre[] | undefined;
  annonce = '';
  erreur = '';
  private feed: LiveFeed | undefined;
  private rendered = false;
  /** Events received before the list arrived, applied on top of it. */
  private pending: LiveEvent[] | undefined;

  private get origin(): string {
    return this.endpoint ? new URL(this.endpoint, document.baseURI).origin : SCRIPT_ORIGIN;
  }

  private get filters(): AgendaFilters {
    return { regions: listOf(this.region), clubs: listOf(this.club), thematiques: listOf(this.thematiques).map((t) => t.toUpperCase()) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.feed?.stop();
  }

  /** The filters changed once the feed runs (a page setting attributes later): start again with them. */
  protected override updated(changed: PropertyValues<this>): void {
    if (!this.rendered) {
      this.rendered = true;
      return;
    }
    if ((['region', 'club', 'thematiques', 'limit', 'endpoint'] as const).some((name) => changed.has(name))) {
      this.rencontres = undefined;
      this.start();
    }
  }

  /** Subscribes first, then loads the list: what changes in between arrives as an event. */
  private start(): void {
    this.feed?.stop();
    this.pending = [];
    const filters = this.filters;
    this.feed = new LiveFeed({
      endpoint: `${this.origin}/graphql`,
      filters,
      storageKey: `federess-agenda ${this.origin} ${JSON.stringify(filters)}`,
      onOpen: () => {
        if (this.rencontres === undefined) void this.load();
      },
      onReset: () => void this.load(),
      onEvent: (event) => this.receive(event),
    });
    this.feed.start();
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch(`${this.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: AGENDA_QUERY, variables: agendaVariables(this.filters, this.limit, new Date()) }),
      });
      const body = (await response.json()) as { data?: { rencontres: { edges: { node: AgendaRencontre }[] } } };
      if (!body.data) throw new Error(`HTTP ${response.status}`);
      let list = body.data.rencontres.edges.map((edge) => edge.node);
      for (const event of this.pending ?? []) if (event.rencontre) list = applyEvent(list, event.rencontre, this.limit, new Date());
      this.pending = undefined;
      this.rencontres = list;
      this.erreur = '';
    } catch {
      this.erreur = 'L’agenda est momentanément indisponible.';
    }
  }

  private receive(event: LiveEvent): void {
    if (!event.rencontre) return;
    if (this.rencontres === undefined) {
      this.pending?.push(event);
      return;
    }
    this.rencontres = applyEvent(this.rencontres, event.rencontre, this.limit, new Date());
    this.annonce = `${ANNONCES[event.type] ?? 'Rencontre modifiée'} : ${event.rencontre.titre}, ${quand(event.rencontre.debut)}`;
  }

  private lieu(r: AgendaRencontre): string {
    if (r.format === 'DISTANCIEL') return 'en ligne';
    const lieu = r.sessions.find((s) => s.lieu)?.lieu;
    const commune = lieu?.commune?.nom;
    const place = lieu ? (commune && commune !== lieu.nom ? `${lieu.nom}, ${commune}` : lieu.nom) : '';
    return r.format === 'HYBRIDE' ? `${place || 'lieu à préciser'} et en ligne` : place || 'lieu à préciser';
  }

  private item(r: AgendaRencontre) {
    const annulee = r.statut === 'ANNULEE';
    return html`<li tabindex="0" class=${annulee ? 'annulee' : ''} data-id=${r.id}>
      <h3>${r.titre}</h3>
      <p>
        <time datetime=${r.debut}>${quand(r.debut, r.fin)}</time>
        ${
          r.debutPrecedent && r.debutPrecedent !== r.debut
            ? html`<span class="precedent"
                >(au lieu du <del><time datetime=${r.debutPrecedent}>${quand(r.debutPrecedent)}</time></del
                >)</span
              >`
            : nothing
        }
      </p>
      <p class="details">${[r.club?.nom, FORMATS[r.format], this.lieu(r)].filter(Boolean).join(' · ')}</p>
      <p><span class="statut">${STATUTS[r.statut] ?? r.statut}</span></p>
    </li>`;
  }

  override render() {
    return html`<section lang="fr" aria-labelledby="titre">
      <h2 id="titre">${this.titre}</h2>
      <div class="annonce" aria-live="polite">${this.annonce}</div>
      ${
        this.erreur
          ? html`<p role="alert">${this.erreur}</p>`
          : this.rencontres === undefined
            ? html`<p>Chargement de l’agenda…</p>`
            : this.rencontres.length === 0
              ? html`<p>Aucune rencontre à venir.</p>`
              : html`<ul>
                  ${this.rencontres.map((r) => this.item(r))}
                </ul>`
      }
      <a class="abonner" href=${icalUrl(this.origin, this.filters)}>S’abonner à cet agenda (iCal)</a>
    </section>`;
  }
}

if (!customElements.get('federess-agenda')) customElements.define('federess-agenda', FederessAgenda);
