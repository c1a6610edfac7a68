/**
 * Lines of a command's output that belong to a stack trace or an uncaught error: `    at …`
 * frames, and a line that starts with an error's name (`Error: …`, `RangeError [CODE]: …`).
 */
export function stackTraceLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+at\s/.test(line) || /^[A-Z]\w*Error\b.*?:/.test(line));
}
