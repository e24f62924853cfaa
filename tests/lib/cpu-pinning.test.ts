import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuSetting, pagefindCpu, parseCpuList, pinnedLauncher } from '../../src/lib/cpu-pinning.ts';

describe('cpuSetting', () => {
  it('reads auto, none and a CPU number, and names the fix for anything else', () => {
    expect(cpuSetting({})).toEqual({ kind: 'auto' });
    expect(cpuSetting({ SEARCH_INDEX_CPU: 'auto' })).toEqual({ kind: 'auto' });
    expect(cpuSetting({ SEARCH_INDEX_CPU: ' none ' })).toEqual({ kind: 'none' });
    expect(cpuSetting({ SEARCH_INDEX_CPU: '3' })).toEqual({ kind: 'cpu', cpu: 3 });
    expect(() => cpuSetting({ SEARCH_INDEX_CPU: 'last' })).toThrow(/SEARCH_INDEX_CPU: "last" is not a CPU number \(use a number such as 1, "none"/);
    expect(() => cpuSetting({ SEARCH_INDEX_CPU: '-1' })).toThrow(/SEARCH_INDEX_CPU/);
  });
});

describe('parseCpuList', () => {
  it('expands ranges and single CPUs as Linux writes them', () => {
    expect(parseCpuList('0-1')).toEqual([0, 1]);
    expect(parseCpuList('0-2,5,7-8\n')).toEqual([0, 1, 2, 5, 7, 8]);
    expect(parseCpuList('3')).toEqual([3]);
    expect(parseCpuList('')).toEqual([]);
  });
});

describe('pagefindCpu', () => {
  it('pins to the last CPU on a machine of two or three, and leaves one CPU or four and more alone', () => {
    const auto = { kind: 'auto' } as const;
    expect(pagefindCpu(auto, [0, 1])).toBe(1);
    expect(pagefindCpu(auto, [2, 5, 7])).toBe(7);
    expect(pagefindCpu(auto, [0])).toBeUndefined();
    expect(pagefindCpu(auto, [0, 1, 2, 3])).toBeUndefined();
    expect(pagefindCpu(auto, [])).toBeUndefined();
  });

  it('follows the setting, and refuses a CPU the build may not use', () => {
    expect(pagefindCpu({ kind: 'none' }, [0, 1])).toBeUndefined();
    expect(pagefindCpu({ kind: 'cpu', cpu: 0 }, [0, 1, 2, 3, 4, 5])).toBe(0);
    expect(() => pagefindCpu({ kind: 'cpu', cpu: 9 }, [0, 1])).toThrow('SEARCH_INDEX_CPU: CPU 9 is not one this build may use (0, 1); pick one of those, or unset it.');
  });
});

describe('pinnedLauncher', () => {
  it('runs the binary with its arguments on the one CPU', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-pin-'));
    try {
      // A "binary" whose path needs quoting, that reports the CPUs it may run on and its arguments.
      const binary = join(dir, "it's here.sh");
      writeFileSync(binary, '#!/bin/sh\ngrep Cpus_allowed_list /proc/self/status\necho "$@"\n', { mode: 0o755 });
      const launcher = join(dir, 'launch.sh');
      writeFileSync(launcher, pinnedLauncher('taskset', 0, binary), { mode: 0o755 });
      expect(execFileSync(launcher, ['--service', 'two words'], { encoding: 'utf8' })).toBe('Cpus_allowed_list:\t0\n--service two words\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
