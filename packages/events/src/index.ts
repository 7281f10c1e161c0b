export * from './append-event';
export * from './event-stream';
export * from './outbox-event';
export * from './outbox-listener';
export * from './outbox-schema';
export * from './outbox-stream';
export * from './replay';
export * from './retention';
