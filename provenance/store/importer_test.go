package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// importDocs are documents n..n+k-1 of an import, distinct in ID and text.
func importDocs(n, k int) []provenance.Document {
	ws := corpusWorkspace(n+k, 80, 99)
	docs := ws.Documents[n:]
	for i := range docs {
		docs[i].ID = fmt.Sprintf("imp%05d", n+i)
		docs[i].ContentHash = fmt.Sprintf("hash%05d", n+i)
	}
	return docs
}

// TestImporterAppends adds documents to a saved workspace with an analysis
// and the user's work: the new ones join the library after the old ones,
// nothing else changes, a known ID or a known text is not added again.
func TestImporterAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	ws := corpusWorkspace(4, 60, 5)
	ws.Decisions = map[LinkKey]Decision{{Source: "d00000", Target: "d00001"}: {Verdict: VerdictConfirmed, Note: "checked"}}
	ws.Documents[0].ContentHash = "known-hash"
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	im, err := NewImporter(path)
	if err != nil {
		t.Fatal(err)
	}
	im.BatchSize, im.Interval = 2, time.Hour
	commits := 0
	im.OnCommit = func(int) { commits++ }
	if !im.Has("d00002") || im.Has("imp00000") || im.Len() != 4 {
		t.Fatalf("the importer does not know the library: Has %v, Len %d", im.Has("d00002"), im.Len())
	}
	added := importDocs(0, 3)
	for _, d := range added {
		if ok, dup, err := im.Add(d); !ok || dup != "" || err != nil {
			t.Fatalf("Add(%s) = %v, %q, %v", d.ID, ok, dup, err)
		}
	}
	if ok, _, _ := im.Add(ws.Documents[1]); ok {
		t.Error("a document already in the library was added again")
	}
	same := importDocs(3, 1)[0]
	same.ContentHash = "known-hash"
	if ok, dup, _ := im.Add(same); ok || dup != "d00000" {
		t.Errorf("the same text under another ID: added %v, duplicate of %q", ok, dup)
	}
	if err := im.Close(); err != nil {
		t.Fatal(err)
	}
	if commits != 2 {
		t.Errorf("%d commits for 3 documents in batches of 2", commits)
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	want := ws.Clone()
	want.Documents = append(want.Documents, added...)
	if !reflect.DeepEqual(got.Documents, want.Documents) {
		t.Errorf("library after the import: %d documents, want %d", len(got.Documents), len(want.Documents))
	}
	if !reflect.DeepEqual(got.Result, want.Result) || !reflect.DeepEqual(got.Decisions, want.Decisions) || !reflect.DeepEqual(got.View, want.View) {
		t.Error("the import changed the analysis or the user's work")
	}
	// A Save of what was opened writes the same library back.
	if err := Save(path, got); err != nil {
		t.Fatal(err)
	}
	if again, err := Open(path); err != nil || len(again.Documents) != 7 {
		t.Errorf("after saving the imported workspace: %v, %v", err, again)
	}
}

// TestImporterNewFileAndOldSchema: importing into a missing file creates a
// workspace; into a file of schema version 1 upgrades it first.
func TestImporterNewFileAndOldSchema(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.copytrail")
	im, err := NewImporter(fresh)
	if err != nil {
		t.Fatal(err)
	}
	docs := importDocs(0, 2)
	for _, d := range docs {
		im.Add(d)
	}
	if err := im.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := Open(fresh)
	if err != nil || !reflect.DeepEqual(got.Documents, docs) {
		t.Fatalf("new workspace: %v, %d documents", err, len(got.Documents))
	}

	data, err := os.ReadFile(filepath.Join("testdata", "v1.copytrail"))
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.copytrail")
	os.WriteFile(old, data, 0o644)
	before, err := Open(old)
	if err != nil {
		t.Fatal(err)
	}
	im, err = NewImporter(old)
	if err != nil {
		t.Fatal(err)
	}
	im.Add(docs[0])
	if err := im.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := Open(old)
	if err != nil || len(after.Documents) != len(before.Documents)+1 || !reflect.DeepEqual(after.Documents[len(before.Documents)], docs[0]) {
		t.Fatalf("version 1 workspace after an import: %v", err)
	}
}

// importKillEnv tells the test binary, re-run as a child, to import and
// stop inside a transaction.
const importKillEnv = "COPYTRAIL_STORE_IMPORT_CHILD"

// killBatch is the size of the batch the child is killed in.
const killBatch = 6000

// TestHelperImportChild commits one batch, then prints "in transaction"
// from inside the second batch's transaction and waits to be killed.
func TestHelperImportChild(t *testing.T) {
	path := os.Getenv(importKillEnv)
	if path == "" {
		t.Skip("the child process of TestImportKilledInTransaction")
	}
	docs := importDocs(0, 10+killBatch) // made first: slow under the race detector
	im, err := NewImporter(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	im.BatchSize, im.Interval = 10, time.Hour // commits by count only
	testHookInTx = func() {
		if im.committed > 0 {
			fmt.Println("in transaction")
			time.Sleep(time.Minute)
		}
	}
	im.OnCommit = func(n int) {
		fmt.Println("committed", n)
		im.BatchSize = killBatch // a batch larger than SQLite's page cache: it writes the file before the commit
	}
	for _, d := range docs {
		if _, _, err := im.Add(d); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
	}
	os.Exit(3) // never reached: killed in the second commit
}

// TestImportKilledInTransaction kills an importing process inside a
// commit: the file keeps a hot journal, and Open rolls the unfinished
// batch back and gives exactly the batch committed before.
func TestImportKilledInTransaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImportChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), importKillEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	committed := 0
	for lines.Scan() {
		if n, ok := cutPrefix(lines.Text(), "committed "); ok {
			committed = n
		}
		if lines.Text() == "in transaction" {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if committed != 10 {
		t.Fatalf("the child reported %d committed before the kill", committed)
	}
	if fi, err := os.Stat(path + "-journal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no hot journal after a kill inside a transaction: %v", err)
	}
	jb, _ := os.ReadFile(path + "-journal")
	if len(jb) < 8 || string(jb[:8]) != "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" {
		t.Fatalf("the kill left no hot journal (%d bytes): the test does not test the rollback", len(jb))
	}
	got, err := Open(path)
	if err != nil {
		t.Fatalf("the workspace does not open after a kill mid-import: %v", err)
	}
	if want := importDocs(0, 10); !reflect.DeepEqual(got.Documents, want) {
		t.Errorf("after the kill the library holds %d documents, want the 10 committed", len(got.Documents))
	}
	if _, err := os.Stat(path + "-journal"); err == nil {
		t.Error("the journal is still there after opening")
	}
	// The import goes on from there.
	im, err := NewImporter(path)
	if err != nil {
		t.Fatal(err)
	}
	all := importDocs(0, 10+killBatch)
	for _, d := range all {
		im.Add(d)
	}
	if err := im.Close(); err != nil {
		t.Fatal(err)
	}
	if got, err := Open(path); err != nil || !reflect.DeepEqual(got.Documents, all) {
		t.Errorf("resumed import: %v, %d documents", err, len(got.Documents))
	}
}

func cutPrefix(s, prefix string) (int, bool) {
	if len(s) < len(prefix) || s[:len(prefix)] != prefix {
		return 0, false
	}
	n, err := strconv.Atoi(s[len(prefix):])
	return n, err == nil
}
