import { federess } from '@federess/eslint-config';

// test/bench is a package of its own, with its own config: linted there, not twice.
export default [{ ignores: ['bench/**'] }, ...federess(import.meta.dirname)];
