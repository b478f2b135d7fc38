#!/usr/bin/env python3
"""What `cmake --install` installs works from any folder, without the source
or build tree.

    check_install.py CMAKE BUILD_DIR SOURCE_DIR [--man]

Installs BUILD_DIR into a temporary prefix P with `CMAKE --install BUILD_DIR
--prefix P`, then, in another temporary folder (inside neither SOURCE_DIR nor
BUILD_DIR, so no relative path such as `seed/demo` reaches them) with an
environment of its own (PATH=P/bin:/usr/bin:/bin, HOME and XDG_DATA_HOME in
that folder, no VENDORCAT_DB): `vendorcat --version`; the default catalogue
made on first use; `vendorcat --db demo.db demo` and `report spend --by
type` with BPO and KPO rows; with --man (the build made the page), the page
P/share/man/man1/vendorcat.1 rendered by `man -l` at 80 columns without a
warning, and found by `man -w vendorcat` as man finds pages beside the
PATH's bin folders; the bash completion script sourced in bash completing
`vendorcat prov` to `provider` and, through the installed binary, an
engagement ref of demo.db; the zsh and fish scripts in place. Exits 1 on
the first failure.
"""

import os
import re
import subprocess
import sys
import tempfile


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(argv, cwd, env, shown=None):
    """Runs ARGV, printing it (or SHOWN); returns the result, which must exit 0."""
    shown = shown or " ".join(argv)
    print("$ " + shown, flush=True)
    result = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        raise Failure(f"exit {result.returncode}: {shown}\n"
                      f"--- stdout ---\n{result.stdout[-4000:]}--- stderr ---\n{result.stderr}")
    return result


def inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def bash_completions(script, words, cwd, env):
    """The candidates the bash completion SCRIPT offers for the last of WORDS
    (`vendorcat` first), calling the function it registers for vendorcat."""
    array = " ".join("'" + word.replace("'", "'\\''") + "'" for word in words)
    command = (f"source '{script}' || exit 9\n"
               "function=$(complete -p vendorcat | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p')\n"
               '[ -n "$function" ] || { echo "no completion function registered for vendorcat" >&2; exit 8; }\n'
               f"COMP_WORDS=({array})\nCOMP_CWORD={len(words) - 1}\n"
               '"$function" || exit 7\n'
               'printf "%s\\n" "${COMPREPLY[@]}"')
    result = run(["/usr/bin/bash", "-c", command], cwd, env, f"(bash completion of: {' '.join(words)})")
    check(result.stderr == "", f"bash completion wrote to stderr: {result.stderr}")
    return sorted(line for line in result.stdout.splitlines() if line)


def main():
    args = sys.argv[1:]
    with_man = "--man" in args
    args = [a for a in args if a != "--man"]
    if len(args) != 3:
        sys.exit("usage: check_install.py CMAKE BUILD_DIR SOURCE_DIR [--man]")
    cmake = args[0]
    build, source = (os.path.abspath(a) for a in args[1:])

    with tempfile.TemporaryDirectory(prefix="vendorcat-prefix-") as prefix, \
            tempfile.TemporaryDirectory(prefix="vendorcat-elsewhere-") as work:
        for folder in (prefix, work):
            check(not inside(folder, source) and not inside(folder, build),
                  f"the temporary folder {folder} is inside the source or build tree")
        installed = run([cmake, "--install", build, "--prefix", prefix], work, dict(os.environ))
        print(installed.stdout, end="")

        binary = os.path.join(prefix, "bin", "vendorcat")
        check(os.access(binary, os.X_OK), f"no executable {binary}")
        env = {
            "PATH": f"{prefix}/bin:/usr/bin:/bin",
            "HOME": os.path.join(work, "home"),
            "XDG_DATA_HOME": os.path.join(work, "data"),
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        }
        os.mkdir(env["HOME"])

        version = run(["vendorcat", "--version"], work, env).stdout.strip()
        check(re.fullmatch(r"vendorcat \d+\.\d+\.\d+ \(catalogue schema \d+\)", version) is not None,
              f"vendorcat --version printed {version!r}")

        # The default catalogue, made and migrated on first use.
        run(["vendorcat", "provider", "list"], work, env)
        default = os.path.join(env["XDG_DATA_HOME"], "vendorcat", "catalogue.db")
        check(os.path.isfile(default), f"no default catalogue at {default}")

        # The demo, compiled in: no seed/demo folder is reachable from here.
        check(not os.path.exists(os.path.join(work, "seed")), "a seed folder in the work folder")
        run(["vendorcat", "--db", "demo.db", "demo"], work, env)
        report = run(["vendorcat", "--db", "demo.db", "report", "spend", "--by", "type"], work, env).stdout
        lines = report.splitlines()
        check(lines and "type" in lines[0].split(), f"report spend --by type has no type column:\n{report}")
        column = lines[0].split().index("type")
        types = {line.split()[column] for line in lines[2:] if len(line.split()) > column}
        check({"BPO", "KPO"} <= types, f"report spend --by type lacks BPO or KPO rows:\n{report}")

        if with_man:
            page = os.path.join(prefix, "share", "man", "man1", "vendorcat.1")
            check(os.path.isfile(page), f"no man page at {page}")
            man_env = dict(env, MANWIDTH="80")
            rendered = run(["/usr/bin/man", "--warnings", "-l", page], work, man_env)
            check(rendered.stderr == "", f"man --warnings -l {page} warns:\n{rendered.stderr}")
            check("vendorcat" in rendered.stdout and "COMMANDS" in rendered.stdout,
                  "the rendered man page has no COMMANDS section")
            found = run(["/usr/bin/man", "-w", "vendorcat"], work, man_env).stdout.strip()
            check(os.path.realpath(found) == os.path.realpath(page),
                  f"man -w vendorcat found {found!r}, not the installed {page}")
        else:
            print("install: no man page built (pandoc missing or -DVENDORCAT_MAN=OFF): not checked")

        share = os.path.join(prefix, "share")
        bash = os.path.join(share, "bash-completion", "completions", "vendorcat")
        zsh = os.path.join(share, "zsh", "site-functions", "_vendorcat")
        fish = os.path.join(share, "fish", "vendor_completions.d", "vendorcat.fish")
        for script in (bash, zsh, fish):
            check(os.path.isfile(script) and os.path.getsize(script) > 0, f"no completion script {script}")
        with open(zsh, encoding="utf-8") as f:
            check(f.readline() == "#compdef vendorcat\n", f"{zsh} does not start with #compdef vendorcat")
        with open(fish, encoding="utf-8") as f:
            check("complete -c vendorcat" in f.read(), f"{fish} has no 'complete -c vendorcat'")
        got = bash_completions(bash, ["vendorcat", "prov"], work, env)
        check(got == ["provider"], f"bash completes 'vendorcat prov' to {got}, not ['provider']")
        got = bash_completions(bash, ["vendorcat", "--db", "demo.db", "engagement", "show", "ENG-2024-06"], work,
                               env)
        check("ENG-2024-060" in got, f"bash completes 'engagement show ENG-2024-06' on demo.db to {got}")
    print("install: binary, man page and completions work from a folder outside the source and build trees")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"install: FAILED: {failure}")
        sys.exit(1)
