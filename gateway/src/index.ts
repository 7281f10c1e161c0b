import { bootService } from '@federess/observability';

// Logging, metrics and tracing first: the tracing instrumentations hook into http and graphql as they load.
bootService('gateway', () => import('./main.js'));
