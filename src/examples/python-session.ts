/** The file a session's driver writes its verdict to, in the example's folder. */
export const SESSION_RESULT_FILE = '.kb-session.json';

/** The first statement of a session that went wrong, as the driver reports it. */
export interface SessionFailure {
  /** `mismatch`: it showed another value; `exception`: it raised an error the session does not show. */
  kind: 'mismatch' | 'exception';
  /** 0-based line of the statement's `>>>` in the block. */
  line: number;
  /** The statement, without prompts. */
  source: string;
  /** What the session shows after it. */
  want: string;
  /** What it printed (`mismatch`). */
  got?: string;
  /** The error's last line, as Python prints it (`exception`). */
  error?: string;
  /** The undefined name of a `NameError`, or the module of an `ImportError`. */
  name?: string | null;
}

/** A session's verdict: how many statements ran, and the first that went wrong. */
export interface SessionResult {
  tried?: number;
  failure?: SessionFailure | null;
  /** Set when the block is not a well-formed session (doctest's own message). */
  parse?: string;
}

/** True when a Python block is written as a console session: its first line starts with `>>>`. */
export function isSession(code: string): boolean {
  const first = code.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && /^\s*>>>(?: |$)/.test(first);
}

/**
 * The code of a session as a script: its statements without prompts, its shown values dropped.
 * A `...` line continues a statement only right after its `>>>` line; later, it is shown output.
 */
export function sessionSource(code: string): string {
  const lines: string[] = [];
  let inStatement = false;
  for (const line of code.split('\n')) {
    const prompt = /^\s*>>>(?: |$)(.*)$/.exec(line);
    const more = /^\s*\.\.\.(?: |$)(.*)$/.exec(line);
    if (prompt) {
      lines.push(prompt[1]!);
      inStatement = true;
    } else if (more && inStatement) {
      lines.push(more[1]!);
    } else {
      inStatement = false;
    }
  }
  return lines.join('\n');
}

/**
 * The Python that runs a session through the standard library's doctest, in the program's own
 * globals (so that a session may continue earlier blocks), and writes the first failure as JSON.
 * ELLIPSIS and doctest's own rules apply, trailing spaces aside, as everywhere in the checker.
 */
export function sessionDriver(session: string): string {
  return `${DRIVER}\n_kb_run_session(${JSON.stringify(session)}, globals())\n`;
}

/**
 * The Python that replays a session a later block runs after: its statements run in the
 * program's globals, as a person typing them would, and an error shown in the session (or not)
 * does not stop the program. Nothing is compared: the session is judged on its own.
 */
export function sessionReplay(session: string): string {
  return `${REPLAY}\n_kb_replay_session(${JSON.stringify(session)}, globals())\ndel _kb_replay_session\n`;
}

const REPLAY = `
def _kb_replay_session(text, module_globals):
    import doctest

    class Quiet(doctest.DocTestRunner):
        def report_start(self, out, test, example):
            pass

        def report_success(self, out, test, example, got):
            pass

        def report_failure(self, out, test, example, got):
            pass

        def report_unexpected_exception(self, out, test, example, exc_info):
            pass

    try:
        test = doctest.DocTestParser().get_doctest(text, module_globals, "session", None, 0)
    except ValueError:
        return
    Quiet(verbose=False).run(test, out=lambda text: None, clear_globs=False)
    # doctest ran on a copy of the globals: what the session defined must reach the blocks after it.
    module_globals.update(test.globs)
`;

const DRIVER = `
def _kb_run_session(text, module_globals):
    import doctest, json, os, traceback

    # Opened first: the session may change the working folder.
    report = open(os.path.abspath(${JSON.stringify(SESSION_RESULT_FILE)}), "w", encoding="utf-8")
    limit = 4000
    failure = None

    def trim(text):
        return "\\n".join(line.rstrip() for line in text.split("\\n"))

    class Checker(doctest.OutputChecker):
        def check_output(self, want, got, optionflags):
            return super().check_output(trim(want), trim(got), optionflags)

    class Runner(doctest.DocTestRunner):
        def report_failure(self, out, test, example, got):
            nonlocal failure
            failure = {"kind": "mismatch", "line": example.lineno, "source": example.source,
                       "want": example.want, "got": got[:limit]}

        def report_unexpected_exception(self, out, test, example, exc_info):
            nonlocal failure
            error = exc_info[1]
            lines = traceback.format_exception_only(exc_info[0], error)
            name = getattr(error, "name", None) if isinstance(error, (NameError, ImportError)) else None
            failure = {"kind": "exception", "line": example.lineno, "source": example.source,
                       "want": example.want, "error": "".join(lines).strip()[-limit:], "name": name}

    globs = {key: value for key, value in module_globals.items() if not key.startswith("_kb_")}
    try:
        test = doctest.DocTestParser().get_doctest(text, globs, "session", None, 0)
    except ValueError as error:
        json.dump({"parse": str(error)}, report)
        report.close()
        return
    runner = Runner(checker=Checker(), optionflags=doctest.ELLIPSIS | doctest.FAIL_FAST)
    result = runner.run(test, out=lambda text: None, clear_globs=False)
    json.dump({"tried": result.attempted, "failure": failure}, report)
    report.close()
`;
