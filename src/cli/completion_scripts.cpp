// Writes the completion scripts. Each script is four lookup functions written
// from the command tree (a command's verbs, its flags, which flags take a
// value, and what a flag's or a positional's value is) and a fixed driver in
// the shell's own language that walks the words typed so far with them, as
// the parser does, to the command and the slot being completed. bash and zsh
// share the lookups (their `case` is the same); fish has its own `switch`.

#include "cli/completion_scripts.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct Row
{
  std::string key;     // "provider list", or "provider list|--format"
  bool prefix = false; // the key matches as a prefix (any number of positionals)
  std::string words;   // the answer: words, or @files, @providers, ...
};

struct Lookup
{
  std::string name;    // the function's name after the program's prefix
  std::string comment; // what it answers
  bool two_keys = false;
  std::vector<Row> rows;
};

std::string joined(const std::vector<std::string>& words)
{
  std::string text;
  for (const auto& word : words) {
    text += fmt::format("{}{}", text.empty() ? "" : " ", word);
  }
  return text;
}

// What completes a value of KIND with CHOICES; "" when nothing does.
std::string value_words(ValueKind kind, const std::vector<std::string>& choices)
{
  if (!choices.empty()) {
    return joined(choices);
  }
  if (kind == ValueKind::file) {
    return "@files";
  }
  const auto names = to_string(kind);
  return names.empty() ? std::string() : fmt::format("@{}", names);
}

std::vector<Lookup> lookups(const std::vector<CommandSpec>& specs)
{
  Lookup verbs{
    "verbs", "The verbs of command $1 (\"\" for the program itself, \"provider\", ...).", false, {}};
  Lookup flags{"flags", "The flags of command $1: its own and those of the commands above it.", false, {}};
  Lookup value_flags{"value_flags", "The flags of command $1 that take a value.", false, {}};
  Lookup values{"values",
                "What the value of flag $2 (or positional #N, from #0) of command $1 is: words,\n"
                "# or @files, @providers, @engagements, @services.",
                true,
                {}};
  for (const auto& spec : specs) {
    if (!spec.verbs.empty()) {
      verbs.rows.push_back({spec.path, false, joined(spec.verbs)});
    }
    std::vector<std::string> all;
    std::vector<std::string> valued;
    for (const auto& option : spec.options) {
      all.insert(all.end(), option.names.begin(), option.names.end());
      if (!option.takes_value) {
        continue;
      }
      valued.insert(valued.end(), option.names.begin(), option.names.end());
      if (const auto words = value_words(option.kind, option.choices); !words.empty()) {
        for (const auto& name : option.names) {
          values.rows.push_back({fmt::format("{}|{}", spec.path, name), false, words});
        }
      }
    }
    flags.rows.push_back({spec.path, false, joined(all)});
    value_flags.rows.push_back({spec.path, false, joined(valued)});
    int index = 0;
    for (const auto& positional : spec.positionals) {
      const auto words = value_words(positional.kind, positional.choices);
      if (positional.count < 0) {
        if (!words.empty()) {
          values.rows.push_back({fmt::format("{}|#", spec.path), true, words});
        }
        break;
      }
      for (int i = 0; i < positional.count; ++i, ++index) {
        if (!words.empty()) {
          values.rows.push_back({fmt::format("{}|#{}", spec.path, index), false, words});
        }
      }
    }
  }
  return {verbs, flags, value_flags, values};
}

// TEXT in single quotes for sh (bash, zsh) or fish.
std::string sh_quoted(const std::string& text)
{
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

std::string fish_quoted(const std::string& text)
{
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') {
      quoted += '\\';
    }
    quoted += c;
  }
  return quoted + "'";
}

