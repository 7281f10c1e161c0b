import type { Mode } from '@federess/config';

/** Frames of a stack kept in the log: where the fault is, without a page of framework internals. */
const STACK_FRAMES = 8;
/** A statement's text in the log: enough to recognise it. */
const STATEMENT_CHARACTERS = 300;

interface DatabaseFault {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
  readonly query?: unknown;
  readonly driverError?: { readonly code?: unknown; readonly table?: unknown; readonly column?: unknown; readonly constraint?: unknown };
}

const frames = (stack: string | undefined): string[] =>
  (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, STACK_FRAMES);

/**
 * The log line of a fault of the hub (an error no client caused). A database error is described by
 * its SQLSTATE, the names of what it concerns and the statement's text: never its parameters (a
 * registration's names and e-mails), never the driver's `detail` (which quotes the values), and in
 * production not even its message (Postgres quotes the faulty value there: `invalid input syntax for
 * type uuid: "…"`). Other errors keep their message and the first frames of their stack.
 */
export function describeInternalError(error: unknown, mode: Mode): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const fault = error as DatabaseFault;
  if (fault.driverError !== undefined || typeof fault.query === 'string') {
    const driver = fault.driverError ?? {};
    const about = (['table', 'column', 'constraint'] as const)
      .filter((key) => typeof driver[key] === 'string')
      .map((key) => `${key} ${String(driver[key])}`);
    const statement = typeof fault.query === 'string' ? fault.query.replace(/\s+/g, ' ').slice(0, STATEMENT_CHARACTERS) : undefined;
    return [
      `${error.name} (SQLSTATE ${typeof driver.code === 'string' ? driver.code : 'none'}${about.length ? `, ${about.join(', ')}` : ''})` +
        (mode === 'production' ? '' : `: ${error.message}`),
      ...(statement ? [`  statement: ${statement}`] : []),
      ...frames(error.stack),
    ].join('\n');
  }
  return [`${error.name}: ${error.message}`, ...frames(error.stack)].join('\n');
}
