import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the calls of one subgraph. */
export type Behaviour = 'pass' | { delayMs: number } | { answer: { status: number; body: unknown } };

/**
 * An HTTP proxy in front of the subgraphs, in the test process: a gateway pointed at it (its
 * `<NAME>_URL`) has every subgraph call counted, so a test can prove that a refused operation reached
 * no subgraph; it can also make a subgraph slow (timeouts) or answer with a fault (what leaks).
 */
export class CountingProxy {
  readonly calls: Record<string, number> = {};
  readonly behaviour: Record<string, Behaviour> = {};
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly targets: Readonly<Record<string, string>>) {}

  get total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  urlOf(name: string): string {
    return `http://127.0.0.1:${this.port}/${name}`;
  }

  async start(): Promise<void> {
    // A fault of the proxy itself (never expected) answers 500 rather than leaving the request hanging.
    this.server = createServer((req, res) => {
      this.forward(req, res).catch(() => {
        if (!res.destroyed) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = (req.url ?? '/').slice(1);
    const target = this.targets[name];
    if (!target) return void res.writeHead(404).end();
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const behaviour = this.behaviour[name] ?? 'pass';
    if (behaviour !== 'pass' && 'answer' in behaviour) {
      res.writeHead(behaviour.answer.status, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(behaviour.answer.body));
    }
    if (behaviour !== 'pass') await new Promise((r) => setTimeout(r, behaviour.delayMs));
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(key)) headers[key] = value;
    }
    try {
      const upstream = await fetch(target, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      const text = await upstream.text();
      if (res.destroyed) return;
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    } catch {
      if (!res.destroyed) res.writeHead(502).end();
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
