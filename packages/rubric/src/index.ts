export * from './cache.ts';
export * from './duplicates.ts';
export * from './lint.ts';
export * from './load.ts';
export { formatIssue, type RubricIssue } from './locate.ts';
export * from './schema.ts';
export * from './text.ts';
