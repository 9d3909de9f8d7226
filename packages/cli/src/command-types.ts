/**
 * Types every command module shares. A leaf: it imports nothing, so a command can name `CliIo`
 * without importing the dispatcher (`commands.ts`) that imports it back.
 */

export interface CliIo {
  /** Directory relative paths are resolved against. */
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Environment variables (the model settings); only commands that can use a model read them. */
  env?: Record<string, string | undefined>;
}
