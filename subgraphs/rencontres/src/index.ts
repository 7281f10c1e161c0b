import { bootService } from '@federess/observability';

// Logging, metrics and tracing first: the tracing instrumentations hook into http, pg and graphql as they load.
bootService('rencontres', () => import('./main.js'));
