const DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "jeudi 4 mars 2027 à 09:30 – 11:30", in Europe/Paris whatever the reader's time zone. */
export function quand(debut: string, fin?: string): string {
  const start = DATE.format(new Date(debut));
  return fin ? `${start} – ${TIME.format(new Date(fin))}` : start;
}
