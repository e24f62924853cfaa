/**
 * Which CPU the Pagefind indexer is pinned to. On a machine of two or three
 * CPUs, Pagefind shares them with Astro's page build, and its threads hop
 * between CPUs: each time its allocator hands memory back, the kernel flushes
 * the other CPU's TLB with an interrupt, and its caches are shared with Astro.
 * Pinned to one CPU it does the same work in less time (profiled with perf at
 * 10,000 papers; see the README). With four CPUs or more there is room for
 * both, so it is left free. Pure: the caller reads the machine and writes the
 * wrapper (`src/integrations/search-index.ts`).
 */

/** `SEARCH_INDEX_CPU`: `auto` (the default), `none`, or a CPU number. */
export type CpuSetting = { kind: 'auto' } | { kind: 'none' } | { kind: 'cpu'; cpu: number };

/** Reads `env.SEARCH_INDEX_CPU`; a bad value throws naming the variable and the fix. */
export function cpuSetting(env: Record<string, string | undefined>): CpuSetting {
  const raw = env.SEARCH_INDEX_CPU?.trim();
  if (raw === undefined || raw === '' || raw === 'auto') return { kind: 'auto' };
  if (raw === 'none') return { kind: 'none' };
  if (/^\d+$/.test(raw)) return { kind: 'cpu', cpu: Number(raw) };
  throw new Error(`SEARCH_INDEX_CPU: "${raw}" is not a CPU number (use a number such as 1, "none" to leave Pagefind free, or unset it for "auto").`);
}

/** A Linux CPU list (`Cpus_allowed_list` in `/proc/self/status`, e.g. `0-3,8`) as CPU numbers. */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let cpu = first; cpu <= last; cpu += 1) cpus.push(cpu);
  }
  return cpus;
}

/**
 * The CPU to pin Pagefind to, or undefined to leave it free: the setting's CPU if the build may use it,
 * else (auto) the last allowed CPU when there are two or three.
 */
export function pagefindCpu(setting: CpuSetting, allowed: readonly number[]): number | undefined {
  if (setting.kind === 'none') return undefined;
  if (setting.kind === 'cpu') {
    if (!allowed.includes(setting.cpu)) {
      throw new Error(`SEARCH_INDEX_CPU: CPU ${setting.cpu} is not one this build may use (${allowed.join(', ')}); pick one of those, or unset it.`);
    }
    return setting.cpu;
  }
  return allowed.length >= 2 && allowed.length <= 3 ? allowed[allowed.length - 1] : undefined;
}

/** A shell script that runs `binary` with its arguments, pinned to `cpu` by `taskset`. */
export function pinnedLauncher(taskset: string, cpu: number, binary: string): string {
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  return `#!/bin/sh\nexec ${quote(taskset)} -c ${cpu} ${quote(binary)} "$@"\n`;
}
