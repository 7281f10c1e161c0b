export * from './claims';
export * from './errors';
export * from './gateway-secret';
export * from './guards';
export * from './roles';
export * from './sign';
export * from './verifier';
export * from './viewer';
