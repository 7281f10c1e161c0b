import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as the services exported it over OTLP. */
export interface CollectedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

const valueOf = (value: OtlpValue): unknown => value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/**
 * An OTLP/HTTP receiver (JSON encoding) keeping every span it is sent in memory: what an
 * OpenTelemetry collector is to a deployment, for the services of a test, each in its own process
 * (an in-memory exporter inside one process would see that process's spans only). The services
 * export to it with OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL=http/json.
 */
export class SpanCollector {
  readonly spans: CollectedSpan[] = [];
  private readonly server: Server;

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<SpanCollector> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces') collector.receive(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const collector = new SpanCollector(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return collector;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private receive(payload: OtlpExport): void {
    for (const resource of payload.resourceSpans ?? []) {
      const name = attributesOf(resource.resource?.attributes)['service.name'];
      const service = typeof name === 'string' ? name : '';
      for (const scope of resource.scopeSpans ?? [])
        for (const span of scope.spans ?? [])
          this.spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            attributes: attributesOf(span.attributes),
          });
    }
  }

  /** The spans of one trace, once `ready` says they are all in (polled until `ms`). */
  async trace(traceId: string, ready: (spans: CollectedSpan[]) => boolean, ms = 15_000): Promise<CollectedSpan[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const spans = this.spans.filter((span) => span.traceId === traceId);
      if (ready(spans) || Date.now() > deadline) return spans;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
