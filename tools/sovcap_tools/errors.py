"""One-line errors and the exit codes of the command-line contract (docs/architecture.md)."""
import contextlib
import os
import shutil
import stat
import sys

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class ToolError(Exception):
    """Bad input (a missing, unreadable or non-sovcap file): exit 2, nothing written."""

    def __init__(self, message, exit_code=EXIT_BAD_INPUT):
        super().__init__(message)
        self.exit_code = exit_code


def prog_name():
    return os.path.basename(sys.argv[0]) or "sovcap-tool"


def progress(message):
    """Progress lines go to stderr so stdout stays clean for tables."""
    print(f"{prog_name()}: {message}", file=sys.stderr, flush=True)


def refuse_output(out, *inputs):
    """Raise ToolError unless out is a new path or a regular file that is none of the inputs:
    the output replaces it by a rename, which must never take a device's or an input's place."""
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError as e:
        raise ToolError(f"-o {out}: {e.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ToolError(f"-o {out}: not a regular file; outputs go to regular files or new paths")
    for path in inputs:
        try:
            if os.path.samefile(out, path):
                raise ToolError(f"-o {out}: is the input {path}; give another output")
        except OSError:
            pass


@contextlib.contextmanager
def output_dir(path):
    """Create path for a tool's outputs; if the tool fails, remove what it wrote
    there (the whole directory when this call created it): nothing half-made is left."""
    if os.path.lexists(path) and not os.path.isdir(path):
        raise ToolError(f"-o {path}: exists and is not a directory")
    created = not os.path.lexists(path)
    before = set() if created else set(os.listdir(path)) if os.path.isdir(path) else set()
    os.makedirs(path, exist_ok=True)
    try:
        yield path
    except BaseException:
        if created:
            shutil.rmtree(path, ignore_errors=True)
        else:
            for name in set(os.listdir(path)) - before:
                try:
                    os.remove(os.path.join(path, name))
                except OSError:
                    pass
        raise


def run_main(main):
    """Run main(); a ToolError becomes one line on stderr and its exit code."""
    try:
        code = main()
    except ToolError as e:
        print(f"{prog_name()}: error: {e}", file=sys.stderr)
        code = e.exit_code
    except KeyboardInterrupt:
        print(f"{prog_name()}: interrupted", file=sys.stderr)
        code = EXIT_FAILURE
    except (OSError, KeyError, ValueError, TypeError, IndexError, RuntimeError, AttributeError) as e:
        # What a damaged file raises from h5py, numpy or pandas (a dataset that
        # cannot be read, series of the wrong length): one line, bad input.
        text = str(e).splitlines()[0] if str(e) else ""
        inputs = ", ".join(a for a in sys.argv[1:] if not a.startswith("-") and os.path.isfile(a)) or "the input"
        print(f"{prog_name()}: error: {inputs}: cannot read ({type(e).__name__}{': ' + text if text else ''})",
              file=sys.stderr)
        code = EXIT_BAD_INPUT
    sys.exit(code or 0)
