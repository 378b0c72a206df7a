package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoDir writes the embedded demo corpus into a temporary folder with
// `copytrail demo`.
func demoDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "demo")
	if code, _, stderr := run("demo", "--out", dir, "-q"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return dir
}

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Main(args, &o, &e)
	return code, o.String(), e.String()
}

func TestReportCommandWritesHTML(t *testing.T) {
	demo := demoDir(t)
	out := filepath.Join(t.TempDir(), "Rapport démo 1.html")
	code, _, stderr := run("report", "--html", out, demo)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{"<!DOCTYPE html>", "Copytrail " + Version, `id="appendix"`, "<svg", "preset"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(html), "<script") {
		t.Error("report contains a script element")
	}
}

func TestReportCommandCompare(t *testing.T) {
	demo := demoDir(t)
	entries, _ := os.ReadDir(demo)
	var names []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".txt") || strings.HasSuffix(e.Name(), ".md")) {
			names = append(names, e.Name())
		}
	}
	if len(names) < 2 {
		t.Skipf("demo corpus has %d text files", len(names))
	}
	code, stdout, stderr := run("report", "--html", "-", "--compare", names[0]+","+names[1], demo)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stdout, `<h3 id="doc-`); n != 2 {
		t.Errorf("a comparison report lists %d articles in its appendix, want 2", n)
	}
	code, _, stderr = run("report", "--html", "-", "--compare", "no-such-doc,"+names[1], demo)
	if code != 2 || !strings.Contains(stderr, "no-such-doc") {
		t.Errorf("unknown --compare document: exit %d, stderr %q", code, stderr)
	}
}

func TestReportCommandUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"report", "somewhere"}, {"report", "--html", "x.html"}, {"export", "x"}, {"export", "--dir", t.TempDir(), "--formats", "xlsx", "x"}} {
		code, _, stderr := run(args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	code, _, stderr := run("report", "--html", filepath.Join(t.TempDir(), "r.html"), filepath.Join(t.TempDir(), "missing"))
	if code == 0 || !strings.Contains(stderr, "missing") {
		t.Errorf("missing input: exit %d, stderr %q", code, stderr)
	}
}

func TestExportCommandWritesFiles(t *testing.T) {
	demo := demoDir(t)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run("export", "--dir", out, "--formats", "csv,graphml", demo)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"passages.csv", "links.csv", "documents.csv", "graph.graphml", "outlets.graphml"} {
		if !strings.Contains(stdout, name) {
			t.Errorf("stdout does not list %s: %q", name, stdout)
		}
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "graph.png")); err == nil {
		t.Error("png written though not asked for")
	}
}
