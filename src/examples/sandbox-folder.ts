/** Where an example's folder appears inside a sandbox: a fixed path keeps tracebacks the same on every machine. */
export const SANDBOX_DIR = '/tmp/example';
