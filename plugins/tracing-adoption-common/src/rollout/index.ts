export * from './types';
export * from './permissions';
export * from './coverage';
export * from './teams';
export * from './campaignProgress';
