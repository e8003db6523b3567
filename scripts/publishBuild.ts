import fs from 'node:fs';

/**
 * Puts a finished build folder in place of `out` by renames, so a server
 * starting meanwhile never serves half a build: the old folder moves aside,
 * the new one takes its name, the old one is deleted. When the second rename
 * fails, `raceIsFine(error)` says whether another process published an equally
 * good build in between (parallel test files building at once); otherwise the
 * error is thrown. The staging folder is the caller's to delete.
 */
export function publishBuild(staging: string, out: string, raceIsFine: (error: NodeJS.ErrnoException) => boolean): void {
  const previous = `${staging}-previous`;
  try {
    fs.renameSync(out, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    fs.renameSync(staging, out);
  } catch (error) {
    if (!raceIsFine(error as NodeJS.ErrnoException)) throw error;
  }
  fs.rmSync(previous, { recursive: true, force: true });
}
