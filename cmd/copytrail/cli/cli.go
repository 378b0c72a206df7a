// Package cli implements copytrail's command-line subcommands. It imports no
// UI toolkit, so it builds with CGO_ENABLED=0 and tests without a display.
//
// Each subcommand lives in its own file and registers a command in its init:
// a name, a one-line summary, a synopsis, its flags and runnable examples.
// From that one description come `copytrail help`, `copytrail help NAME`,
// `NAME -h`, the shell completions, and the tests that run every example
// (cmd/copytrail's quiet-stderr test runs each under LANG=C.UTF-8 and wants
// an empty stderr).
//
// The rules every command keeps:
//   - stdout carries the results (tables, JSON, CSV, the names of files
//     written, help); stderr carries only problems, so a successful run
//     prints nothing there;
//   - --quiet (-q) drops the lines that say what was done (Env.Infof);
//     results and problems are unaffected;
//   - exit status ExitOK (0), ExitFailed (1: some inputs could not be read
//     or an output could not be written; what could be done was done) or
//     ExitUsage (2: the command line was wrong; nothing was done).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/copytrail/copytrail"
)

// Exit statuses of every subcommand.
const (
	ExitOK     = 0 // everything asked was done
	ExitFailed = 1 // some inputs failed or an output could not be written
	ExitUsage  = 2 // bad flags or arguments: nothing was done
)

// Version is the tool version repeated in reports (from FyneApp.toml).
var Version = copytrail.Version()

// command is one subcommand.
type command struct {
	name    string
	summary string // one line for `copytrail help`
	usage   string // the synopsis after "copytrail NAME", e.g. "[options] PATH..."
	about   string // optional paragraphs for `copytrail help NAME`
	// examples are runnable command lines without the leading "copytrail".
	// "articles/" stands for a folder of articles and "out/…" for a path in
	// a fresh folder: the tests run every example that way, so keep each
	// one successful on the demo corpus.
	examples []string
	// values lists the accepted values of flags that take a fixed set
	// (for shell completion), by flag name.
	values map[string][]string
	// files says whether positional arguments are files or folders
	// (completion offers file names); otherwise words from args.
	files bool
	args  []string // fixed positional words (completion), e.g. bash zsh
	// setup defines the command's flags on fs and returns the function that
	// runs it with the positional arguments once fs is parsed.
	setup func(fs *flag.FlagSet) func(e *Env, args []string) int
}

// commands is filled by each subcommand file's init.
var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("cli: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// sortedCommands returns the commands by name.
func sortedCommands() []*command {
	cs := make([]*command, 0, len(commands))
	for _, c := range commands {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	return cs
}

// Command describes a registered subcommand for callers outside the
// package (the tests of the real binary).
type Command struct {
	Name     string
	Examples [][]string // each a command line without "copytrail"
}

// Commands lists the registered subcommands by name.
func Commands() []Command {
	var out []Command
	for _, c := range sortedCommands() {
		cmd := Command{Name: c.name}
		for _, ex := range c.examples {
			cmd.Examples = append(cmd.Examples, strings.Fields(ex))
		}
		out = append(out, cmd)
	}
	return out
}

// Env is what a running command writes to.
type Env struct {
	Stdout, Stderr io.Writer
	// Quiet is set by --quiet: Infof prints nothing.
	Quiet bool
	// Progress is where a long command may draw progress: Stderr when it is
	// a terminal and --quiet is off, else nil (draw nothing).
	Progress io.Writer
	name     string
}

// Infof prints a line saying what was done ("wrote 9 files into out") to
// stdout, unless --quiet.
func (e *Env) Infof(format string, args ...any) {
	if !e.Quiet {
		fmt.Fprintf(e.Stdout, format+"\n", args...)
	}
}

// Errorf prints a problem to stderr as "copytrail NAME: …".
func (e *Env) Errorf(format string, args ...any) {
	fmt.Fprintf(e.Stderr, "copytrail %s: %s\n", e.name, fmt.Sprintf(format, args...))
}

// Fail prints err and returns ExitFailed.
func (e *Env) Fail(err error) int {
	e.Errorf("%v", err)
	return ExitFailed
}

// UsageError prints err with a pointer to the command's help and returns
// ExitUsage.
func (e *Env) UsageError(err error) int {
	e.Errorf("%v", err)
	fmt.Fprintf(e.Stderr, "Run 'copytrail help %s' for its options.\n", e.name)
	return ExitUsage
}

// isQuietFlag reports whether arg is the global --quiet flag.
func isQuietFlag(arg string) bool {
	switch arg {
	case "-q", "--q", "-quiet", "--quiet":
		return true
	}
	return false
}

// IsSubcommand reports whether args ask for the command line rather than
// the desktop app: a known subcommand or help/version flag (after any
// --quiet), or a bare word that is neither a command nor an existing file,
// which is reported as an unknown command instead of opened.
func IsSubcommand(args []string) bool {
	for len(args) > 0 && isQuietFlag(args[0]) {
		args = args[1:]
	}
	if len(args) == 0 {
		return false
	}
	a := args[0]
	switch a {
	case "-h", "-help", "--help", "-version", "--version":
		return true
	}
	if _, ok := commands[a]; ok {
		return true
	}
	return looksLikeCommand(a)
}

// looksLikeCommand: a word of letters (a mistyped command) that names no file.
func looksLikeCommand(a string) bool {
	if a == "" || strings.ContainsAny(a, "./\\:") || strings.HasPrefix(a, "-") {
		return false
	}
	for _, r := range a {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && r != '-' {
			return false
		}
	}
	_, err := os.Stat(a)
	return err != nil
}

// Main runs the subcommand named by args (after any --quiet) and returns
// the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	tuneMemory()
	quiet := false
	for len(args) > 0 && isQuietFlag(args[0]) {
		quiet, args = true, args[1:]
	}
	if len(args) == 0 {
		writeUsage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		args[0] = "help"
	case "-version", "--version":
		args[0] = "version"
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "copytrail: unknown command %q%s\n", args[0], suggest(args[0]))
		fmt.Fprintln(stderr, "Run 'copytrail help' for the list of commands.")
		return ExitUsage
	}
	return c.run(args[1:], stdout, stderr, quiet)
}

// run parses the command's flags (which may come before or after the
// positional arguments; "--" ends them) and runs it.
func (c *command) run(args []string, stdout, stderr io.Writer, quiet bool) int {
	e := &Env{Stdout: stdout, Stderr: stderr, Quiet: quiet, name: c.name}
	fs := c.flagSet()
	fs.BoolVar(&e.Quiet, "quiet", quiet, "print nothing but results and problems")
	fs.BoolVar(&e.Quiet, "q", quiet, "short for --quiet")
	runner := c.setup(fs)
	positional, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		c.writeHelp(stdout)
		return ExitOK
	}
	if err != nil {
		return e.UsageError(err)
	}
	if !e.Quiet && isTerminal(stderr) {
		e.Progress = stderr
	}
	return runner(e, positional)
}

func (c *command) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // Main prints errors and help itself
	fs.Usage = func() {}
	return fs
}

// parseInterleaved parses flags that may come before or after the
// positional arguments, as users type them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// flag stops at "--" too: everything after it is positional.
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// suggest returns `; did you mean "scan"?` for a near miss.
func suggest(word string) string {
	best, bestDist := "", 3
	for name := range commands {
		if d := editDistance(word, name); d < bestDist || (d == bestDist && best != "" && name < best) {
			best, bestDist = name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
