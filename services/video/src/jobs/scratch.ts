import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Every render's scratch directory starts so, under VIDEO_WORK_DIR, followed by the worker's pid. */
export const scratchPrefix = 'what-if-render-';

/** The prefix of one render's scratch directory: the worker's pid says whose it is. */
export function scratchDirectoryPrefix(videoId: string): string {
  return `${scratchPrefix}${process.pid}-${videoId}-`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the scratch directories of renders that a crash (a killed worker) left behind. Run
 * when a worker starts, before it takes a job. VIDEO_WORK_DIR may be shared (make dev's worker
 * and a test's on one machine's /tmp), so only directories of processes that are gone go; one
 * with this process's own pid is a leftover too (a restarted container reuses pids), since this
 * worker has rendered nothing yet.
 */
export async function removeScratchLeftovers(workDir: string): Promise<number> {
  const leftovers = (await readdir(workDir)).filter((name) => {
    const pid = Number(new RegExp(`^${scratchPrefix}(\\d+)-`).exec(name)?.[1] ?? Number.NaN);
    return Number.isInteger(pid) && (pid === process.pid || !processAlive(pid));
  });
  await Promise.all(leftovers.map((name) => rm(path.join(workDir, name), { recursive: true, force: true })));
  return leftovers.length;
}
