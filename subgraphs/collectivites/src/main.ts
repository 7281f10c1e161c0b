import { runSubgraph } from '@federess/subgraph-kit';
import { createServer } from './server';

runSubgraph('collectivites', createServer);
