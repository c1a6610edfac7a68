/** Reports progress of a long run: a live bar on a terminal, one summary line elsewhere. */
export interface Progress {
  tick(done: number, total: number): void;
  finish(summary: string): void;
}

/** Waits this long before drawing, so that quick runs stay quiet. */
const DELAY_MS = 1000;
const WIDTH = 24;

/** A progress reporter writing to `stream`; `interactive` draws a bar that redraws in place. */
export function createProgress(
  stream: { write(text: string): unknown },
  interactive: boolean,
  label: string,
): Progress {
  const started = Date.now();
  let drawn = false;
  return {
    tick(done, total) {
      if (!interactive || Date.now() - started < DELAY_MS) return;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish(summary) {
      if (drawn) stream.write('\r\u001B[2K');
      if (Date.now() - started >= DELAY_MS || !interactive) stream.write(`${label}: ${summary}\n`);
    },
  };
}
