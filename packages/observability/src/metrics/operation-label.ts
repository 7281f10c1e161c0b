/** Distinct operation names kept as labels; later ones are counted as `other` (a client names its operations as it likes). */
export const MAX_OPERATION_LABELS = 200;

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const seen = new Set<string>();

/**
 * The `operation` label of an operation name, with a bounded number of distinct values: every
 * label value is a time series Prometheus keeps, and anyone may send any name. Anonymous operations
 * are `anonymous`; a name that is not a GraphQL name, `invalid`; past the first
 * MAX_OPERATION_LABELS names, `other`.
 */
export function operationLabel(name: string | undefined): string {
  if (name === undefined || name === '') return 'anonymous';
  if (!NAME.test(name)) return 'invalid';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_LABELS) return 'other';
  seen.add(name);
  return name;
}
