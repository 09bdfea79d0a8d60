"""One-line errors and the exit codes of the command-line contract (DESIGN.md)."""
import contextlib
import os
import shutil
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


@contextlib.contextmanager
def output_dir(path):
    """Create path for a tool's outputs; if the tool fails, remove what it wrote
    there (the whole directory when this call created it): nothing half-made is left."""
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
