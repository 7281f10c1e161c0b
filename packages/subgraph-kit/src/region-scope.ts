import { SettingError } from '@federess/config';
import { ClientError, ErrorCode, badInput } from '@federess/server-kit';
import { findRegion, REGION_CODES } from '@federess/vocabulaire';

/** Checks a region code from a client: unknown codes are a BAD_USER_INPUT naming the valid ones. */
export function parseRegionCode(code: string): string {
  const region = findRegion(code);
  if (!region) throw badInput(`Région inconnue : ${code}. Codes valides : ${REGION_CODES.join(', ')}.`, { region: code });
  return region.code;
}

/** Validates the `FEDERESS_REGION` setting at start-up. */
export function parseRegionSetting(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (!findRegion(code)) throw new SettingError('FEDERESS_REGION', code, `a region code (${REGION_CODES.join(', ')})`);
  return code;
}

/**
 * The regions a read may return on this instance: all asked for on a national instance, only the
 * instance's own region on a regional one (asking for another region then matches nothing).
 */
export function regionsInScope(scope: string | undefined, asked: readonly string[] | null | undefined): string[] | undefined {
  const parsed = asked?.length ? asked.map(parseRegionCode) : undefined;
  if (!scope) return parsed;
  return parsed ? parsed.filter((code) => code === scope) : [scope];
}

/** Refuses a write of data in another region than the instance's own. */
export function assertWritableRegion(scope: string | undefined, region: string): void {
  if (scope && scope !== region) {
    throw new ClientError(ErrorCode.OUT_OF_REGION, `Cette instance ne gère que la région ${scope} ; écriture refusée pour ${region}.`, {
      region,
      scope,
    });
  }
}
