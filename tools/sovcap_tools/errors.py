"""One-line errors and the exit codes of the command-line contract (DESIGN.md)."""
import os
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
    sys.exit(code or 0)
