import type { ProcessTracker } from './run-process.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A process tracker that, while it is active, answers Ctrl-C (and SIGTERM, SIGHUP) by killing every tracked process. */
export interface InterruptGuard extends ProcessTracker {
  /** Stops listening for signals; call it when the run ends. */
  release(): void;
}

/**
 * Examples run in process groups of their own, so a Ctrl-C at the terminal never reaches them:
 * the checker must stop them itself before it goes. `cleanUp` runs then too (synchronously: the
 * process is about to end). The signal is then raised again, so that the checker ends as it would
 * have without this guard, or the other listeners (Astro's) decide.
 */
export function guardInterrupts(cleanUp: () => void): InterruptGuard {
  const kills = new Set<() => void>();
  const onSignal = (signal: NodeJS.Signals) => {
    for (const kill of kills) kill();
    kills.clear();
    try {
      cleanUp();
    } catch {
      // What cannot be cleaned up now stays; the signal must still take its course.
    }
    release();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const release = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    track(kill) {
      kills.add(kill);
      return () => kills.delete(kill);
    },
    release,
  };
}
