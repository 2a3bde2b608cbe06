import { spawn } from "node:child_process";

export interface Exec {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

/** Runs a command to completion (never rejects; a missing binary is code null + message). */
export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<Exec> {
  const started = performance.now();
  return new Promise((done) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 120_000);
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ code: null, stdout, stderr: `${stderr}${String(error)}`, ms: performance.now() - started, timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: performance.now() - started, timedOut });
    });
  });
}

export async function execOrThrow(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number },
) {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.timedOut ? "timed out" : `exit ${result.code}`}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}
