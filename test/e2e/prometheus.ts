/** One scrape of a service's `/metrics`: its samples, to read by name and labels. */
export class Scrape {
  private constructor(private readonly lines: readonly string[]) {}

  static async of(metricsUrl: string): Promise<Scrape> {
    const response = await fetch(metricsUrl);
    if (response.status !== 200) throw new Error(`${metricsUrl}: HTTP ${response.status}`);
    return new Scrape((await response.text()).split('\n').filter((line) => line && !line.startsWith('#')));
  }

  /** The sum of the samples of `name` whose labels include `labels` (0 when there is none). */
  value(name: string, labels: Readonly<Record<string, string>> = {}): number {
    let sum = 0;
    for (const line of this.lines) {
      const space = line.lastIndexOf(' ');
      const series = line.slice(0, space);
      const brace = series.indexOf('{');
      if ((brace < 0 ? series : series.slice(0, brace)) !== name) continue;
      if (Object.entries(labels).every(([key, value]) => series.includes(`${key}="${value}"`))) sum += Number(line.slice(space + 1));
    }
    return sum;
  }

  /** Whether any sample of `name` is there. */
  has(name: string): boolean {
    return this.lines.some((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));
  }
}

/** A service's `/metrics`, beside its `/graphql`. */
export const metricsUrlOf = (graphqlUrl: string): string => graphqlUrl.replace(/\/graphql$/, '/metrics');
