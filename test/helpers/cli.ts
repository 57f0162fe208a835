import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The CLI entry point, run as a user would (a child `node` process). */
export const BIN = join(import.meta.dirname, '../../bin/claimwire.mjs');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and resolves with its exit code and output instead of rejecting on a non-zero exit. */
export function runProcess(file: string, args: string[], timeoutMs = 240_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `claimwire <args>` in a child process. */
export function claimwire(args: string[], timeoutMs?: number): Promise<RunResult> {
  return runProcess(process.execPath, [BIN, ...args], timeoutMs);
}
