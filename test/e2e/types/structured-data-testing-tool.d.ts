/** The part of structured-data-testing-tool the tests use (the package ships no types). */
declare module 'structured-data-testing-tool' {
  export function structuredDataTest(input: string, options?: unknown): Promise<unknown>;
}

declare module 'structured-data-testing-tool/presets' {
  export const Google: unknown;
  export const Facebook: unknown;
  export const Twitter: unknown;
  export const SocialMedia: unknown;
}
