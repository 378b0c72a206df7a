package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

func init() {
	register(&command{
		name:    "completion",
		summary: "print the shell completion script for bash or zsh",
		usage:   "bash|zsh",
		about: `Completes command names, each command's options, the values of options that take a fixed
set (such as --preset), and file names. To load it:
  bash   source <(copytrail completion bash)          (add the line to ~/.bashrc to keep it)
  zsh    copytrail completion zsh > ~/.zfunc/_copytrail
         with fpath=(~/.zfunc $fpath); autoload -U compinit; compinit in ~/.zshrc`,
		examples: []string{"completion bash", "completion zsh"},
		args:     []string{"bash", "zsh"},
		setup: func(fs *flag.FlagSet) func(e *Env, args []string) int {
			return func(e *Env, args []string) int {
				if len(args) != 1 {
					return e.UsageError(errors.New("name the shell: bash or zsh"))
				}
				switch args[0] {
				case "bash":
					writeBashCompletion(e.Stdout)
				case "zsh":
					writeZshCompletion(e.Stdout)
				default:
					return e.UsageError(fmt.Errorf("no completion for %q: bash or zsh", args[0]))
				}
				return ExitOK
			}
		},
	})
}

// flagSpec is one option as completion sees it.
type flagSpec struct {
	name, usage string
	takesValue  bool
	values      []string
}

// completionSpec lists a command's options, quiet included, by name.
func (c *command) completionSpec() []flagSpec {
	fs := c.flagSet()
	c.setup(fs)
	var out []flagSpec
	fs.VisitAll(func(f *flag.Flag) {
		_, use := flag.UnquoteUsage(f)
		b, isBool := f.Value.(interface{ IsBoolFlag() bool })
		out = append(out, flagSpec{name: f.Name, usage: use, takesValue: !isBool || !b.IsBoolFlag(), values: c.values[f.Name]})
	})
	out = append(out, flagSpec{name: "quiet", usage: "print nothing but results and problems"})
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// positionalWords are the fixed words a command takes (help: the commands).
func (c *command) positionalWords() []string {
	if c.name == "help" {
		var names []string
		for _, x := range sortedCommands() {
			names = append(names, x.name)
		}
		return names
	}
	return c.args
}

func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func commandNames() string {
	var names []string
	for _, c := range sortedCommands() {
		names = append(names, c.name)
	}
	return strings.Join(names, " ")
}

func writeBashCompletion(w io.Writer) {
	fmt.Fprintf(w, `# bash completion for copytrail, written by 'copytrail completion bash'.
# Load it with: source <(copytrail completion bash)
_copytrail() {
    local cur prev p cmd i flags valued words files
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            -q|-quiet|--quiet) ;;
            *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [ -z "$cmd" ]; then
        if [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version --quiet" -- "$cur"))
        else
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -W "%s" -- "$cur") $(compgen -f -- "$cur"))
        fi
        return 0
    fi
    flags=""; valued=""; words=""; files=0
    case "$cmd" in
`, commandNames())
	for _, c := range sortedCommands() {
		var flags, valued []string
		var values strings.Builder
		for _, f := range c.completionSpec() {
			if f.takesValue {
				valued = append(valued, dashed(f.name))
			} else {
				flags = append(flags, dashed(f.name))
			}
			if len(f.values) > 0 {
				fmt.Fprintf(&values, "            case \"$prev\" in -%s|--%s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return 0 ;; esac\n",
					f.name, f.name, strings.Join(f.values, " "))
			}
		}
		files := 0
		if c.files {
			files = 1
		}
		fmt.Fprintf(w, "        %s)\n%s            flags=%q; valued=%q; words=%q; files=%d ;;\n",
			c.name, values.String(), strings.Join(flags, " "), strings.Join(valued, " "), strings.Join(c.positionalWords(), " "), files)
	}
	fmt.Fprint(w, `        *) files=1 ;;
    esac
    p="$prev"
    [[ "$p" == -[!-]?* ]] && p="-$p"   # -html is --html
    if [[ "$p" == -* && " $valued " == *" $p "* ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    elif [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$flags $valued --help" -- "$cur"))
    elif [ "$files" = 1 ]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
    return 0
}
complete -F _copytrail copytrail
`)
}

// zshQuote quotes s for a single-quoted _arguments spec: brackets and
// colons escaped, single quotes closed and reopened.
func zshQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, `:`, `\:`, `'`, `'\''`)
	return r.Replace(s)
}

func writeZshCompletion(w io.Writer) {
	fmt.Fprint(w, `#compdef copytrail
# zsh completion for copytrail, written by 'copytrail completion zsh'.
# Save it as _copytrail in a folder of $fpath, then run compinit.

_copytrail() {
  local curcontext="$curcontext" state line
  local -a commands
  commands=(
`)
	for _, c := range sortedCommands() {
		fmt.Fprintf(w, "    '%s:%s'\n", c.name, zshQuote(c.summary))
	}
	fmt.Fprint(w, `  )
  _arguments -C \
    '(-q --quiet)'{-q,--quiet}'[print nothing but results and problems]' \
    '(- *)--help[list the commands]' \
    '(- *)--version[print the version]' \
    '1: :->command' \
    '*:: :->args'
  case $state in
    command)
      _describe -t commands 'copytrail command' commands
      _files
      ;;
    args)
      case $words[1] in
`)
	for _, c := range sortedCommands() {
		fmt.Fprintf(w, "        %s)\n          _arguments \\\n", c.name)
		for _, f := range c.completionSpec() {
			spec := "'" + dashed(f.name) + "[" + zshQuote(f.usage) + "]"
			switch {
			case len(f.values) > 0:
				spec += ":" + f.name + ":(" + strings.Join(f.values, " ") + ")"
			case f.takesValue:
				spec += ":" + f.name + ":_files"
			}
			fmt.Fprintf(w, "            %s' \\\n", spec)
		}
		switch {
		case c.files:
			fmt.Fprint(w, "            '*:file:_files'\n")
		case len(c.positionalWords()) > 0:
			fmt.Fprintf(w, "            '*:word:(%s)'\n", strings.Join(c.positionalWords(), " "))
		default:
			fmt.Fprint(w, "            \n")
		}
		fmt.Fprint(w, "          ;;\n")
	}
	fmt.Fprint(w, `      esac
      ;;
  esac
}

if [ "$funcstack[1]" = "_copytrail" ]; then
  _copytrail "$@"
else
  compdef _copytrail copytrail
fi
`)
}
