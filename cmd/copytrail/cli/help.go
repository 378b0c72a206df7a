package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/copytrail/copytrail"
)

func init() {
	register(&command{
		name:     "help",
		summary:  "show the commands, or one command's options and examples",
		usage:    "[COMMAND]",
		examples: []string{"help", "help scan"},
		setup: func(fs *flag.FlagSet) func(e *Env, args []string) int {
			return runHelp
		},
	})
	register(&command{
		name:     "version",
		summary:  "print the version and the commit it was built from",
		usage:    "",
		about:    "Prints one line: \"copytrail VERSION (commit HASH, DATE)\", DATE being the commit's time;\n\"+ local changes\" follows when the tree had uncommitted changes. The same as `copytrail --version`.",
		examples: []string{"version"},
		setup: func(fs *flag.FlagSet) func(e *Env, args []string) int {
			return func(e *Env, args []string) int {
				if len(args) > 0 {
					return e.UsageError(fmt.Errorf("takes no arguments, got %q", args[0]))
				}
				fmt.Fprintln(e.Stdout, copytrail.Current())
				return ExitOK
			}
		},
	})
}

func runHelp(e *Env, args []string) int {
	switch len(args) {
	case 0:
		writeUsage(e.Stdout)
		return ExitOK
	case 1:
		c, ok := commands[args[0]]
		if !ok {
			return e.UsageError(fmt.Errorf("no command %q%s", args[0], suggest(args[0])))
		}
		c.writeHelp(e.Stdout)
		return ExitOK
	}
	return e.UsageError(fmt.Errorf("wants one command name, got %d words", len(args)))
}

// writeUsage lists the commands.
func writeUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: copytrail [WORKSPACE.copytrail | PATH...]   open the desktop app")
	fmt.Fprintln(w, "       copytrail [--quiet] COMMAND [options] [ARGUMENTS]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range sortedCommands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n'copytrail help COMMAND' shows a command's options and examples.")
	fmt.Fprintln(w, "--quiet (-q) prints nothing but results and problems.")
	writeExitCodes(w)
}

func writeExitCodes(w io.Writer) {
	fmt.Fprintf(w, "exit status: %d done; %d some inputs failed or an output could not be written (the rest was done);\n             %d usage error (nothing done)\n", ExitOK, ExitFailed, ExitUsage)
}

// writeHelp prints the command's synopsis, description, options and examples.
func (c *command) writeHelp(w io.Writer) {
	fmt.Fprintf(w, "usage: copytrail %s %s\n", c.name, c.usage)
	fmt.Fprintf(w, "\n%s.\n", capitalise(c.summary))
	if c.about != "" {
		fmt.Fprintf(w, "\n%s\n", c.about)
	}
	fs := c.flagSet()
	c.setup(fs)
	var opts strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		name, use := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		line := "  " + dash + f.Name
		if name != "" {
			line += " " + name
		}
		if vs := c.values[f.Name]; len(vs) > 0 {
			use += " (" + strings.Join(vs, ", ") + ")"
		}
		if def := f.DefValue; name != "" && def != "" && def != "0" && def != "-1" && !strings.Contains(use, "default") {
			use += fmt.Sprintf(" (default %s)", def)
		}
		fmt.Fprintf(&opts, "%-28s %s\n", line, use)
	})
	fmt.Fprintln(w, "\noptions:")
	fmt.Fprint(w, &opts)
	fmt.Fprintf(w, "  %-26s %s\n", "--quiet, -q", "print nothing but results and problems")
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nexamples:")
		for _, ex := range c.examples {
			fmt.Fprintf(w, "  copytrail %s\n", ex)
		}
	}
	fmt.Fprintln(w)
	writeExitCodes(w)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
