# The Python fork server (python-fork-server.ts): started once per sandbox slot, inside the
# sandbox, it imports what the examples will import, then forks a child for each example it is
# asked to run. The child is a fresh process in the example's folder that runs the file as
# `python3 main.py` would; only the interpreter's start-up and those imports are shared.
#
# Its arguments: the runner's process namespace (`pid:[…]`), then the modules to import.
# Requests come on stdin, a JSON line each: {"file": ..., "timeout": seconds, "limit": bytes}.
# Each answer on stdout is a JSON line, {"stdout": n, "stderr": m, "code", "signal", "timedOut",
# "limitHit"}, then the n bytes of the child's stdout and the m of its stderr; or
# {"unforkable": true} when the server cannot fork safely, and the example must run afresh.
#
# Everything lives in one function so that `__main__` holds nothing of the server's when the
# example runs.


def _kb_serve():
    import atexit
    import gc
    import json
    import os
    import select
    import signal
    import sys
    import time
    from importlib.machinery import SourceFileLoader

    main_globals = sys.modules["__main__"].__dict__
    fresh_globals = {k: v for k, v in main_globals.items() if not k.startswith("_kb_")}
    stdin = sys.stdin.buffer
    # After the child exits, how long a process it left may keep its output open.
    grace = 0.5

    def prctl(option, value):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
        except Exception:
            pass

    # Not dumpable: an example may not read or trace the server's memory (it may still kill
    # it, which the runner notices). A subreaper: what an example leaves behind comes back here.
    prctl(4, 0)  # PR_SET_DUMPABLE
    prctl(36, 1)  # PR_SET_CHILD_SUBREAPER

    # The runner's process namespace: the sweep runs only in another one, the sandbox's own, where
    # every process but the server's line is an example's. Outside, it would kill the machine's.
    runner_namespace = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        own_namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        own_namespace = runner_namespace
    isolated = bool(runner_namespace) and own_namespace != runner_namespace

    # Only the standard library's, and none that acts when imported (prints, opens a window or a
    # terminal): a module named in an article is not otherwise trusted.
    standard = getattr(sys, "stdlib_module_names", frozenset())
    acting = {"this", "antigravity", "__hello__", "__phello__", "idlelib", "tkinter", "turtle",
              "turtledemo", "readline", "rlcompleter", "curses", "test", "ensurepip", "venv",
              "webbrowser", "pydoc"}
    for name in sys.argv[2:]:
        top = name.split(".")[0]
        if top in standard and top not in acting:
            try:
                __import__(name)
            except BaseException:
                pass

    def run_child(file, out_w, err_w):
        # The example's own process: its session, stdin empty, its two pipes, nothing else open.
        try:
            os.setsid()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            for fd in [int(name) for name in os.listdir("/proc/self/fd")]:
                if fd > 2:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            prctl(4, 1)
            prctl(36, 0)
            main_globals.clear()
            main_globals.update(fresh_globals)
            main_globals["__annotations__"] = {}
            main_globals["__loader__"] = SourceFileLoader("__main__", file)
            main_globals["__file__"] = file
            main_globals["__cached__"] = None
            sys.argv[:] = [file]
            with open(file, "rb") as source:
                text = source.read()
        except BaseException as error:
            os.write(2, f"kb-fork-server: cannot start the example: {error!r}\n".encode())
            os._exit(125)
        # As the interpreter runs a script: an uncaught error is printed from the example's own
        # frames and exits 1; SystemExit's code is the exit status, or printed and 1.
        try:
            exec(compile(text, file, "exec", dont_inherit=True), main_globals)
        except SystemExit as leaving:
            code = leaving.code
            if code is None:
                finish(0)
            if isinstance(code, int):
                finish(code)
            print(code, file=sys.stderr)
            finish(1)
        except BaseException as error:
            # The printed traceback is the error's own: without this function's frame.
            trace = error.__traceback__.tb_next if error.__traceback__ else None
            error.__traceback__ = trace
            sys.last_type, sys.last_value, sys.last_traceback = type(error), error, trace
            sys.excepthook(type(error), error, trace)
            if isinstance(error, KeyboardInterrupt):
                sys.stdout.flush()
                sys.stderr.flush()
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.kill(os.getpid(), signal.SIGINT)
            finish(1)
        finish(0)

    def finish(code):
        # How the interpreter ends, up to what only tears the server's modules down again: the
        # example's threads are waited for, its exit functions run and its output is flushed.
        # Tearing down would write to every page the child shares with the server, which costs
        # more than the example. (Code with `__del__` runs afresh, where teardown is seen.)
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        os._exit(code & 0xFF)

    def ancestors():
        pids = {os.getpid()}
        pid = os.getppid()
        while pid > 0 and pid not in pids:
            pids.add(pid)
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    pid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                break
        return pids

    keep = ancestors()

    def sweep():
        if not isolated:
            return
        # Everything in the sandbox's process namespace but the server and its ancestors goes:
        # what one example started must not run beside the next.
        for _ in range(50):
            others = []
            for name in os.listdir("/proc"):
                if name.isdigit() and int(name) not in keep:
                    try:
                        with open(f"/proc/{name}/stat") as stat:
                            state = stat.read().rsplit(")", 1)[1].split()[0]
                    except OSError:
                        continue
                    if state != "Z":
                        others.append(int(name))
            for pid in others:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            while True:
                try:
                    if os.waitpid(-1, os.WNOHANG)[0] == 0:
                        break
                except ChildProcessError:
                    break
            if not others:
                break
            time.sleep(0.002)
        for name in os.listdir("/dev/shm") if os.path.isdir("/dev/shm") else []:
            try:
                os.unlink(os.path.join("/dev/shm", name))
            except OSError:
                pass

    def watch(pid, fds, timeout, limit):
        kept = {fd: bytearray() for fd in fds}
        seen = {fd: 0 for fd in fds}
        open_fds = list(fds)
        # Readable once the child has ended, where the kernel has them; else the loop polls.
        try:
            exited = os.pidfd_open(pid)
        except (AttributeError, OSError):
            exited = None
        deadline = time.monotonic() + timeout
        status = ended_at = None
        timed_out = limit_hit = False

        def kill():
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass

        while True:
            now = time.monotonic()
            if status is None:
                done, raw = os.waitpid(pid, os.WNOHANG)
                if done:
                    status, ended_at = raw, now
            if status is not None and (not open_fds or now - ended_at >= grace):
                break
            if now >= deadline:
                if status is not None or timed_out:
                    break
                timed_out = True
                kill()
                deadline = now + grace
                continue
            wait = deadline - now if status is None else grace - (now - ended_at)
            waiting = open_fds + ([exited] if exited is not None and status is None else [])
            if exited is None and status is None:
                wait = min(wait, 0.005)
            ready = select.select(waiting, [], [], wait)[0] if waiting else time.sleep(wait) or []
            for fd in ready:
                if fd == exited:
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    open_fds.remove(fd)
                    continue
                room = limit - len(kept[fd])
                if room > 0:
                    kept[fd] += chunk[:room]
                seen[fd] += len(chunk)
                if seen[fd] > limit and not limit_hit:
                    limit_hit = True
                    kill()
        if status is None:
            kill()
            status = os.waitpid(pid, 0)[1]
        for fd in fds + ([exited] if exited is not None else []):
            os.close(fd)
        code = os.waitstatus_to_exitcode(status)
        return {
            "code": code if code >= 0 else None,
            "signal": -code if code < 0 else None,
            "timedOut": timed_out,
            "limitHit": limit_hit,
        }, [bytes(kept[fd]) for fd in fds]

    def send(data):
        view = memoryview(data)
        while view:
            view = view[os.write(1, view) :]

    def forkable():
        # A fork copies only the thread that calls it: with another one running, a lock it held
        # would stay held in the child. An import that started a thread rules the server out.
        threading = sys.modules.get("threading")
        return threading is None or threading.active_count() == 1

    # What the server holds is never garbage to a child: its collector would walk it all, and
    # write to every page it shares with the server as it did.
    gc.freeze()

    for line in stdin:
        request = json.loads(line)
        if not forkable():
            send(b'{"unforkable": true}\n')
            continue
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            run_child(request["file"], out_w, err_w)
        os.close(out_w)
        os.close(err_w)
        result, (out, err) = watch(pid, [out_r, err_r], request["timeout"], request["limit"])
        sweep()
        result["stdout"], result["stderr"] = len(out), len(err)
        send(json.dumps(result).encode() + b"\n" + out + err)


_kb_serve()
