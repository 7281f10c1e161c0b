import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isolatedEnvironment } from '@federess/config';
import Ajv from 'ajv';
import { parse } from 'yaml';

/**
 * docker/compose.yml, as Compose reads it: it must conform to the Compose specification's JSON schema
 * (always checked, offline), `docker-compose config` (a real Compose implementation, Debian's
 * docker-compose, where it is installed) must accept it, and what it describes must be a deployment
 * that stops gracefully and keeps its metrics private.
 */

const FILE = path.resolve(__dirname, '..', '..', 'docker', 'compose.yml');
/** schema/compose-spec.json of github.com/compose-spec/compose-spec (commit 170098b), kept beside the file it checks. */
const SCHEMA = path.resolve(__dirname, '..', '..', 'docker', 'compose-spec.schema.json');
const SECRETS = { FEDERESS_GATEWAY_SECRET: 'secret-de-la-validation-du-fichier-compose', FEDERESS_JWT_SECRET: 'x'.repeat(40) };

interface Service {
  image?: string;
  command?: string[];
  ports?: string[];
  expose?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

const hasCompose = (() => {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The file with its anchors and merges resolved: by Compose itself when it is installed, by a YAML parser otherwise. */
function services(): Record<string, Service> {
  const text = hasCompose
    ? execFileSync('docker-compose', ['-f', FILE, 'config'], { env: isolatedEnvironment(SECRETS), encoding: 'utf8' })
    : fs.readFileSync(FILE, 'utf8');
  return (parse(text, { merge: true }) as { services: Record<string, Service> }).services;
}

const seconds = (duration: string | undefined) => {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration ?? '');
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) : 0;
};

describe('docker/compose.yml', () => {
  it("conforms to the Compose specification's JSON schema", () => {
    // The schema names draft-07 by an address Ajv does not know; its keywords are draft-07's, which Ajv implements.
    const validate = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(
      JSON.parse(fs.readFileSync(SCHEMA, 'utf8')),
    );
    const file: unknown = parse(fs.readFileSync(FILE, 'utf8'), { merge: true });
    expect(validate(file) ? [] : validate.errors).toEqual([]);
    // The check can fail: a misspelt key is refused.
    expect(validate({ services: { gateway: { image: 'federess:latest', stop_grace_periode: '20s' } } })).toBe(false);
  });

  (hasCompose ? it : it.skip)('is accepted by docker-compose, and refused without the gateway secret', () => {
    expect(() => execFileSync('docker-compose', ['-f', FILE, 'config', '-q'], { env: isolatedEnvironment(SECRETS) })).not.toThrow();
    expect(() => execFileSync('docker-compose', ['-f', FILE, 'config', '-q'], { env: isolatedEnvironment(), stdio: 'pipe' })).toThrow(
      /FEDERESS_GATEWAY_SECRET/,
    );
  });

  it('runs Postgres, the four subgraphs and two gateways, each started once what it needs is healthy', () => {
    const all = services();
    expect(Object.keys(all).sort()).toEqual(['clubs', 'collectivites', 'gateway-a', 'gateway-b', 'postgres', 'publications', 'rencontres']);
    for (const [name, service] of Object.entries(all)) {
      expect({ name, healthcheck: Array.isArray(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
      if (name !== 'postgres') expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
    }
    for (const gateway of ['gateway-a', 'gateway-b']) {
      for (const subgraph of ['clubs', 'rencontres', 'publications', 'collectivites'])
        expect(all[gateway]?.depends_on?.[subgraph]?.condition).toBe('service_healthy');
      expect(all[gateway]?.command).toEqual(['node', 'gateway/dist/index.js']);
    }
    expect(all['gateway-a']?.ports).not.toEqual(all['gateway-b']?.ports);
  });

  it('serves metrics on a port of the compose network only, and lets each service drain before it is killed', () => {
    for (const [name, service] of Object.entries(services())) {
      if (name === 'postgres') continue;
      const port = service.environment?.FEDERESS_METRICS_PORT;
      expect({ name, port, exposed: service.expose?.map(String).includes(port ?? '') }).toEqual({ name, port: '9464', exposed: true });
      expect((service.ports ?? []).some((mapping) => String(mapping).includes(port!))).toBe(false);
      expect(service.environment?.FEDERESS_MODE).toBe('production');
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(Number(service.environment?.FEDERESS_DRAIN_TIMEOUT_MS) / 1000);
    }
  });
});
