// Who holds a lock file, told apart from a later process that happens to get the same pid:
// after a restart (a container's server is always pid 1) a stale lock's pid may well run
// again. On Linux a process is its pid plus its start time (field 22 of /proc/<pid>/stat,
// clock ticks since boot) and the boot it started in; elsewhere the pid alone.
import { readFileSync } from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  /** Boot id and start time; null where /proc does not tell (the pid alone then identifies). */
  started: string | null;
}

function readOr(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function startedOf(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  const boot = readOr('/proc/sys/kernel/random/boot_id');
  if (stat === null || boot === null) return null;
  // The command name (field 2, in parentheses) may hold spaces: count fields after it.
  const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return startTime ? `${boot.trim()}/${startTime}` : null;
}

/** The process that runs as `pid` now. */
export const identityOf = (pid: number): ProcessIdentity => ({ pid, started: startedOf(pid) });

let self: ProcessIdentity | undefined;

export function thisProcess(): ProcessIdentity {
  self ??= identityOf(process.pid);
  return self;
}

/** Whether the process `identity` names still runs (not a later one with its pid). */
export function isRunning(identity: ProcessIdentity): boolean {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (identity.started === null) return true;
  const started = startedOf(identity.pid);
  return started === null || started === identity.started;
}

/** One line: the pid, then (where known) the start. A lock from before started were written holds the pid alone. */
export const formatIdentity = ({ pid, started }: ProcessIdentity): string =>
  started === null ? String(pid) : `${pid} ${started}`;

export function parseIdentity(text: string): ProcessIdentity | null {
  const [pidText, started] = text.trim().split(' ');
  const pid = Number(pidText);
  return pidText && Number.isSafeInteger(pid) && pid > 0 ? { pid, started: started ?? null } : null;
}
