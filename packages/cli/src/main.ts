#!/usr/bin/env node
import { runCommand } from './commands.ts';

// `pnpm mlsd` runs from the workspace root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const code = await runCommand(process.argv.slice(2), {
  cwd,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
