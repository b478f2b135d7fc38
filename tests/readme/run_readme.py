#!/usr/bin/env python3
"""Runs every command of the README's tours, as written, in a fresh folder.

    run_readme.py VENDORCAT SOURCE_DIR

The commands are the lines of the `sh` code blocks of the README's sections
"A short tour" and "What an analyst manages, on the demo catalogue", in
order: a line ending in a backslash is joined with the next, a `#` that is
not inside quotes starts a comment (shlex, as bash reads it), and a line that
is only a comment is no command. Each command runs in its own `bash -c` in a
temporary folder where `docs` is a symbolic link to SOURCE_DIR/docs (so
`docs/examples/invoices.csv` is found by the relative path the README gives),
with PATH starting with VENDORCAT's folder and VENDORCAT_DB (and
XDG_DATA_HOME) inside the folder, so that `vendorcat db init` starts a fresh
catalogue that every later command uses; the second section names its own
with `--db demo.db`.

Every command must exit 0, except one whose own comment says it is refused
(the word "refused": `service remove claims-processing  # refused while
...`), which must exit 2, the status of bad input that writes nothing. The
test also fails when it finds fewer commands than a tour has, so that a
reshuffled README cannot make it test nothing. Each command is printed as it
runs; on a failure, its output and stderr are printed and the test stops
(exit 1).
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile

SECTIONS = ["A short tour", "What an analyst manages, on the demo catalogue"]
# Fewer than these and the extraction, not the README, is wrong.
MINIMUM_PER_SECTION = {"A short tour": 45, "What an analyst manages, on the demo catalogue": 10}
MINIMUM = 55
REFUSED_STATUS = 2


def section_lines(readme, title):
    """The lines of the `sh` code blocks of the `## TITLE` section."""
    lines = []
    in_section = False
    in_block = False
    found = False
    for line in readme.splitlines():
        if not in_block and line.startswith("## "):
            in_section = line[3:].strip() == title
            found = found or in_section
            continue
        if not in_section:
            continue
        if line.startswith("```"):
            if in_block:
                in_block = False
            elif line.strip() == "```sh":
                in_block = True
            continue
        if in_block:
            lines.append(line)
    if not found:
        sys.exit(f"readme: README.md has no section '## {title}'")
    return lines


def logical_lines(lines):
    """LINES with every line ending in a backslash joined with the next."""
    joined = []
    pending = ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1].rstrip() + " "
            continue
        joined.append(pending + (line.lstrip() if pending else line))
        pending = ""
    if pending:
        joined.append(pending)
    return joined


def split_comment(line):
    """LINE as (command, comment): the comment starts at the first `#` that
    begins a word outside quotes, as in bash; either may be empty."""
    lexer = shlex.shlex(line, posix=True)  # '#' starts a comment (lexer.commenters)
    lexer.whitespace_split = True
    end = 0
    for _ in lexer:
        end = lexer.instream.tell()
    command = line[:end].strip()
    rest = line[end:].strip()
    comment = rest[1:].strip() if rest.startswith("#") else ""
    if shlex.split(command, comments=True) != shlex.split(line, comments=True):
        sys.exit(f"readme: cannot split the comment off: {line!r}")
    return command, comment


def commands_of(readme):
    """(section, command, comment) for every command of the SECTIONS."""
    found = []
    for title in SECTIONS:
        count = 0
        for line in logical_lines(section_lines(readme, title)):
            command, comment = split_comment(line)
            if command:
                found.append((title, command, comment))
                count += 1
        if count < MINIMUM_PER_SECTION[title]:
            sys.exit(f"readme: only {count} commands found in '## {title}' "
                     f"(expected at least {MINIMUM_PER_SECTION[title]}): is the extraction broken?")
    if len(found) < MINIMUM:
        sys.exit(f"readme: only {len(found)} commands found (expected at least {MINIMUM})")
    return found


def is_refusal(comment):
    """Whether a command's COMMENT says the command is refused."""
    return re.search(r"\brefused\b", comment, re.IGNORECASE) is not None


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: run_readme.py VENDORCAT SOURCE_DIR")
    binary = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        commands = commands_of(f.read())
    for _, command, _ in commands:
        first = shlex.split(command)[0]
        if first != "vendorcat" and command != "source <(vendorcat completion bash)":
            sys.exit(f"readme: a command that is not vendorcat's: {command!r}")

    with tempfile.TemporaryDirectory(prefix="vendorcat-readme-") as work:
        os.symlink(os.path.join(source, "docs"), os.path.join(work, "docs"))
        env = dict(os.environ)
        for name in ("VENDORCAT_DB", "NO_COLOR", "COLUMNS"):
            env.pop(name, None)
        env["PATH"] = os.path.dirname(binary) + os.pathsep + env.get("PATH", "/usr/bin:/bin")
        env["VENDORCAT_DB"] = os.path.join(work, "catalogue.db")
        env["XDG_DATA_HOME"] = os.path.join(work, "xdg")
        current = None
        refusals = 0
        for number, (title, command, comment) in enumerate(commands, 1):
            if title != current:
                print(f"## {title}", flush=True)
                current = title
            refused = is_refusal(comment)
            refusals += refused
            expected = REFUSED_STATUS if refused else 0
            print(f"[{number}/{len(commands)}] $ {command}" + (f"   (refused: expects exit {expected})" if refused else ""),
                  flush=True)
            result = subprocess.run(["bash", "-c", command], cwd=work, env=env, stdin=subprocess.DEVNULL,
                                    capture_output=True, text=True, timeout=300)
            if result.returncode != expected:
                print(f"readme: FAILED: exit {result.returncode}, expected {expected}: {command}")
                print("--- stdout (last 40 lines) ---")
                print("\n".join(result.stdout.splitlines()[-40:]))
                print("--- stderr ---")
                print(result.stderr, end="")
                return 1
            if refused and "error" not in result.stderr:
                print(f"readme: FAILED: refused without an error message on stderr: {command}")
                return 1
        print(f"readme: {len(commands)} commands of README.md ran as written ({refusals} refused as expected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
