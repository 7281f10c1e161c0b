/** Every rencontre of the network is announced in French metropolitan time. */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(date: Date): WallClock {
  const value = (type: Intl.DateTimeFormatPartTypes): number => Number(partsFormat.formatToParts(date).find((p) => p.type === type)?.value);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
  };
}

/** Minutes to add to UTC to get Paris wall-clock time at this instant (+60 in winter, +120 in summer). */
function offsetMinutes(date: Date): number {
  const w = wallClock(date);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** The instant as Paris wall-clock time with its offset: 2024-10-03T09:30:00+02:00. */
export function toParisTime(date: Date): string {
  const w = wallClock(date);
  const offset = offsetMinutes(date);
  const sign = offset < 0 ? '-' : '+';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * The instant of a Paris wall-clock time ('2024-02-22', '09:30'), as announced in the documents.
 * The offset is looked up at the guessed instant, then once more in case the guess crossed a DST change.
 */
export function fromParisTime(day: string, time: string): Date {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!date || !clock) throw new Error(`Date ou heure mal formée : ${day} ${time}`);
  const wall = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), Number(clock[1]), Number(clock[2]));
  let instant = wall - offsetMinutes(new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}
