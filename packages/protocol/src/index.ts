export * from './common.ts';
export * from './peer.ts';
export * from './report.ts';
export * from './rest.ts';
export * from './transcript.ts';
export * from './ws.ts';
