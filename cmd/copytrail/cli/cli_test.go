package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/assets"
)

func TestHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, stdout, stderr := run(args...)
		if code != ExitOK || stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		for name, c := range commands {
			if !strings.Contains(stdout, "  "+name+" ") || !strings.Contains(stdout, c.summary) {
				t.Errorf("%v does not list %s", args, name)
			}
		}
	}
}

func TestHelpCommandShowsOptionsAndExamples(t *testing.T) {
	for name, c := range commands {
		code, stdout, stderr := run("help", name)
		if code != ExitOK || stderr != "" {
			t.Fatalf("help %s: exit %d, stderr %q", name, code, stderr)
		}
		if !strings.HasPrefix(stdout, "usage: copytrail "+name) || !strings.Contains(stdout, "--quiet") {
			t.Errorf("help %s:\n%s", name, stdout)
		}
		if len(c.examples) == 0 {
			t.Errorf("%s has no examples: every command shows (and the tests run) at least one", name)
		}
		for _, ex := range c.examples {
			if !strings.HasPrefix(ex, name) {
				t.Errorf("%s: example %q runs another command", name, ex)
			}
			if !strings.Contains(stdout, "copytrail "+ex) {
				t.Errorf("help %s lacks its example %q", name, ex)
			}
		}
		// NAME -h is the same text.
		_, dashH, _ := run(name, "-h")
		if dashH != stdout {
			t.Errorf("%s -h differs from help %s", name, name)
		}
	}
	_, stdout, _ := run("help", "scan")
	for _, want := range []string{"--preset", "(strict, balanced, lenient)", "--json", "--min-words", "exit status"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help scan lacks %q:\n%s", want, stdout)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{}, "usage:"},
		{[]string{"scna", "x"}, `did you mean "scan"`},
		{[]string{"help", "nope"}, `no command "nope"`},
		{[]string{"scan", "--no-such-flag", "x"}, "no-such-flag"},
		{[]string{"scan", "--json", "--csv", "x"}, "choose one"},
		{[]string{"gen"}, "--out DIR is required"},
		{[]string{"gen", "--out", "x", "extra"}, "takes no arguments"},
		{[]string{"completion"}, "bash or zsh"},
		{[]string{"completion", "fish"}, "fish"},
		{[]string{"version", "x"}, "takes no arguments"},
	} {
		code, stdout, stderr := run(c.args...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, ExitUsage, c.want)
		}
		if stdout != "" {
			t.Errorf("%v: a usage error printed on stdout: %q", c.args, stdout)
		}
	}
}

func TestSomeInputsFailedExitsOne(t *testing.T) {
	demo := demoDir(t)
	missing := filepath.Join(t.TempDir(), "gone.txt")
	out := filepath.Join(t.TempDir(), "r.html")
	code, _, stderr := run("report", "--html", out, demo, missing)
	if code != ExitFailed || !strings.Contains(stderr, "gone.txt") {
		t.Fatalf("exit %d, stderr %q; want %d naming gone.txt", code, stderr, ExitFailed)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the readable articles were not reported: %v", err)
	}
}

func TestQuietDropsWhatWasDoneKeepsResults(t *testing.T) {
	demo := demoDir(t)
	dir := t.TempDir()
	code, stdout, stderr := run("export", "--dir", filepath.Join(dir, "a"), "--formats", "csv", demo)
	if code != ExitOK || stderr != "" || !strings.Contains(stdout, "links.csv") {
		t.Fatalf("export: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, args := range [][]string{
		{"--quiet", "export", "--dir", filepath.Join(dir, "b"), "--formats", "csv", demo},
		{"export", "-q", "--dir", filepath.Join(dir, "c"), "--formats", "csv", demo},
		{"gen", "--out", filepath.Join(dir, "g"), "--cases", "1", "--quiet"},
		{"-q", "report", "--html", filepath.Join(dir, "r.html"), demo},
	} {
		code, stdout, stderr := run(args...)
		if code != ExitOK || stdout != "" || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want nothing", args, code, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c", "links.csv")); err != nil {
		t.Errorf("quiet export wrote nothing: %v", err)
	}
	// Results are not "what was done": --quiet keeps them.
	code, stdout, _ = run("--quiet", "scan", "--csv", demo)
	if code != ExitOK || !strings.HasPrefix(stdout, "a,b,") {
		t.Errorf("quiet scan --csv: exit %d, %q", code, stdout)
	}
	// Problems are not silenced either.
	code, _, stderr = run("-q", "scan", demo, filepath.Join(dir, "gone.txt"))
	if code != ExitFailed || !strings.Contains(stderr, "gone.txt") {
		t.Errorf("quiet scan of a missing file: exit %d, stderr %q", code, stderr)
	}
}

func TestFlagsAfterPathsAndDoubleDash(t *testing.T) {
	demo := demoDir(t)
	code, stdout, stderr := run("scan", demo, "--csv")
	if code != ExitOK || !strings.HasPrefix(stdout, "a,b,") {
		t.Fatalf("flag after path: exit %d, %q %q", code, stdout, stderr)
	}
	// After "--" a name that looks like a flag is a path.
	code, _, stderr = run("scan", "--", "--csv")
	if code != ExitFailed || !strings.Contains(stderr, "--csv") {
		t.Errorf("scan -- --csv: exit %d, stderr %q; want the file --csv reported missing", code, stderr)
	}
}

func TestIsSubcommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "article")
	os.WriteFile(file, []byte("text"), 0o644)
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"scan"}, true},
		{[]string{"-q", "scan"}, true},
		{[]string{"--version"}, true},
		{[]string{"scna"}, true},               // a mistyped command, reported
		{[]string{"article"}, false},           // an existing file, opened
		{[]string{"notes.copytrail"}, false},   // a workspace to create
		{[]string{"https://x.org/a"}, false},   // a URL to fetch
		{[]string{"--screen", "graph"}, false}, // the app's own flags
	} {
		if got := IsSubcommand(c.args); got != c.want {
			t.Errorf("IsSubcommand(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

func TestVersionLine(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, stderr := run(args...)
		if code != ExitOK || stderr != "" || !strings.HasPrefix(stdout, "copytrail "+Version+" (") {
			t.Errorf("%v: exit %d, %q, %q", args, code, stdout, stderr)
		}
	}
}

func TestDemoWritesTheEmbeddedCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	code, stdout, stderr := run("demo", "--out", dir)
	if code != ExitOK || stderr != "" || stdout != "wrote 7 articles to "+dir+"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	want, _ := fs.ReadFile(assets.Demo(), "01-release.txt")
	got, err := os.ReadFile(filepath.Join(dir, "01-release.txt"))
	if err != nil || string(got) != string(want) {
		t.Fatalf("01-release.txt differs from the embedded one: %v", err)
	}
	// A file the user changed is never overwritten.
	mine := filepath.Join(dir, "02-wire.txt")
	os.WriteFile(mine, []byte("my notes"), 0o644)
	code, stdout, _ = run("demo", "--out", dir)
	if b, _ := os.ReadFile(mine); code != ExitOK || string(b) != "my notes" || !strings.HasPrefix(stdout, "wrote 0 articles") {
		t.Errorf("second run: exit %d, %q; 02-wire.txt now %q", code, stdout, b)
	}
}
