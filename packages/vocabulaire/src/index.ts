export * from './clubs';
export * from './regions';
export * from './stable-uuid';
export * from './thematiques';
export * from './paris-time';
