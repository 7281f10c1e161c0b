import { DateTime } from 'luxon';

/** Every rencontre of the network is announced in French metropolitan time. */
export const PARIS = 'Europe/Paris';

/** An instant of the graph (ISO, UTC) as a Paris wall-clock time, for calendars and pages. */
export const enHeureDeParis = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' }).setZone(PARIS);

/** ISO 8601 with Paris's offset of that day: 2027-03-28T09:30:00+02:00 (what schema.org dates want). */
export const isoParis = (iso: string): string => enHeureDeParis(iso).toISO({ suppressMilliseconds: true })!;

/** « jeudi 28 mars 2027 », in French. */
export const jourEnFrancais = (iso: string): string => enHeureDeParis(iso).setLocale('fr').toFormat('cccc d LLLL yyyy');

/** « 9 h 30 ». */
export const heureEnFrancais = (iso: string): string => {
  const t = enHeureDeParis(iso);
  return t.minute === 0 ? `${t.hour} h` : `${t.hour} h ${String(t.minute).padStart(2, '0')}`;
};

/** « jeudi 28 mars 2027, 9 h 30 – 12 h 30 » (the end's day too when it differs). */
export function creneauEnFrancais(debut: string, fin: string): string {
  const memeJour = enHeureDeParis(debut).toISODate() === enHeureDeParis(fin).toISODate();
  return memeJour
    ? `${jourEnFrancais(debut)}, ${heureEnFrancais(debut)} – ${heureEnFrancais(fin)}`
    : `${jourEnFrancais(debut)}, ${heureEnFrancais(debut)} – ${jourEnFrancais(fin)}, ${heureEnFrancais(fin)}`;
}
