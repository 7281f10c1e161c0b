import { federess } from '@federess/eslint-config';

// The throwaway Postgres's URL passes from Jest's global setup to the test workers through the
// environment, the only channel Jest gives between them: a hand-over, not a setting.
export default federess(import.meta.dirname, { readsEnvironment: true });
