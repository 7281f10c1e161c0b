import * as path from 'node:path';

/** The bundled `<federess-agenda>` module (built by `build.mjs`), for the gateway to serve at `/widget/agenda.js`. */
export const WIDGET_BUNDLE = path.join(__dirname, 'agenda.js');
