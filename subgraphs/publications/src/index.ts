// The metadata polyfill must load before subgraph-kit's decorated classes.
import 'reflect-metadata';
import { runSubgraph } from '@federess/subgraph-kit';
import { createServer } from './server';

runSubgraph('publications', createServer);
