package app

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/importer"
	"github.com/copytrail/copytrail/provenance/ingest"
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

// writeArchive writes n generated records as a JSON lines archive in dir.
func writeArchive(t *testing.T, dir string, n int) string {
	t.Helper()
	var b bytes.Buffer
	archivetest.JSONL(&b, archivetest.Records(n, 80, 4))
	archive := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(archive, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return archive
}

// importCounting wraps u's engine so that Load and Import calls are counted
// and the Import summaries kept.
func importCounting(u *UI) (loads *int, sums *[]importer.Summary) {
	loads, sums = new(int), new([]importer.Summary)
	eng := u.eng
	load, imp := eng.Load, eng.Import
	eng.Load = func(ctx context.Context, paths []string, progress ProgressFunc) ([]provenance.Document, []provenance.Duplicate, []provenance.FileError) {
		*loads++
		return load(ctx, paths, progress)
	}
	eng.Import = func(ctx context.Context, ws string, paths []string, progress ProgressFunc) (importer.Summary, error) {
		sum, err := imp(ctx, ws, paths, progress)
		*sums = append(*sums, sum)
		return sum, err
	}
	u.eng = eng
	return loads, sums
}

// saveAndImport answers the dialog an archive added to an unsaved
// workspace opens: the workspace file at file.
func saveAndImport(t *testing.T, u *UI, file string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("adding an archive to an unsaved workspace asked nothing")
	}
	entry := findEntry(t, top)
	if filepath.Base(entry.Text) != "news.copytrail" {
		t.Errorf("the dialog suggests %q, want news.copytrail beside the last workspace", entry.Text)
	}
	entry.SetText(file)
	test.Tap(findButton(t, top, "Save and import"))
}

// TestAddArchiveToUnsavedWorkspaceSavesItFirst: an archive dropped on a
// workspace without a file is not read into memory whole (no Load): the
// app asks where to save the workspace, saves it there and imports into
// it, articles committed as they are read.
func TestAddArchiveToUnsavedWorkspaceSavesItFirst(t *testing.T) {
	dir := t.TempDir()
	archive := writeArchive(t, dir, 30)
	u := newTestUI(t, DefaultEngine())
	loads, sums := importCounting(u)
	u.AddPaths([]string{archive})
	file := filepath.Join(dir, "mine.copytrail")
	asUI(u, func() { saveAndImport(t, u, file) })
	u.bridge.Wait()
	if *loads != 0 || len(*sums) != 1 || (*sums)[0].Added != 30 {
		t.Fatalf("%d loads, imports %+v: want the archive imported into the file, never loaded whole", *loads, *sums)
	}
	if u.path != file || len(u.ws.Documents) != 30 || u.ws.Result == nil || len(u.ws.Result.Documents) != 30 {
		t.Fatalf("workspace %q with %d articles, analysed %v", u.path, len(u.ws.Documents), u.ws.Result != nil)
	}
	if onDisk, err := store.Open(file); err != nil || len(onDisk.Documents) != 30 {
		t.Fatalf("the file holds %v: %v", onDisk, err)
	}
}

const appImportChild = "COPYTRAIL_APP_IMPORT_CHILD"

// TestHelperAppImport is the child of TestKillTheAppWhileImporting: the
// app (headless) adds the archive named by the environment to an unsaved
// workspace, saves it where the environment says and imports, printing
// "committed N" after each batch, until it is killed.
func TestHelperAppImport(t *testing.T) {
	file := os.Getenv(appImportChild)
	if file == "" {
		t.Skip("the child process of TestKillTheAppWhileImporting")
	}
	u := newTestUI(t, DefaultEngine())
	eng := u.eng
	eng.Import = func(ctx context.Context, ws string, paths []string, progress ProgressFunc) (importer.Summary, error) {
		// The app's import, in batches of 20 so that there are many
		// moments to be killed between and inside commits.
		return importer.Run(ctx, ws, paths, importer.Options{BatchSize: 20, Interval: time.Hour},
			importer.Hooks{Progress: progress, Committed: func(n int) { fmt.Println("committed", n) }})
	}
	u.eng = eng
	u.AddPaths([]string{os.Getenv(appImportChild + "_IN")})
	asUI(u, func() { saveAndImport(t, u, file) })
	u.bridge.Wait()
	fmt.Println("finished")
}

// TestKillTheAppWhileImporting kills (SIGKILL) an app importing a
// 3,000-article archive into a workspace it has just saved, right after
// its first commit: the workspace opens, holds a prefix of the archive
// (every article committed), and adding the archive again in a new window
// passes over those and imports the rest, to exactly the archive.
func TestKillTheAppWhileImporting(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	archive := writeArchive(t, dir, 3000)
	docs, _, errs := ingest.Load(context.Background(), []string{archive}, ingest.DefaultOptions(), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(dir, "news.copytrail")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperAppImport$", "-test.count=1")
	cmd.Env = append(os.Environ(), appImportChild+"="+file, appImportChild+"_IN="+archive)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := 0
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if n, ok := strings.CutPrefix(lines.Text(), "committed "); ok {
			committed, _ = strconv.Atoi(n)
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
		if lines.Text() == "finished" {
			break
		}
	}
	cmd.Wait()
	if committed == 0 {
		t.Fatal("the child was not killed while importing: it committed nothing, or finished first")
	}
	ws, err := store.Open(file)
	if err != nil {
		t.Fatalf("the workspace of a killed import does not open: %v", err)
	}
	got := len(ws.Documents)
	if got < committed || got >= len(docs) {
		t.Fatalf("the killed import left %d articles; it had committed %d of %d", got, committed, len(docs))
	}
	for i, d := range ws.Documents {
		if d.ID != docs[i].ID {
			t.Fatalf("article %d is %s, want %s: not the archive's first articles", i, d.ID, docs[i].ID)
		}
	}

	u := newTestUI(t, DefaultEngine())
	_, sums := importCounting(u)
	u.OpenWorkspace(file)
	u.bridge.Wait()
	u.AddPaths([]string{archive})
	u.bridge.Wait()
	if len(*sums) != 1 || (*sums)[0].Already != got || (*sums)[0].Added != len(docs)-got {
		t.Fatalf("resumed import %+v, want %d passed over and %d added", *sums, got, len(docs)-got)
	}
	ws, err = store.Open(file)
	if err != nil || len(ws.Documents) != len(docs) || len(u.ws.Documents) != len(docs) {
		t.Fatalf("after resuming: the file holds %v articles (%v), the window %d; want %d", len(ws.Documents), err, len(u.ws.Documents), len(docs))
	}
	t.Logf("killed after %d of %d articles committed (%d in the file); resumed to %d", committed, len(docs), got, len(ws.Documents))
}
