import * as fs from 'node:fs';
import * as os from 'node:os';

/** Resident memory of a process in KiB (VmRSS of /proc/<pid>/status), or NaN off Linux. */
export function rssKiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Established TCP connections that process `pid` holds to `port` on loopback: read from the process's
 * socket inodes (/proc/<pid>/fd) and the kernel's tables (/proc/net/tcp, tcp6). NaN off Linux.
 */
export function connectionsTo(pid: number | undefined, port: number): number {
  if (!pid) return NaN;
  try {
    const inodes = new Set<string>();
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // closed meanwhile
      }
    }
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    let count = 0;
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10) continue;
        const remotePort = cols[2]!.split(':')[1];
        if (remotePort === hexPort && cols[3] === '01' && inodes.has(cols[9]!)) count += 1;
      }
    }
    return count;
  } catch {
    return NaN;
  }
}

export interface Machine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  readonly date: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}
