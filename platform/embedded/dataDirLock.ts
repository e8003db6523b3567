import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// PGlite is a whole PostgreSQL inside one process: two processes opening the
// same data directory each keep their own buffers and overwrite each other's
// files. This lock makes the directory single-opener across processes.

export const LOCK_FILE = 'smartcart.lock';

export interface LockHolder {
  pid: number;
  /** What holds it: `npm start`, `import`, `apikey:create`… */
  command: string;
  since: string;
}

/** The data directory is open in another live process. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since})`);
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  release(): void;
}

/** Per directory, how often this process holds it: services of one process share one directory. */
const held = new Map<string, { count: number; file: string }>();

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockHolder;
    return Number.isInteger(parsed.pid) ? parsed : null;
  } catch {
    return null;
  }
}

/** The live process holding the directory, if any (a stale lock of a dead process counts as none). */
export function liveLockHolder(dataDir: string): LockHolder | null {
  const holder = readLockHolder(dataDir);
  return holder && isAlive(holder.pid) ? holder : null;
}

/**
 * Takes the directory for this process, or throws DataDirInUseError naming
 * the live process that has it. A lock left by a dead process is taken over.
 * Released by `release()` or, at the latest, when the process exits.
 */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const key = fs.realpathSync(dataDir);
  const file = path.join(key, LOCK_FILE);
  const mine = held.get(key);
  if (mine) {
    mine.count++;
    return releaser(key);
  }
  const content = JSON.stringify({ pid: process.pid, command, since: new Date().toISOString() } satisfies LockHolder);
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written whole to a private name, then linked into place: link fails if
    // the lock exists, so creation is atomic and never seen half-written.
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temp, content, { mode: 0o600 });
    try {
      fs.linkSync(temp, file);
      held.set(key, { count: 1, file });
      return releaser(key);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
    const holder = readLockHolder(key);
    if (holder && isAlive(holder.pid) && holder.pid !== process.pid) throw new DataDirInUseError(key, holder);
    takeOverStale(file, holder);
  }
  throw new Error(`Could not lock ${key}: its lock file keeps changing`);
}

/**
 * Moves a dead process's lock aside. Two processes may race for it: whoever
 * moved a live lock (someone else won in between) puts it back.
 */
function takeOverStale(file: string, seen: LockHolder | null): void {
  const aside = `${file}.stale.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const moved = JSON.parse(fs.readFileSync(aside, 'utf8')) as LockHolder;
    if (seen && moved.pid !== seen.pid && isAlive(moved.pid)) fs.linkSync(aside, file);
  } catch {
    // Unreadable or already replaced: either way not a live lock of someone else.
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function releaser(key: string): DataDirLock {
  let released = false;
  return {
    dataDir: key,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(key);
      if (!entry || --entry.count > 0) return;
      held.delete(key);
      removeIfMine(entry.file);
    },
  };
}

function removeIfMine(file: string): void {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    if (holder.pid === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // Gone already.
  }
}

// A process that exits without closing its database (an error, process.exit)
// leaves no lock behind; a kill -9 does, and the next opener takes it over.
process.once('exit', () => {
  for (const { file } of held.values()) removeIfMine(file);
});
