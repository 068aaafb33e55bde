import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The systemd unit docs/DEPLOYMENT.md shows is checked by systemd itself where it exists (Debian
// machines, CI); a unit with a mistake in it is refused the same way, so the check can fail.

const unit = readFileSync('docs/deploy/attune.service', 'utf8');
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;

function verify(text: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'attune-unit-'));
  try {
    const file = join(dir, 'attune.service');
    writeFileSync(file, text);
    const run = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    return { ok: run.status === 0 && !/attune\.service:\d+:/.test(run.stderr), output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the systemd unit of the deployment guide', () => {
  it('is shown by the guide as it is in the repository', () => {
    expect(readFileSync('docs/DEPLOYMENT.md', 'utf8')).toContain('docs/deploy/attune.service');
    expect(unit).toMatch(/^ExecStart=/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
  });

  it.runIf(hasSystemd)('passes systemd-analyze verify, and a broken copy does not', () => {
    const good = verify(unit);
    expect(good.ok, good.output).toBe(true);
    const broken = verify(
      unit.replace('ExecStart=/usr/bin/env node scripts/start.mjs', 'ExecStart=node scripts/start.mjs\nRestart=sometimes'),
    );
    expect(broken.ok, broken.output).toBe(false);
    expect(execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' })).toMatch(/systemd/);
  });
});
