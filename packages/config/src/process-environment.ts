import type { Environment } from './read';

/**
 * A child process's environment: this process's, with `overrides` on top. For what hands the
 * environment on rather than reads a setting from it: the launcher's services, and the servers the
 * tests and the bench start as processes; settings themselves are read by the `read*Settings` functions.
 */
export function childEnvironment(overrides: Environment = {}): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}

/** A child process's environment with nothing of this process's but its PATH: what it reads is only `overrides`. */
export function isolatedEnvironment(overrides: Environment = {}): Record<string, string | undefined> {
  return { PATH: process.env.PATH ?? '', ...overrides };
}
