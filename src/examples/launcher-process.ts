// The example launcher (process-launcher.ts): a small process that starts each program it is
// asked to, with runProcess's limits, and answers with how it ended. When the checker goes (its
// channel closes, however it ended), every program still running is killed, and so is this.
import type { LaunchAnswer, LaunchRequest } from './process-launcher.ts';
import { runProcess } from './run-process.ts';

const kills = new Map<number, () => void>();

process.on('message', (message: LaunchRequest | { kill: number }) => {
  if ('kill' in message) {
    kills.get(message.kill)?.();
    return;
  }
  const { id, command, cwd, env, limits } = message;
  void runProcess(command, {
    cwd,
    env,
    limits,
    tracker: {
      track(kill) {
        kills.set(id, kill);
        return () => kills.delete(id);
      },
    },
  }).then((outcome) => process.send?.({ id, outcome } satisfies LaunchAnswer));
});

process.on('disconnect', () => {
  for (const kill of kills.values()) kill();
  process.exit(0);
});
