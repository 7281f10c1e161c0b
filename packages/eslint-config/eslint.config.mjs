import { federess } from './index.mjs';

export default federess(import.meta.dirname);
