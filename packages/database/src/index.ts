export * from './data-source';
export * from './databases';
export * from './embedded';
export * from './seed-state';
export * from './sql-error-logger';
export * from './statement-counter';
export * from './throwaway-postgres';
