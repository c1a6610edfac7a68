import { SANDBOX_DIR } from './sandbox-folder.ts';

/** The tools of util-linux the fallback sandbox is made of, and one that can bring up the loopback interface. */
export interface UnshareTools {
  unshare: string;
  setpriv: string;
  setsid: string | undefined;
  /** `ip`, or else a system `python3`, which can do what `ip link set lo up` does. */
  loopback: { ip: string } | { python: string } | undefined;
  /** coreutils' `timeout`, which waits for the example without a word, even as a namespace's first process. */
  waiter: string | undefined;
}

/** `ip link set lo up`, in Python: read the interface's flags, add IFF_UP (SIOCGIFFLAGS, SIOCSIFFLAGS). */
const PYTHON_LOOPBACK_UP = [
  'import fcntl, socket, struct',
  's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  "flags = struct.unpack('16sH', fcntl.ioctl(s, 0x8913, struct.pack('16sH', b'lo', 0))[:18])[1]",
  "fcntl.ioctl(s, 0x8914, struct.pack('16sH', b'lo', flags | 1))",
].join('\n');

/** Runtime folders under `/tmp` the sandbox can show (one file descriptor each, 3 to 9). */
const MAX_KEPT_PATHS = 7;

/**
 * Runs inside the new namespaces as their first process, before the example: it makes every
 * mount read-only, gives the example its folder at `/tmp/example` (writable) and its own
 * `/tmp` and `/dev/shm`, brings up the loopback interface, then runs the example in the
 * foreground (a background job would start with SIGINT ignored) and exits with its status.
 * Its own commands are looked up on the system's PATH, the example keeps the one it was given.
 * Staying the first process matters: when it exits, the kernel kills every process left in
 * the namespace, however the example detached them.
 *
 * `$1` is the example's folder on the host, `$2` the command that brings up `lo` or empty, `$3`
 * the `timeout` program or empty, `$4` the number of runtime paths under `/tmp` that follow (the
 * new `/tmp` would hide them), then the command.
 * What the new `/tmp` hides is reached through what was opened before: the working folder and
 * file descriptors 3 and up, whose `/proc/self/fd` links lead to the hidden files.
 */
const SETUP_SCRIPT = `
example_path="$PATH"
PATH=/usr/sbin:/usr/bin:/sbin:/bin
fail() { echo "kb-sandbox: $*" >&2; exit 125; }
cd "$1" || fail "cannot enter the example's folder"
loopback="$2"
waiter="$3"
count="$4"
n=0
for kept do
  n=$((n + 1)); [ "$n" -le 4 ] && continue; [ "$n" -gt $((count + 4)) ] && break
  eval "exec $((n - 2))<\\"\\$kept\\"" || fail "cannot open $kept"
done
for point in $(cut -d ' ' -f 5 /proc/self/mountinfo); do
  case "$point" in /proc|/proc/*) continue ;; esac
  case "$point" in *\\\\*) point=$(printf '%b' "$(printf '%s' "$point" | sed 's/\\\\/\\\\0/g')") ;; esac
  mount -o remount,bind,ro "$point" 2>/dev/null || fail "cannot make $point read-only"
done
mount -t tmpfs -o size=64m,mode=0755 kb-tmp /tmp 2>/dev/null || fail "cannot mount /tmp"
mkdir ${SANDBOX_DIR}
mount --no-canonicalize --bind . ${SANDBOX_DIR} 2>/dev/null || fail "cannot mount the example's folder"
mount -o remount,bind,rw ${SANDBOX_DIR} 2>/dev/null || fail "cannot make the example's folder writable"
n=0
for kept do
  n=$((n + 1)); [ "$n" -le 4 ] && continue; [ "$n" -gt $((count + 4)) ] && break
  fd=/proc/self/fd/$((n - 2))
  mkdir -p "$(dirname "$kept")"
  if [ -d "$fd" ]; then mkdir -p "$kept"; else : > "$kept"; fi
  mount --no-canonicalize --bind "$fd" "$kept" 2>/dev/null || fail "cannot show $kept"
  mount -o remount,bind,ro "$kept" 2>/dev/null || fail "cannot make $kept read-only"
  eval "exec $((n - 2))<&-"
done
shift $((count + 4))
mount -o remount,bind,ro /tmp 2>/dev/null || fail "cannot make /tmp read-only"
mount -t tmpfs -o size=64m,mode=1777 kb-shm /dev/shm 2>/dev/null || fail "cannot mount /dev/shm"
if [ -n "$loopback" ]; then eval "$loopback" 2>/dev/null; fi
cd ${SANDBOX_DIR} || fail "cannot enter ${SANDBOX_DIR}"
unset OLDPWD
PATH="$example_path"
# \`timeout 0\` never times out: it only waits, as this shell would, but never adds \`Killed\` to
# the example's stderr, and as the first process it exits with 128 + N for a signal N.
if [ -n "$waiter" ]; then exec "$waiter" --foreground 0 "$@"; fi
"$@"
exit $?
`;

/**
 * The command that runs `argv` isolated by util-linux's `unshare`, for machines without
 * bubblewrap: its own user (mapped to the caller's), process, network, mount, IPC and host-name
 * namespaces; the whole file system read-only but for its folder; no capabilities left when
 * the example starts, so it cannot undo any of that; its own session; and the whole namespace
 * killed when the runner dies (`--pdeathsig`, `--kill-child`).
 */
export function unshareCommand(
  tools: UnshareTools,
  hostDir: string,
  runtimePaths: readonly string[],
  argv: readonly string[],
): string[] {
  const kept = runtimePaths.filter((folder) => /^\/tmp(\/|$)/.test(folder)).slice(0, MAX_KEPT_PATHS);
  // prettier-ignore
  return [
    tools.setpriv, '--pdeathsig', 'KILL', '--',
    tools.unshare,
    '--user', '--map-root-user',
    '--pid', '--fork', '--kill-child', '--mount-proc',
    '--net', '--mount', '--ipc', '--uts',
    '--', '/bin/sh', '-c', SETUP_SCRIPT, 'kb-sandbox', hostDir, loopbackCommand(tools), tools.waiter ?? '',
    String(kept.length), ...kept,
    ...(tools.setsid ? [tools.setsid, '--wait'] : []),
    // An empty bounding set: the example starts with no capabilities, even as the namespace's root.
    tools.setpriv, '--no-new-privs', '--bounding-set=-all', '--inh-caps=-all', '--',
    ...argv,
  ];
}

/** The shell command that brings up the loopback interface, so that an example may serve and call itself. */
function loopbackCommand(tools: UnshareTools): string {
  if (!tools.loopback) return '';
  return 'ip' in tools.loopback
    ? `${quote(tools.loopback.ip)} link set lo up`
    : `${quote(tools.loopback.python)} -I -c ${quote(PYTHON_LOOPBACK_UP)}`;
}

/** A shell word that stands for `text` exactly. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
