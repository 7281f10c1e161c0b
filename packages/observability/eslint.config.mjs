import { federess } from '@federess/eslint-config';

export default federess(import.meta.dirname);
