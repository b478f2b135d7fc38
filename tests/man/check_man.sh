#!/bin/sh
# Checks the man page vendorcat(1) against the binary: it renders without a
# warning from man or groff, and its COMMANDS section documents exactly the
# commands of the binary's command tree, which is read from the binary's own
# --help (the "Subcommands:" sections CLI11 prints, a noun's and then each
# verb's). A noun that also runs without a verb (`import KIND FILE`: its usage
# shows [SUBCOMMAND]) is a command of its own too.
#
# PENDING lists commands documented ahead of the code that a colleague's
# branch adds (one per line, `#` comments): missing from the binary they are
# tolerated; once the binary has one, the test fails until its line goes.
#
# Usage: check_man.sh VENDORCAT MAN_PAGE PENDING
set -eu
export LC_ALL=C # one order for sort and comm, plain ASCII from man
if [ ! -x /usr/bin/man ]; then
  echo "man-page: /usr/bin/man is missing: install man-db and groff-base (scripts/bootstrap does)"
  exit 1
fi
bin=$1
page=$2
pending=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# 1. No warnings at a terminal's width.
warnings=$(MANWIDTH=80 /usr/bin/man --warnings -l "$page" 2>&1 >/dev/null || true)
if [ -n "$warnings" ]; then
  echo "man-page: 'man --warnings -l $page' warns:"
  echo "$warnings" | sed 's/^/  /'
  status=1
fi

# 2. The binary's command tree.
subcommands() {
  awk '/^Subcommands:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }'
}
"$bin" --help | subcommands >"$work/nouns"
if [ ! -s "$work/nouns" ]; then
  echo "man-page: '$bin --help' lists no subcommands"
  exit 1
fi
while read -r noun; do
  "$bin" "$noun" --help >"$work/help"
  subcommands <"$work/help" >"$work/verbs"
  if [ ! -s "$work/verbs" ] || grep -q '\[SUBCOMMAND' "$work/help"; then
    echo "$noun"
  fi
  sed "s/^/$noun /" "$work/verbs"
done <"$work/nouns" | sort -u >"$work/binary"

# 3. The commands the page documents: the terms of its COMMANDS section,
# `vendorcat` followed by the lower-case words before the first argument.
MANWIDTH=1000 /usr/bin/man -l "$page" 2>/dev/null |
  awk '/^COMMANDS/ { on = 1; next }
       on && /^[A-Z]/ { on = 0 }
       on && /^       vendorcat / {
         command = ""
         for (i = 2; i <= NF && $i ~ /^[a-z][a-z-]*$/; i++) {
           command = command (command == "" ? "" : " ") $i
         }
         print command
       }' | sort -u >"$work/page"

sed 's/#.*//; s/[[:space:]]*$//; /^$/d' "$pending" | sort -u >"$work/pending"

# 4. The differences, each with what to do about it.
comm -23 "$work/binary" "$work/page" >"$work/undocumented"
comm -13 "$work/binary" "$work/page" >"$work/extra"
comm -23 "$work/extra" "$work/pending" >"$work/unknown"
comm -12 "$work/binary" "$work/pending" >"$work/arrived"
if [ -s "$work/undocumented" ]; then
  echo "man-page: commands of the binary missing from docs/vendorcat.md (add them under COMMANDS):"
  sed 's/^/  vendorcat /' "$work/undocumented"
  status=1
fi
if [ -s "$work/unknown" ]; then
  echo "man-page: commands in docs/vendorcat.md that the binary does not have (remove or rename them):"
  sed 's/^/  vendorcat /' "$work/unknown"
  status=1
fi
if [ -s "$work/arrived" ]; then
  echo "man-page: commands the binary has now, listed as pending in $pending (remove their lines):"
  sed 's/^/  vendorcat /' "$work/arrived"
  status=1
fi
if [ "$status" = 0 ]; then
  echo "man-page: $(wc -l <"$work/binary") commands of the binary documented, no warnings" \
    "($(comm -12 "$work/extra" "$work/pending" | wc -l) documented ahead of the code)"
fi
exit "$status"
