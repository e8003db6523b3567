import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE, readLockHolder } from './dataDirLock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeLock(pid: number): void {
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid, command: 'npm start', since: '2026-01-01T00:00:00.000Z' }));
}

it('refuses a directory held by another live process, naming it', () => {
  writeLock(process.ppid); // the test runner's parent: alive, not us
  expect(() => acquireDataDirLock(dir, 'import')).toThrow(DataDirInUseError);
  expect(() => acquireDataDirLock(dir, 'import')).toThrow(new RegExp(`in use by process ${process.ppid} \\(npm start`));
});

it('takes over the lock of a dead process, and releases it', () => {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeLock(Number(dead.stdout));
  const lock = acquireDataDirLock(dir, 'import');
  expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, command: 'import' });
  expect((fs.statSync(path.join(dir, LOCK_FILE)).mode & 0o777).toString(8)).toBe('600');
  lock.release();
  expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
});

it('is shared by the openers of one process and kept until the last one releases it', () => {
  const first = acquireDataDirLock(dir, 'npm start');
  const second = acquireDataDirLock(dir, 'npm start');
  first.release();
  expect(readLockHolder(dir)?.pid).toBe(process.pid);
  second.release();
  expect(readLockHolder(dir)).toBeNull();
});