std::string sh_lookups(const std::vector<CommandSpec>& specs)
{
  std::string text;
  for (const auto& lookup : lookups(specs)) {
    text += fmt::format("# {}\n_vendorcat_{}() {{\n  case \"{}\" in\n", lookup.comment, lookup.name,
                        lookup.two_keys ? "$1|$2" : "$1");
    for (const auto& row : lookup.rows) {
      text +=
        fmt::format("  {}{}) echo {} ;;\n", sh_quoted(row.key), row.prefix ? "*" : "", sh_quoted(row.words));
    }
    text += "  esac\n}\n\n";
  }
  return text;
}

std::string fish_lookups(const std::vector<CommandSpec>& specs)
{
  std::string text;
  for (const auto& lookup : lookups(specs)) {
    text += fmt::format("# {}\nfunction __vendorcat_{}\n    switch \"{}\"\n", lookup.comment, lookup.name,
                        lookup.two_keys ? "$argv[1]|$argv[2]" : "$argv[1]");
    for (const auto& row : lookup.rows) {
      // fish's `case` takes * as a wildcard, quoted or not.
      text += fmt::format("        case {}\n            echo {}\n",
                          fish_quoted(row.key + (row.prefix ? "*" : "")), fish_quoted(row.words));
    }
    text += "    end\nend\n\n";
  }
  return text;
}

// The walk over the words before the cursor, the same in bash and zsh: sets
// cmd (the command), pos (positionals given to it), want (the flag whose value
// is being completed) and db (a --db given on the line).
constexpr std::string_view sh_walk = R"script(    if [[ -n $want ]]; then
      [[ $want == --db ]] && db="$word"
      want=""
      continue
    fi
    if [[ $word == -[!0-9.]* ]]; then
      case "$word" in
      --db=*) db="${word#--db=}" ;;
      --*=*) ;;
      *) [[ " $(_vendorcat_value_flags "$cmd") " == *" $word "* ]] && want="$word" ;;
      esac
      continue
    fi
    if [[ " $(_vendorcat_verbs "$cmd") " == *" $word "* ]]; then
      cmd="${cmd:+$cmd }$word"
      pos=0
    else
      pos=$((pos + 1))
    fi
  done
  local key="#$pos" values
  [[ -n $want ]] && key="$want"
)script";

constexpr std::string_view bash_driver =
  R"script(# The names of kind $1 in the catalogue (the line's --db, else the default
# one), matching $cur, added to COMPREPLY; nothing when there is none.
_vendorcat_names() {
  local bin="${COMP_WORDS[0]/#\~/$HOME}" name
  local -a args=()
  [[ -n $db ]] && args=(--db "${db/#\~/$HOME}")
  while IFS= read -r name; do
    [[ $name == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
  done < <("$bin" "${args[@]}" completion names "$1" 2>/dev/null)
}

_vendorcat() {
  local cur="${COMP_WORDS[COMP_CWORD]}" cmd="" db="" want="" word item
  local -i pos=0 i
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
@WALK@  if [[ -z $want && $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_vendorcat_flags "$cmd")" -- "$cur"))
    return 0
  fi
  values="$(_vendorcat_values "$cmd" "$key")"
  [[ -z $want && $pos -eq 0 ]] && values="$(_vendorcat_verbs "$cmd") $values"
  for item in $values; do
    case "$item" in
    @files)
      COMPREPLY+=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      ;;
    @*) _vendorcat_names "${item#@}" ;;
    *) [[ $item == "$cur"* ]] && COMPREPLY+=("$item") ;;
    esac
  done
  return 0
}

complete -F _vendorcat vendorcat
)script";

constexpr std::string_view zsh_driver =
  R"script(# The names of kind $1 in the catalogue (the line's --db, else the default
