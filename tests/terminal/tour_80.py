#!/usr/bin/env python3
"""The README's tour in a real terminal of 80 columns (tmux), on the demo
catalogue: no line of any screen is wider than the terminal and no row
wrapped (`capture-pane -J` joins a wrapped row into one line wider than 80).
The same tables with --wide must be wider, so that the test can fail; with
colour on, the escapes reach the terminal but take no column.

    tour_80.py VENDORCAT OUTPUT

VENDORCAT is the binary; OUTPUT receives the 80-column screens of
`provider list` and `engagement list`. Exits 77 (skipped) when tmux is
missing, 1 on a failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

WIDTH = 80
SKIPPED = 77

# The tour of README.md on the demo catalogue, as typed in a shell.
TOUR = [
    "provider list",
    'provider show "Deccan Knowledge Services"',
    "engagement list",
    "service list",
    "report spend --by type,model --period quarter",
    "report renewals --on 2026-12-01 --within 200",
    "report consumption --on 2026-12-01",
    "report unit-cost --by model --period year",
    "report assessment",
    "import list",
    "audit list --limit 20",
]
WIDE = ["--wide provider list", "--wide engagement list"]
SAVED = ["provider list", "engagement list"]


def display_width(line):
    width = 0
    for char in line:
        if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def is_prose(line):
    """Messages on stderr are prose that the terminal may wrap; tables, and
    the note of what they left out, never."""
    return line.startswith("vendorcat: ") and "left out" not in line


class Terminal:
    """A tmux server of our own (its own socket) with one 80-column window."""

    def __init__(self, folder, binary):
        self.socket = os.path.join(folder, "tmux.socket")
        self.folder = folder
        path = os.path.dirname(os.path.abspath(binary)) + os.pathsep + os.environ.get("PATH", "")
        self.config = os.path.join(folder, "tmux.conf")
        with open(self.config, "w", encoding="utf-8") as file:
            file.write("set-option -g history-limit 50000\n")
        shell = (
            f"env -u COLUMNS -u LINES -u NO_COLOR PATH='{path}' HOME='{folder}' "
            f"PS1='$ ' ENV= sh"
        )
        self.tmux("new-session", "-d", "-x", str(WIDTH), "-y", "50", "-c", folder, shell)
        self.count = 0

    def tmux(self, *args, capture=False):
        result = subprocess.run(
            ["tmux", "-S", self.socket, "-f", self.config, *args],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout if capture else None

    def run(self, command, escapes=False, environment=""):
        """Runs `vendorcat COMMAND` in the shell (after ENVIRONMENT, such as
        `NO_COLOR= `) and returns its screen, stdout and stderr as they
        came: the lines between its start and end markers, with the
        terminal's escapes when ESCAPES."""
        self.count += 1
        # The markers are printed with printf so that no typed line holds
        # them; the command is in a script so that the typed line stays short.
        script = os.path.join(self.folder, f"c{self.count}")
        with open(script, "w", encoding="utf-8") as file:
            file.write(
                f"printf '%s_%s\\n' START {self.count}\n"
                f"{environment}vendorcat --db demo.db {command}\n"
                f"printf '%s_%s\\n' END {self.count}\n"
            )
        self.tmux("send-keys", "-t", "0", f"sh c{self.count}", "Enter")
        start, end = f"START_{self.count}", f"END_{self.count}"
        deadline = time.monotonic() + 120
        while True:
            screen = self.capture(escapes=False)
            if any(line.strip() == end for line in screen):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"'{command}' did not finish:\n" + "\n".join(screen))
            time.sleep(0.1)
        screen = self.capture(escapes)
        first = max(i for i, line in enumerate(screen) if line.strip() == start)
        last = max(i for i, line in enumerate(screen) if line.strip() == end)
        return screen[first + 1 : last]

    def capture(self, escapes):
        args = ["capture-pane", "-p", "-J", "-S", "-", "-t", "0"]
        if escapes:
            args.append("-e")
        return self.tmux(*args, capture=True).split("\n")

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, output = sys.argv[1], sys.argv[2]
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return SKIPPED
    failures = []
    with tempfile.TemporaryDirectory(prefix="vc-tmux.") as folder:
        demo = subprocess.run([binary, "--db", os.path.join(folder, "demo.db"), "demo"], capture_output=True, text=True)
        if demo.returncode != 0:
            print(f"vendorcat demo failed: {demo.stderr}", file=sys.stderr)
            return 1
        terminal = Terminal(folder, binary)
        try:
            saved = []
            for command in TOUR:
                screen = terminal.run(command)
                widest = max((display_width(line) for line in screen if not is_prose(line)), default=0)
                print(f"{command}: {len(screen)} lines, the widest {widest} columns")
                if len(screen) < 3:
                    failures.append(f"'{command}' printed almost nothing:\n" + "\n".join(screen))
                for line in screen:
                    if is_prose(line):
                        continue
                    if display_width(line) > WIDTH:
                        failures.append(f"'{command}': a line of {display_width(line)} columns:\n{line}")
                if command == "provider list" and not any("left out" in line for line in screen):
                    failures.append("'provider list' does not say what it left out")
                if command in SAVED:
                    saved.append(f"$ vendorcat {command}\n" + "\n".join(screen).rstrip("\n") + "\n")
            for command in WIDE:
                screen = terminal.run(command)
                widest = max((display_width(line) for line in screen), default=0)
                print(f"{command}: the widest line {widest} columns")
                if widest <= WIDTH:
                    failures.append(f"'{command}' fits in {WIDTH} columns: the test could not fail")
            # Colour reaches the terminal (tmux shows it with -e); the
            # screens above, without -e, were measured without escapes.
            coloured = terminal.run("provider list", escapes=True)
            if not any("\x1b[" in line for line in coloured):
                failures.append("no colour on the terminal")
            plain = terminal.run("provider list", escapes=True, environment="NO_COLOR= ")
            if any("\x1b[" in line for line in plain):
                failures.append("colour on the terminal with NO_COLOR set (empty)")
            with open(output, "w", encoding="utf-8") as file:
                file.write("".join(saved))
        finally:
            terminal.close()
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
