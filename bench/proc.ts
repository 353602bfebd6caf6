// A process's memory as Linux reports it in /proc: what the harness gives as peak RSS.
import fs from 'node:fs';

/** Peak resident memory of a process so far (Linux VmHWM), in MB. */
export function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Reset the peak resident memory mark of a process (Linux: 5 > clear_refs); false if not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
