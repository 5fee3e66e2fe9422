import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Every render's scratch directory starts so, under VIDEO_WORK_DIR. */
export const scratchPrefix = 'what-if-video-';

/**
 * Removes the scratch directories of renders that a crash (a killed worker) left behind. Run
 * when a worker starts, before it takes a job: VIDEO_WORK_DIR is each worker's own (a
 * container's /tmp), so nothing there belongs to a render still running.
 */
export async function removeScratchLeftovers(workDir: string): Promise<number> {
  const leftovers = (await readdir(workDir)).filter((name) => name.startsWith(scratchPrefix));
  await Promise.all(leftovers.map((name) => rm(path.join(workDir, name), { recursive: true, force: true })));
  return leftovers.length;
}
