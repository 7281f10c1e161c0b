import type { AnswerCacheHints } from '@federess/subgraph-kit';
import { StatutRencontre } from './enums';
import type { Rencontre } from './rencontre';

/** The written statuses that turn into PASSEE once the rencontre's end is behind us. */
export const STATUTS_BECOMING_PASSEE: readonly StatutRencontre[] = [StatutRencontre.PROGRAMMEE, StatutRencontre.COMPLETE];

/** The status a client sees: the written one, or PASSEE when the rencontre is over. */
export function effectiveStatut(rencontre: Pick<Rencontre, 'statutEnregistre' | 'fin'>, now: Date = new Date()): StatutRencontre {
  return STATUTS_BECOMING_PASSEE.includes(rencontre.statutEnregistre) && rencontre.fin.getTime() < now.getTime()
    ? StatutRencontre.PASSEE
    : rencontre.statutEnregistre;
}

/** The same rule in SQL, so that the `statuts` filter agrees with the `statut` field. */
export function effectiveStatutSql(alias: string): string {
  const becoming = STATUTS_BECOMING_PASSEE.map((s) => `'${s}'`).join(', ');
  return `(CASE WHEN ${alias}.statut IN (${becoming}) AND ${alias}.fin < now() THEN '${StatutRencontre.PASSEE}' ELSE ${alias}.statut END)`;
}

/**
 * The status of a rencontre as the gateway's cache must know it: it changes with time alone (to
 * PASSEE, at its end), which no event announces, so an answer showing it expires then.
 */
export function statutWithExpiry(
  rencontre: Pick<Rencontre, 'statutEnregistre' | 'fin'>,
  hints: AnswerCacheHints | undefined,
): StatutRencontre {
  const statut = effectiveStatut(rencontre);
  if (statut !== StatutRencontre.PASSEE && STATUTS_BECOMING_PASSEE.includes(rencontre.statutEnregistre)) hints?.expiresAt(rencontre.fin);
  return statut;
}
