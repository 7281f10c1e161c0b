/** The environment a setting is read from; injected so tests never touch `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Raised when a setting is present but unusable: the hub refuses to start with a clear message. */
export class SettingError extends Error {
  constructor(name: string, value: string, expected: string) {
    super(`Setting ${name}=${JSON.stringify(value)} is invalid: expected ${expected}.`);
    this.name = 'SettingError';
  }
}

function present(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readString(env: Environment, name: string, fallback: string): string {
  return present(env, name) ?? fallback;
}

export function readOptionalString(env: Environment, name: string): string | undefined {
  return present(env, name);
}

export function readInteger(env: Environment, name: string, fallback: number, min = 0): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new SettingError(name, raw, `an integer >= ${min}`);
  return value;
}

export function readBoolean(env: Environment, name: string, fallback: boolean): boolean {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new SettingError(name, raw, 'true or false');
}

export function readChoice<T extends string>(env: Environment, name: string, choices: readonly T[], fallback: T): T {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new SettingError(name, raw, `one of ${choices.join(', ')}`);
}

/** An http(s) address without query or fragment, returned without its trailing slash. */
export function readHttpUrl(env: Environment, name: string, fallback: string): string {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError(name, raw, 'an http(s) URL such as https://agenda.example.org');
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash)
    throw new SettingError(name, raw, 'an http(s) URL without query or fragment');
  return url.toString().replace(/\/+$/, '');
}
