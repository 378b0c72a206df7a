package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/store"
)

// analyse analyses a library with its index; query then names the articles
// a text shares passages with and changes nothing; a new article imported
// later is added without a full re-scan.
func TestAnalyseThenQuery(t *testing.T) {
	dir := genCollection(t)
	ws := filepath.Join(t.TempDir(), "w.copytrail")
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) < 10 {
		t.Fatalf("%d files", len(names))
	}
	// keep one article back, to query and then to add
	held := filepath.Join(t.TempDir(), filepath.Base(names[1]))
	if err := os.Rename(names[1], held); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("analyse", ws, dir)
	if code != ExitOK || errs != "" || !strings.Contains(out, "analysed") {
		t.Fatalf("analyse: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	w, err := store.Open(ws)
	if err != nil || w.Result == nil || w.Index == nil {
		t.Fatalf("analysed workspace: %v (result %v, index %v)", err, w != nil && w.Result != nil, w != nil && w.Index != nil)
	}
	// the library carries each article's word count (shown in the app's
	// library; the file then holds each text once, library and result alike)
	for _, d := range w.Documents {
		if r := w.Result.Doc(d.ID); r == nil || d.Words == 0 || d.Words != r.Words {
			t.Fatalf("library article %s has %d words, its analysed copy %v", d.Path, d.Words, r)
		}
	}
	before, _ := os.ReadFile(ws)
	code, out, errs = run("query", "--json", ws, held)
	if code != ExitOK || errs != "" {
		t.Fatalf("query: exit %d, stderr %q", code, errs)
	}
	var ms []queryMatch
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].SharedWords == 0 || ms[0].TextCoverage <= 0 || len(ms[0].Passages) == 0 {
		t.Fatalf("query of a reused article found %+v", ms)
	}
	if after, _ := os.ReadFile(ws); !bytes.Equal(before, after) {
		t.Fatal("query changed the workspace")
	}
	code, out, _ = run("query", ws, held)
	if code != ExitOK || !strings.Contains(out, "SHARED WORDS") || !strings.Contains(out, ms[0].Title[:min(10, len(ms[0].Title))]) {
		t.Fatalf("query table: exit %d\n%s", code, out)
	}
	// up to date: nothing to do
	if code, out, _ = run("analyse", ws); code != ExitOK || !strings.Contains(out, "up to date") {
		t.Fatalf("second analyse: exit %d, %q", code, out)
	}
	// the held article imported and added: the same passages the query saw
	if code, out, errs = run("analyse", ws, held); code != ExitOK {
		t.Fatalf("analyse with a new article: exit %d, %q %q", code, out, errs)
	}
	w, _ = store.Open(ws)
	n := 0
	for _, p := range w.Result.Passages {
		if p.A == ms[0].ID || p.B == ms[0].ID {
			n++
		}
	}
	if len(w.Result.Documents) != len(names) || n == 0 {
		t.Fatalf("after the add: %d documents (want %d), %d passages with the match", len(w.Result.Documents), len(names), n)
	}
	// a workspace never analysed: a clear error, status 1
	bare := filepath.Join(t.TempDir(), "bare.copytrail")
	if code, _, _ := run("import", bare, dir); code != ExitOK {
		t.Fatal("import")
	}
	if code, _, errs = run("query", bare, held); code != ExitFailed || !strings.Contains(errs, "analyse it first") {
		t.Fatalf("query of an unanalysed workspace: exit %d, %q", code, errs)
	}
}
