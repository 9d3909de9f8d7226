export { type AppOptions, buildApp } from './app.ts';
export { type Clock, systemClock, type TimerHandle } from './clock.ts';
export { AppError, type AppErrorCode } from './errors.ts';
export type { SessionBrains } from './rooms/solo/brains.ts';
