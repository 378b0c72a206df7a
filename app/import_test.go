package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance/importer"
	"github.com/copytrail/copytrail/provenance/store"
)

// TestAddArchiveImportsIntoFile: an archive added to a workspace that has
// a file goes into the file as it is read (through importer.Run), the
// library and the analysis show it, and adding it again adds nothing.
func TestAddArchiveImportsIntoFile(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	archivetest.JSONL(&b, archivetest.Records(30, 80, 4))
	archive := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(archive, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, DefaultEngine())
	file := filepath.Join(dir, "w.copytrail")
	if err := u.saver.SaveNow(file); err != nil {
		t.Fatal(err)
	}
	imported := 0
	eng := u.eng
	real := eng.Import
	eng.Import = func(ctx context.Context, ws string, paths []string, progress ProgressFunc) (importer.Summary, error) {
		sum, err := real(ctx, ws, paths, progress)
		imported += sum.Added
		return sum, err
	}
	u.eng = eng
	u.AddPaths([]string{archive})
	u.bridge.Wait()
	if imported != 30 || len(u.ws.Documents) != 30 || u.ws.Result == nil || len(u.ws.Result.Documents) != 30 {
		t.Fatalf("imported %d; library %d documents, result %v", imported, len(u.ws.Documents), u.ws.Result != nil)
	}
	onDisk, err := store.Open(file)
	if err != nil || len(onDisk.Documents) != 30 {
		t.Fatalf("the file holds %v documents after the import: %v", len(onDisk.Documents), err)
	}
	u.AddPaths([]string{archive})
	u.bridge.Wait()
	if len(u.ws.Documents) != 30 {
		t.Errorf("adding the archive again: %d documents", len(u.ws.Documents))
	}
}
