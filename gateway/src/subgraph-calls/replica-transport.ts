import { HttpTransport, type RawAnswer } from './http-transport';

/** Connection errors that prove nothing reached the replica: any call, a mutation too, may go to another. */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The replicas of one subgraph (`<NAME>_URL=http://a/graphql,http://b/graphql`): calls take turns
 * over them, and a call whose replica refuses the connection (stopped, draining, down) goes to the
 * next one, each replica tried once. With one URL it is that URL's transport alone.
 */
interface Replica {
  readonly url: string;
  readonly transport: HttpTransport;
}

export class ReplicaTransport {
  private readonly replicas: readonly Replica[];
  private readonly first: Replica;
  private turn = 0;

  constructor(urls: readonly string[], timeoutMs: number, maxSockets?: number) {
    this.replicas = urls.map((url) => ({ url, transport: new HttpTransport(url, timeoutMs, maxSockets) }));
    const [first] = this.replicas;
    if (!first) throw new Error('A subgraph needs at least one URL');
    this.first = first;
  }

  private at(index: number): Replica {
    return this.replicas[index % this.replicas.length] ?? this.first;
  }

  /** Every replica's URL, in the order of the setting. */
  get urls(): readonly string[] {
    return this.replicas.map((replica) => replica.url);
  }

  /** The URL the next connection should try (turns taken as for calls): for live feeds, which reconnect elsewhere. */
  nextUrl(): string {
    return this.at(this.turn++).url;
  }

  async post(body: string, headers: Record<string, string>, idempotent: boolean): Promise<RawAnswer> {
    const first = this.turn++;
    for (let attempt = 0; ; attempt++) {
      const replica = this.at(first + attempt);
      try {
        return await replica.transport.post(body, headers, idempotent);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt + 1 >= this.replicas.length || code === undefined || !NOTHING_SENT.has(code)) throw error;
      }
    }
  }
}
