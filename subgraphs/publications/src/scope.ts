import { ClientError, ErrorCode } from '@federess/server-kit';
import { assertWritableRegion } from '@federess/subgraph-kit';

/**
 * Region scope of publications. Unlike other data, a publication may belong to no région (the
 * national network's own): such rows are readable on every instance and writable on national ones only.
 */

/** Whether a row of `regionCode` may be read on an instance scoped to `scope`. */
export function isReadable(scope: string | undefined, regionCode: string | null): boolean {
  return !scope || regionCode === null || regionCode === scope;
}

/** Refuses a write of a publication of `regionCode` (null: national) on an instance scoped elsewhere. */
export function assertWritable(scope: string | undefined, regionCode: string | null): void {
  if (regionCode !== null) {
    assertWritableRegion(scope, regionCode);
  } else if (scope) {
    throw new ClientError(
      ErrorCode.OUT_OF_REGION,
      `Cette instance ne gère que la région ${scope} ; les publications nationales ne s’y écrivent pas.`,
      { region: null, scope },
    );
  }
}