# one), one a line; nothing when there is none.
_vendorcat_names() {
  local bin=${words[1]/#\~/$HOME}
  local -a args
  [[ -n $db ]] && args=(--db "${db/#\~/$HOME}")
  "$bin" "${args[@]}" completion names "$1" 2>/dev/null
}

_vendorcat() {
  local cmd="" db="" want="" word item cur=${words[CURRENT]}
  local -a plain names
  integer pos=0 i
  for ((i = 2; i < CURRENT; i++)); do
    word=${words[i]}
@WALK@  if [[ -z $want && $cur == -* ]]; then
    compadd -- ${=$(_vendorcat_flags "$cmd")}
    return
  fi
  values="$(_vendorcat_values "$cmd" "$key")"
  [[ -z $want && $pos -eq 0 ]] && values="$(_vendorcat_verbs "$cmd") $values"
  for item in ${=values}; do
    case $item in
    @files) _files ;;
    @*)
      names=(${(f)"$(_vendorcat_names ${item#@})"})
      (( ${#names} )) && compadd -- $names
      ;;
    *) plain+=($item) ;;
    esac
  done
  (( ${#plain} )) && compadd -- $plain
  return 0
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _vendorcat "$@"
else
  compdef _vendorcat vendorcat
fi
)script";

constexpr std::string_view fish_driver =
  R"script(# The candidates for the word being completed: the words before it walked,
# as the parser does, to the command and the slot being completed.
function __vendorcat_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd ''
    set -l db ''
    set -l want ''
    set -l pos 0
    for word in $words[2..-1]
        if test -n "$want"
            test "$want" = --db; and set db $word
            set want ''
            continue
        end
        if string match -qr -- '^-[^0-9.]' $word
            if string match -q -- '--db=*' $word
                set db (string replace -- '--db=' '' $word)
            else if not string match -q -- '--*=*' $word
                if contains -- $word (string split -- ' ' (__vendorcat_value_flags "$cmd"))
                    set want $word
                end
            end
            continue
        end
        if contains -- $word (string split -- ' ' (__vendorcat_verbs "$cmd"))
            set cmd (string trim -- "$cmd $word")
            set pos 0
        else
            set pos (math $pos + 1)
        end
    end
    if test -z "$want"; and string match -q -- '-*' $cur
        string split -- ' ' (__vendorcat_flags "$cmd")
        return
    end
    set -l key "#$pos"
    test -n "$want"; and set key $want
    set -l values (string split -- ' ' (__vendorcat_values "$cmd" "$key"))
    if test -z "$want"; and test $pos -eq 0
        set values (string split -- ' ' (__vendorcat_verbs "$cmd")) $values
    end
    for item in $values
        switch $item
            case '@files'
                __fish_complete_path $cur
            case '@*'
                set -l args
                test -n "$db"; and set args --db $db
                $words[1] $args completion names (string sub -s 2 -- $item) 2>/dev/null
            case '*'
                test -n "$item"; and echo $item
        end
    end
end

complete -c vendorcat -f -a '(__vendorcat_complete)'
)script";

std::string with_walk(std::string_view driver)
{
  std::string text(driver);
  const auto at = text.find("@WALK@");
  text.replace(at, 6, sh_walk);
  return text;
}

} // namespace

std::string completion_script(std::string_view shell, const std::vector<CommandSpec>& specs)
{
  if (shell == "bash") {
    return fmt::format("# bash completion for vendorcat, written by `vendorcat completion bash`.\n"
                       "# Source it, or install it as "
                       "share/bash-completion/completions/vendorcat.\n\n{}{}",
                       sh_lookups(specs), with_walk(bash_driver));
  }
  if (shell == "zsh") {
    return fmt::format("#compdef vendorcat\n"
                       "# zsh completion for vendorcat, written by `vendorcat completion zsh`.\n"
                       "# Install it as _vendorcat in a folder of $fpath, or source it.\n\n{}{}",
                       sh_lookups(specs), with_walk(zsh_driver));
  }
  return fmt::format("# fish completion for vendorcat, written by `vendorcat completion fish`.\n"
                     "# Install it as vendor_completions.d/vendorcat.fish, or source it.\n\n{}{}",
                     fish_lookups(specs), fish_driver);
}

} // namespace vendorcat::cli
