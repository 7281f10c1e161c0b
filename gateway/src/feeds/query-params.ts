import { badFeedInput } from './feed-error';

/** Most values one parameter may take (`region=ARA&region=BRE`, or `region=ARA,BRE`). */
const MAX_VALUES = 50;

/**
 * The query parameters of a feed URL, checked: each known name may repeat (or list values with
 * commas); an unknown name is refused rather than ignored, so that a typo (`regions=`) is not a
 * feed silently showing everything.
 */
export class QueryParams {
  private constructor(private readonly params: URLSearchParams) {}

  static of(url: URL, known: readonly string[]): QueryParams {
    for (const name of new Set(url.searchParams.keys())) {
      if (!known.includes(name)) throw badFeedInput(`Paramètre inconnu : ${name} (acceptés : ${known.join(', ')}).`);
    }
    return new QueryParams(url.searchParams);
  }

  /** Every value of a repeatable parameter, trimmed, without duplicates. */
  list(name: string, normalise: (value: string) => string = (v) => v): string[] {
    const values = this.params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => normalise(v.trim()))
      .filter((v) => v !== '');
    if (values.length > MAX_VALUES) throw badFeedInput(`${name} : ${MAX_VALUES} valeurs au plus.`);
    return [...new Set(values)];
  }

  /** Values that must belong to one of the graph's enums (`thematique=SCIC`). */
  enumList(name: string, allowed: readonly string[]): string[] {
    const values = this.list(name, (v) => v.toUpperCase());
    const unknown = values.filter((v) => !allowed.includes(v));
    if (unknown.length)
      throw badFeedInput(`Valeur inconnue pour ${name} : ${unknown.join(', ')} (valeurs possibles : ${allowed.join(', ')}).`);
    return values;
  }

  /** A single-valued parameter. */
  single(name: string): string | undefined {
    const values = this.params.getAll(name);
    if (values.length > 1) throw badFeedInput(`${name} ne se donne qu'une fois.`);
    return values[0]?.trim() || undefined;
  }

  /** A date (`2027-03-01`) or an instant (`2027-03-01T08:00:00Z`). */
  date(name: string): Date | undefined {
    const raw = this.single(name);
    if (raw === undefined) return undefined;
    const parsed = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(raw) ? new Date(raw) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime()))
      throw badFeedInput(`${name} : une date est attendue (2027-03-01 ou 2027-03-01T08:00:00Z), reçu « ${raw} ».`);
    return parsed;
  }
}
