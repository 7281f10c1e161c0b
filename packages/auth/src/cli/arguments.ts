import { findRegion, REGION_CODES } from '@federess/vocabulaire';
import { COLLECTIVITE_ID, Role } from '../roles';
import { parseTtl, type TokenRequest } from '../sign';

export const USAGE = `Usage : pnpm token --role admin|editeur|adherent [--region ARA] [--collectivite ID] [--ttl 1h] [--sub ID]

  --role          admin (tout), editeur (écrit ses régions), adherent (ressources réservées, inscriptions)
  --region        pour editeur, obligatoire : une région (ARA, BRE, …) ; répéter ou séparer par des virgules
  --collectivite  pour adherent, obligatoire : la collectivité adhérente, par exemple COMMUNE:63113
  --ttl           durée de vie : 90s, 15m, 1h (défaut), 12h ; au plus FEDERESS_JWT_MAX_LIFETIME_SECONDS (24 h par défaut)
  --sub           identifiant de la personne (défaut : local-<rôle>)

Le jeton est signé avec le secret de développement local (FEDERESS_JWT_SECRET s'il est défini).`;

/** A mistake on the command line: printed with the usage, exit status 2. */
export class UsageError extends Error {}

const OPTIONS = new Set(['role', 'region', 'collectivite', 'ttl', 'sub']);

/** Reads `--name value` and `--name=value` pairs; `--region` may repeat. */
function options(argv: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Argument inattendu : ${arg}`);
    const name = match[1]!;
    if (name === 'help') throw new UsageError('');
    if (!OPTIONS.has(name)) throw new UsageError(`Option inconnue : --${name}`);
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} attend une valeur.`);
      i += 1;
    }
    found.set(name, [...(found.get(name) ?? []), value]);
  }
  return found;
}

function single(found: Map<string, string[]>, name: string): string | undefined {
  const values = found.get(name);
  if (values && values.length > 1) throw new UsageError(`--${name} ne peut être donné qu'une fois.`);
  return values?.[0];
}

/**
 * The token a command line asks for, or a UsageError saying what is wrong. `maxTtlSeconds` is the
 * longest lifetime the hub accepts (FEDERESS_JWT_MAX_LIFETIME_SECONDS).
 */
export function parseArguments(argv: readonly string[], maxTtlSeconds: number): TokenRequest {
  const found = options(argv);
  const roleName = single(found, 'role');
  if (!roleName) throw new UsageError('--role est obligatoire.');
  const role = ({ admin: Role.ADMIN, editeur: Role.EDITEUR, adherent: Role.ADHERENT } as Record<string, Role>)[roleName.toLowerCase()];
  if (!role) throw new UsageError(`Rôle inconnu : ${roleName} (admin, editeur ou adherent).`);

  const regions = (found.get('region') ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const collectivite = single(found, 'collectivite');
  if (role === Role.EDITEUR) {
    if (regions.length === 0) throw new UsageError('Un jeton editeur nomme au moins une région : --region ARA.');
    for (const code of regions)
      if (!findRegion(code)) throw new UsageError(`Région inconnue : ${code}. Codes valides : ${REGION_CODES.join(', ')}.`);
  } else if (regions.length) {
    throw new UsageError('--region ne vaut que pour --role editeur.');
  }
  if (role === Role.ADHERENT) {
    if (!collectivite) throw new UsageError('Un jeton adherent nomme sa collectivité : --collectivite COMMUNE:63113.');
    if (!COLLECTIVITE_ID.test(collectivite))
      throw new UsageError(`Collectivité mal formée : ${collectivite} (COMMUNE:<insee>, EPCI:<siren>, …).`);
  } else if (collectivite) {
    throw new UsageError('--collectivite ne vaut que pour --role adherent.');
  }

  const ttl = single(found, 'ttl');
  let ttlSeconds = Math.min(3600, maxTtlSeconds);
  if (ttl !== undefined) {
    try {
      ttlSeconds = parseTtl(ttl, maxTtlSeconds);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return {
    role,
    regions: regions.map((code) => findRegion(code)!.code),
    collectivite,
    ttlSeconds,
    sub: single(found, 'sub'),
  };
}
