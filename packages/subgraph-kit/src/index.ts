// type-graphql and TypeORM decorators read design-time metadata: the polyfill must load before any of them.
import 'reflect-metadata';

export * from './answer-cache';
export * from './caller';
export * from './connection';
export * from './event-sync';
export * from './federated-schema';
export * from './ids';
export * from './input-checks';
export * from './last-change';
export * from './loaders';
export * from './outbox-errors';
export * from './pages-by-parent';
export * from './references';
export * from './region-scope';
export * from './run-subgraph';
export * from './subgraph-server';
