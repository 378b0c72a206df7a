package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// bashComplete loads the bash completion script in a real bash and returns
// what it offers for the command line words, the last being completed.
func bashComplete(t *testing.T, script string, dir string, words ...string) []string {
	t.Helper()
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	prog := script + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
		strconv.Itoa(len(words)-1) + "\n_copytrail\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", prog)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	got := strings.Fields(string(out))
	sort.Strings(got)
	return got
}

func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	_, script, stderr := run("completion", "bash")
	if stderr != "" {
		t.Fatal(stderr)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "release.txt"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, "reports"), 0o755)
	for _, c := range []struct {
		words []string
		want  string // space-separated, sorted
	}{
		{[]string{"copytrail", "sc"}, "scan"},
		{[]string{"copytrail", "-q", "ex"}, "export"},
		{[]string{"copytrail", "--ver"}, "--version"},
		{[]string{"copytrail", "re"}, "release.txt report reports"},
		{[]string{"copytrail", "scan", "--pre"}, "--preset"},
		{[]string{"copytrail", "scan", "--preset", ""}, "balanced lenient strict"},
		{[]string{"copytrail", "scan", "-preset", "s"}, "strict"},
		{[]string{"copytrail", "scan", "--with"}, "--with-text"},
		{[]string{"copytrail", "scan", "rel"}, "release.txt"},
		{[]string{"copytrail", "export", "--formats", "g"}, "gexf graphml"},
		{[]string{"copytrail", "report", "--html", "rep"}, "reports"},
		{[]string{"copytrail", "completion", ""}, "bash zsh"},
		{[]string{"copytrail", "help", "ge"}, "gen"},
	} {
		got := strings.Join(bashComplete(t, script, dir, c.words...), " ")
		if got != c.want {
			t.Errorf("%q: completes %q, want %q", c.words, got, c.want)
		}
	}
}

func TestZshCompletionParses(t *testing.T) {
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("zsh is not installed (make test installs it)")
	}
	_, script, _ := run("completion", "zsh")
	for _, c := range commands {
		if !strings.Contains(script, "        "+c.name+")") {
			t.Errorf("zsh completion lacks %s", c.name)
		}
	}
	if !strings.Contains(script, "--preset[engine preset]:preset:(strict balanced lenient)") {
		t.Errorf("zsh completion lacks the preset values")
	}
	f := filepath.Join(t.TempDir(), "_copytrail")
	os.WriteFile(f, []byte(script), 0o644)
	if out, err := exec.Command("zsh", "-n", f).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, out)
	}
	// Loaded by compinit as a completion function, it must define itself
	// without errors.
	prog := "autoload -U compinit && compinit -u -d " + filepath.Join(t.TempDir(), "zcd") +
		" && fpath=(" + filepath.Dir(f) + " $fpath) && autoload -U _copytrail && source " + f + " && whence -w _copytrail"
	out, err := exec.Command("zsh", "-f", "-c", prog).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "_copytrail: function") || strings.Contains(string(out), "error") {
		t.Fatalf("zsh: %v\n%s", err, out)
	}
}
