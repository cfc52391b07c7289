export * from './model';
export * from './formats';
export * from './adjusters';
export * from './analysis';
