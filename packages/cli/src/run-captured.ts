import { type CliIo, runCommand } from './commands.ts';

/** What a command printed and returned. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mlsd ARGS` in-process with its output collected, as the CLI tests read it. */
export async function runCaptured(
  args: string[],
  cwd: string,
  env?: Record<string, string | undefined>,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    ...(env === undefined ? {} : { env }),
  };
  const code = await runCommand(args, io);
  return { code, stdout, stderr };
}
