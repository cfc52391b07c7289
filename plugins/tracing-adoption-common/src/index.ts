/**
 * Shared types and pure logic of the tracing-adoption plugin.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './types';
export * from './catalogMapping';
export * from './trace';
export * from './sourceHealth';
export * from './apiTypes';
export * from './scan';
export * from './compliance';
export * from './capacity';
export * from './stories';
export * from './rollout';
