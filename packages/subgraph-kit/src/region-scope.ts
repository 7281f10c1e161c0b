import { SettingError } from '@federess/config';
import { ClientError, ErrorCode, badInput } from '@federess/server-kit';
import { findRegion, REGION_CODES } from '@federess/vocabulaire';

/** Checks a région code from a client (any case): an unknown one is a BAD_USER_INPUT naming its field and the valid codes. */
export function parseRegionCode(code: string, champ = 'region'): string {
  const region = findRegion(code);
  if (!region) throw badInput(`${champ} : région inconnue : ${code}. Codes valides : ${REGION_CODES.join(', ')}.`, { champ, region: code });
  return region.code;
}

/** Validates the `FEDERESS_REGION` setting at start-up. */
export function parseRegionSetting(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (!findRegion(code)) throw new SettingError('FEDERESS_REGION', code, `a region code (${REGION_CODES.join(', ')})`);
  return code;
}

/**
 * The régions a read may return on this instance: all asked for on a national instance, only the
 * instance's own région on a regional one (asking for another région then matches nothing).
 * `asked` is a list (`filtre.regions`, its codes named `regions[0]`, …) or one code (`region`).
 */
export function regionsInScope(
  scope: string | undefined,
  asked: readonly string[] | string | null | undefined,
  champ = 'regions',
): string[] | undefined {
  const codes =
    typeof asked === 'string'
      ? asked
        ? [parseRegionCode(asked, champ)]
        : []
      : asked?.map((code, i) => parseRegionCode(code, `${champ}[${i}]`));
  const parsed = codes?.length ? codes : undefined;
  if (!scope) return parsed;
  return parsed ? parsed.filter((code) => code === scope) : [scope];
}

/**
 * The région rules of every subgraph, in one place. An instance scoped to a région (`FEDERESS_REGION`,
 * the `scope` below; undefined for a national instance) serves that région's data and the national
 * network's own (no région: RTES organisations, publications, rencontres), which it does not write.
 */

/** Whether data of `region` (null: the national network's own) may be read on this instance. */
export function readableInScope(scope: string | undefined, region: string | null): boolean {
  return !scope || region === null || region === scope;
}

/**
 * Whether a row of `region` belongs to this instance, for data that is national only by lack of a
 * région (the referential: a collectivité with no région is no région's), read on a scoped instance
 * only when it is of its région.
 */
export function belongsToScope(scope: string | undefined, region: string | null | undefined): boolean {
  return !scope || region === scope;
}

/** Refuses a write of data of `region` (null: national data) on an instance scoped to another région (OUT_OF_REGION). */
export function assertWritableRegion(scope: string | undefined, region: string | null): void {
  if (!scope || scope === region) return;
  const what = region === null ? 'les données nationales s’écrivent sur l’instance nationale' : `écriture refusée pour ${region}`;
  throw new ClientError(ErrorCode.OUT_OF_REGION, `Cette instance ne gère que la région ${scope} ; ${what}.`, { region, scope });
}
