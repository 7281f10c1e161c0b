export * from './read';
export * from './settings';
export * from './auth-settings';
export * from './limit-settings';
export * from './sql-settings';
export * from './observability-settings';
export * from './process-environment';
export * from './web-settings';
