import { describe, expect, it } from 'vitest';
import { createProcessLauncher } from '../../src/examples/process-launcher.ts';

const limits = { timeoutMs: 5_000, maxOutputBytes: 1024 };

describe('the example launcher', () => {
  it('runs programs as runProcess does, several at once, with their limits', async () => {
    const launcher = createProcessLauncher();
    try {
      const [echo, flood, slow] = await Promise.all([
        launcher.run(['/bin/sh', '-c', 'echo out; echo err >&2; exit 3'], { cwd: '/', env: {}, limits }),
        launcher.run(['/bin/sh', '-c', 'yes'], { cwd: '/', env: {}, limits }),
        launcher.run(['/bin/sleep', '30'], { cwd: '/', env: {}, limits: { ...limits, timeoutMs: 200 } }),
      ]);
      expect(echo).toMatchObject({ stdout: 'out\n', stderr: 'err\n', exitCode: 3, timedOut: false });
      expect(flood).toMatchObject({ outputLimitHit: true, timedOut: false });
      expect(flood.stdout).toHaveLength(1024);
      expect(slow).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
    } finally {
      await launcher.close();
    }
  });

  it('stops a program when the tracker is told to, as Ctrl-C does', async () => {
    const launcher = createProcessLauncher();
    const kills: (() => void)[] = [];
    try {
      const running = launcher.run(['/bin/sleep', '30'], {
        cwd: '/',
        env: {},
        limits,
        tracker: { track: (kill) => (kills.push(kill), () => undefined) },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const kill of kills) kill();
      await expect(running).resolves.toMatchObject({ signal: 'SIGKILL', timedOut: false });
    } finally {
      await launcher.close();
    }
  });

  it('ends what it started when it is closed, and says so for runs still going', async () => {
    const launcher = createProcessLauncher();
    const running = launcher.run(['/bin/sleep', '30'], { cwd: '/', env: {}, limits });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await launcher.close();
    await expect(running).resolves.toMatchObject({ spawnError: expect.stringContaining('launcher stopped') });
  });
});
