import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${ownerPid}. ` +
        "Only one process may open it: stop that process, or set DATA_DIR to another directory " +
        "(or DATABASE_URL to use a PostgreSQL server).",
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Whether process `pid` still runs. A process killed (even by `kill -9`) stays in the process table
 * as a zombie until its parent reaps it, and `kill(pid, 0)` still succeeds on it: a zombie holds
 * no files and runs no code, so it counts as gone (Linux: its state in /proc/<pid>/stat is Z or X).
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  if (!existsSync("/proc/self/stat")) return false; // no /proc (not Linux): kill(pid, 0) decides
  try {
    // "pid (comm) S …": the state follows the last ")" (the command name may hold spaces and parentheses)
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state === "Z" || state === "X";
  } catch {
    return true; // gone since kill(pid, 0)
  }
}

/**
 * PGlite has no file locking and two instances on one directory corrupt it, so the process
 * holds an exclusive lock file with its pid. A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      unlinkSync(lockPath); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}
