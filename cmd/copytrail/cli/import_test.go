package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance/store"
)

// TestImportCommand imports a JSON lines archive with one bad line into a
// new workspace: the good records are in the file, the bad line is named on
// stderr with its line, the exit status says something failed; a second
// run adds nothing; scanning the archive reads the same records.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	archivetest.JSONL(&b, archivetest.Records(12, 80, 6))
	b.WriteString("{\"id\": \"broken\", \"text\": \n")
	archive := filepath.Join(dir, "news.jsonl")
	os.WriteFile(archive, b.Bytes(), 0o644)
	ws := filepath.Join(dir, "lib.copytrail")

	var out, errb bytes.Buffer
	if code := Main([]string{"import", "--batch", "5", ws, archive}, &out, &errb); code != ExitFailed {
		t.Fatalf("import exit %d, want %d (one bad line): %s", code, ExitFailed, errb.String())
	}
	if !strings.Contains(errb.String(), archive+": line 13: not valid JSON") {
		t.Errorf("stderr does not name the bad line: %q", errb.String())
	}
	if !strings.Contains(out.String(), "imported 12 new articles into "+ws+" (0 already there, 0 duplicates); the library holds 12") {
		t.Errorf("stdout: %q", out.String())
	}
	got, err := store.Open(ws)
	if err != nil || len(got.Documents) != 12 || got.Documents[0].Path != archive+"#a000000" {
		t.Fatalf("workspace after import: %v, %v", err, got)
	}

	out.Reset()
	errb.Reset()
	Main([]string{"import", ws, archive}, &out, &errb)
	if !strings.Contains(out.String(), "imported 0 new articles into "+ws+" (12 already there") {
		t.Errorf("second import: %q", out.String())
	}

	out.Reset()
	errb.Reset()
	if code := Main([]string{"import", ws}, &out, &errb); code != ExitUsage {
		t.Errorf("import with no path: exit %d", code)
	}
}
