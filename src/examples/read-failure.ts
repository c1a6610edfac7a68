import type { RuntimeSpec } from './runtimes.ts';

type Family = RuntimeSpec['family'];

/** The error that ended a program, as its runtime printed it: `NameError`, `name 'x' is not defined`. */
export interface FinalError {
  type: string;
  message: string;
}

/**
 * The error that ended the program, read from stderr: for Python the last exception line of the
 * traceback, for Node.js the first line of the uncaught error (its stack and causes follow it).
 */
export function finalError(stderr: string, family: Family): FinalError | undefined {
  const lines = stderr.split(/\r?\n/);
  if (family === 'python') {
    for (const line of lines.toReversed()) {
      const match = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt))(?:: (.*))?$/.exec(line);
      if (match) return { type: match[1]!, message: match[2] ?? '' };
    }
  }
  if (family === 'node') {
    for (const line of lines) {
      const match = /^(\w*Error)(?: \[\w+\])?: (.*)$/.exec(line);
      if (match) return { type: match[1]!, message: match[2]! };
    }
  }
  return undefined;
}

/** The undefined name an error complains of (`NameError`, `ReferenceError`), if that is what it is. */
export function undefinedName(error: FinalError | undefined, family: Family): string | undefined {
  if (!error) return undefined;
  if (family === 'python' && error.type === 'NameError')
    return /^name '([^']+)' is not defined/.exec(error.message)?.[1];
  if (family === 'node' && error.type === 'ReferenceError')
    return /^([\p{L}\p{N}_$]+) is not defined$/u.exec(error.message)?.[1];
  return undefined;
}

/** The module (top-level package) an error says is not installed, if that is what it is. */
export function missingModule(error: FinalError | undefined, family: Family): string | undefined {
  if (!error) return undefined;
  if (family === 'python' && error.type === 'ModuleNotFoundError')
    return /^No module named '([^'.]+)/.exec(error.message)?.[1];
  // Only a bare specifier names a package; a missing relative file is the example's own mistake.
  if (family === 'node') return /^Cannot find package '([^']+)'/.exec(error.message)?.[1];
  return undefined;
}

/** Words of the errors a program meets when it wants a network it does not have. */
const NETWORK_ERROR =
  /gaierror|name resolution|Name or service not known|No address associated with hostname|Network is unreachable|ConnectionRefusedError|Connection refused|ClientConnectorError|ConnectError|Cannot connect to host|URLError|Max retries exceeded|ENETUNREACH|ECONNREFUSED|EHOSTUNREACH|EAI_AGAIN|ENOTFOUND|getaddrinfo|fetch failed/;

/** Lines of stderr looked at for a network error: the end of a traceback, or an error and its causes. */
const TAIL_LINES = 40;

/** True when the end of the error output reads like a failed attempt to use the network. */
export function looksLikeNetwork(text: string): boolean {
  return NETWORK_ERROR.test(text.split(/\r?\n/).slice(-TAIL_LINES).join('\n'));
}

/** The host (and port) a Node.js network error names: `getaddrinfo EAI_AGAIN example.org`, `connect ECONNREFUSED 10.0.0.1:80`. */
export function nodeNetworkHost(stderr: string): string | undefined {
  return /\b(?:getaddrinfo (?:EAI_AGAIN|ENOTFOUND|EAI_FAIL|EAI_NODATA)|connect (?:ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT)) (\S+)/.exec(
    stderr,
  )?.[1];
}

/** True for an address of this machine, which a sandbox does not cut off. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\](?::\d+)?$/g, '').replace(/:\d+$/, '');
  return name === 'localhost' || name === '::1' || /^127\./.test(name) || name === '0.0.0.0';
}

/** What the Python network probe writes on stderr for each host: `\u241Enetwork <host> <port>`. */
export const NETWORK_MARK = '\u241Enetwork';

/**
 * Python run before the program (as `python -c <this> main.py`): an audit hook writes the first
 * few hosts the program looks up or connects to, then the program runs as `__main__`. Used only in a
 * second run of a failed example, so that the first run's traceback stays the program's own.
 */
export const PYTHON_NETWORK_PROBE = `
import sys
def _kb_hook(event, args, seen=[]):
    if len(seen) >= 5:
        return
    if event == "socket.getaddrinfo" and args[0]:
        host, port = args[0], args[1]
    elif event == "socket.connect" and isinstance(args[1], tuple) and len(args[1]) >= 2:
        host, port = args[1][0], args[1][1]
    else:
        return
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in seen:
        return
    seen.append(host)
    sys.__stderr__.write("\\n${NETWORK_MARK} %s %s\\n" % (host, port))
    sys.__stderr__.flush()
sys.addaudithook(_kb_hook)
import runpy
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
`;

/** The first host the Python probe saw that is not this machine, as `host:port`. */
export function probedHost(stderr: string): string | undefined {
  const hosts = [...stderr.matchAll(new RegExp(`^${NETWORK_MARK} (\\S+) (\\S+)$`, 'gm'))].map(
    ([, host, port]) => {
      const shown = host!.includes(':') ? `[${host}]` : host!;
      return port === 'None' ? shown : `${shown}:${port}`;
    },
  );
  return hosts.find((host) => !isLoopback(host));
}
