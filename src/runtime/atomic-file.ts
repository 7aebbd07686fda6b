// Read-modify-write of a small file that must never be lost or left half written (the
// shared credentials and config files): writers of this module take turns through a lock
// file, and each write goes to a temporary file beside the target, is flushed to disk and
// then renamed over it, so that a reader (or a crash) sees the old file or the new one,
// never a truncated one. A symbolic link is followed, so that the link stays a link.
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

const LOCK_WAIT_MS = 10_000;
/** A lock this old was left by a writer that died (a write holds it for milliseconds); it is taken over. */
const STALE_LOCK_MS = 5_000;

export class FileUpdateError extends Error {}

/** Waits without blocking the bridge's other calls. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * The file a path names, through any symbolic links: also a link whose target does not exist
 * yet, so that writing it creates the target rather than replacing the link.
 */
function targetOf(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(current);
    } catch {
      try {
        if (!lstatSync(current).isSymbolicLink()) return current;
        current = resolve(dirname(current), readlinkSync(current));
      } catch {
        return current;
      }
    }
  }
  return current;
}

async function takeLock(lockPath: string): Promise<number> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return openSync(lockPath, "wx", 0o600);
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lockPath).mtimeMs > STALE_LOCK_MS) {
          // Renamed away first: of two writers that both found it stale, only one takes it
          // over; the other's rename fails and it waits again, rather than removing the new lock.
          const stale = `${lockPath}.${randomBytes(6).toString("hex")}.stale`;
          renameSync(lockPath, stale);
          unlinkSync(stale);
        }
      } catch {
        // Released or taken over meanwhile.
      }
      if (Date.now() > deadline) {
        throw new FileUpdateError(`${lockPath} has been held by another writer for over ${LOCK_WAIT_MS / 1000} s; if no other program is writing, delete it.`);
      }
      await sleep(25);
    }
  }
}

/**
 * Replaces the file's text with update(current text), where the current text is "" for a
 * file that does not exist yet. A new file (and a new folder for it) is readable by its
 * owner only; an existing file keeps its mode. update returning the text unchanged writes nothing.
 */
export async function updateFile(path: string, update: (text: string) => string): Promise<{ changed: boolean }> {
  try {
    return await updateFileUnguarded(path, update);
  } catch (error) {
    if (error instanceof FileUpdateError || !errorCode(error)) throw error;
    throw new FileUpdateError(`Could not write ${path}: ${describeFileError(error as NodeJS.ErrnoException)}.`);
  }
}

/** What went wrong with a file, in words, without a stack. */
function describeFileError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EISDIR":
      return "it is a folder, not a file";
    case "EACCES":
    case "EPERM":
      return `permission denied (${error.syscall ?? "access"} ${error.path ?? ""})`.replace(" )", ")");
    case "ENOENT":
      return `a folder on the way does not exist and cannot be created (${error.path ?? ""})`;
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    default:
      return error.message;
  }
}

async function updateFileUnguarded(path: string, update: (text: string) => string): Promise<{ changed: boolean }> {
  const target = targetOf(path);
  const folder = dirname(target);
  makeFolder(folder);
  const lockPath = `${target}.lock`;
  const lock = await takeLock(lockPath);
  try {
    let current = "";
    let mode = 0o600;
    try {
      // Latin-1 maps every byte to one character and back: bytes the update does not touch
      // (a comment in another encoding) are written back exactly.
      current = readFileSync(target, "latin1");
      mode = statSync(target).mode & 0o777;
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
    }
    const next = update(current);
    if (next === current) return { changed: false };
    const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      const fd = openSync(temporary, "wx", mode);
      try {
        writeSync(fd, Buffer.from(next, "latin1"));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      await renameWithRetry(temporary, target);
    } catch (error) {
      // Never leave a copy of the file (its secrets) behind.
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone.
      }
      throw error;
    }
    return { changed: true };
  } finally {
    closeSync(lock);
    try {
      unlinkSync(lockPath);
    } catch {
      // Taken over as stale by another writer.
    }
  }
}

/**
 * Creates a missing folder and the missing folders above it, one at a time: Node's recursive
 * mkdir never returns under some virtual file systems (/proc), where this fails at once.
 */
function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current) && missing.length < 64; current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) {
    try {
      mkdirSync(path, { mode: 0o700 });
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
  }
}

/** Windows refuses to replace a file another process has open for a moment (a virus scanner, an editor). */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      if (attempt >= 20 || (errorCode(error) !== "EPERM" && errorCode(error) !== "EBUSY" && errorCode(error) !== "EACCES")) throw error;
      await sleep(50);
    }
  }
}
