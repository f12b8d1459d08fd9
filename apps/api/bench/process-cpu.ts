import fs from 'node:fs';

/** CPU ms (user + system) used so far by process `pid`, from /proc (Linux; USER_HZ = 100). */
export function readProcessCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime: fields 14 and 15 of stat
}
