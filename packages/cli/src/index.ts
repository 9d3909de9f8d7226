export { type CliIo, runCommand } from './commands.ts';
