export * from './fake-openai.ts';
export * from './fake-transcriber.ts';
