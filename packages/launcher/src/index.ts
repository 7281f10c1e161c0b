export * from './hub';
export * from './service-process';
