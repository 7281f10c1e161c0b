import type { FormattedExecutionResult } from 'graphql';

/**
 * A whole response kept by the cache: its data, deeply frozen (every request served from it shares
 * the same objects, and nothing after execution writes into a response's data), and its JSON text,
 * written once.
 */
export interface KeptResponse {
  readonly data: Readonly<Record<string, unknown>>;
  readonly text: string;
  /** What it holds in memory, roughly: the text, and the objects it was parsed into. */
  readonly bytes: number;
}

/** The text of a response with data and nothing else, as Apollo Server writes it. */
const texts = new WeakMap<object, string>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

export function keptResponse(data: Record<string, unknown>): KeptResponse {
  deepFreeze(data);
  const text = `${JSON.stringify({ data })}\n`;
  texts.set(data, text);
  return { data, text, bytes: text.length * 4 };
}

/**
 * Apollo Server's `stringifyResult` (its own is `JSON.stringify(result) + '\n'`), which writes a
 * kept response's text instead of serialising its data again.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const kept = result.errors === undefined && result.extensions === undefined && result.data ? texts.get(result.data) : undefined;
  return kept ?? `${JSON.stringify(result)}\n`;
}
