export * from './types';
export * from './limits';
export * from './permissions';
