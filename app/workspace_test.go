package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// holdFirstWrite makes the autosaver's next write wait inside the write
// lock until release is closed; started is closed when it is waiting.
func holdFirstWrite(u *UI) (started, release chan struct{}) {
	started, release = make(chan struct{}), make(chan struct{})
	real, held := u.saver.store, false
	u.saver.store = func(path string, ws *store.Workspace) error {
		if !held {
			held = true
			close(started)
			<-release
		}
		return real(path, ws)
	}
	return started, release
}

// autosaveInFlight saves the demo workspace to a new file, then starts an
// autosave of a change (note) whose write is held until release is called,
// which lets it go 100 ms later from another goroutine.
func autosaveInFlight(t *testing.T, u *UI, note string) (path string, l provenance.Link, release func()) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "order.copytrail")
	u.saveTo(path)
	l = u.ws.Result.Links[0]
	started, hold := holdFirstWrite(u)
	u.SetDecision(l.Source, l.Target, store.Decision{Verdict: store.VerdictConfirmed, Note: note})
	u.saver.save() // snapshot now, write held in the background
	<-started
	return path, l, func() {
		go func() {
			time.Sleep(100 * time.Millisecond)
			close(hold)
		}()
	}
}

// savedNote is the note on link l in the workspace file at path.
func savedNote(t *testing.T, path, source, target string) string {
	t.Helper()
	ws, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := ws.Decision(source, target)
	return d.Note
}

func TestManualSaveLandsAfterAnOlderAutosave(t *testing.T) {
	u := demoUI(t)
	path, l, release := autosaveInFlight(t, u, "older autosave")
	u.SetDecision(l.Source, l.Target, store.Decision{Verdict: store.VerdictConfirmed, Note: "later manual save"})
	release()
	u.saveTo(path) // Ctrl+S while the autosave is still writing
	u.saver.Wait()
	if got := savedNote(t, path, l.Source, l.Target); got != "later manual save" {
		t.Fatalf("the file holds %q: an older autosave landed after the manual save", got)
	}
	if u.dirty {
		t.Fatal("workspace still marked unsaved after a successful save")
	}
}

func TestOlderSnapshotIsNeverWrittenOverANewerOne(t *testing.T) {
	u := demoUI(t)
	path := filepath.Join(t.TempDir(), "gen.copytrail")
	l := u.ws.Result.Links[0]
	u.SetDecision(l.Source, l.Target, store.Decision{Note: "first"})
	old := u.saver.snapshot()
	u.SetDecision(l.Source, l.Target, store.Decision{Note: "second"})
	newer := u.saver.snapshot()
	if newer.gen <= old.gen {
		t.Fatalf("generations not increasing: %d then %d", old.gen, newer.gen)
	}
	if ok, err := u.saver.write(path, newer); !ok || err != nil {
		t.Fatalf("newest snapshot not written: %v %v", ok, err)
	}
	if ok, err := u.saver.write(path, old); ok || err != nil {
		t.Fatalf("an older snapshot was written over a newer one (%v, %v)", ok, err)
	}
	if got := savedNote(t, path, l.Source, l.Target); got != "second" {
		t.Fatalf("file holds %q, want the newest snapshot", got)
	}
	// the same older snapshot still goes to another file
	other := filepath.Join(t.TempDir(), "other.copytrail")
	if ok, err := u.saver.write(other, old); !ok || err != nil {
		t.Fatalf("snapshot refused for a file never written: %v %v", ok, err)
	}
}

func TestClosingFlushesInOrderAndWaitsForWrites(t *testing.T) {
	u := demoUI(t)
	path, l, release := autosaveInFlight(t, u, "autosave in flight")
	u.SetDecision(l.Source, l.Target, store.Decision{Note: "unsaved at close"})
	release()
	u.onClose()
	// onClose has returned: every write must be on disk, newest last,
	// without waiting for the autosaver here.
	if got := savedNote(t, path, l.Source, l.Target); got != "unsaved at close" {
		t.Fatalf("after closing the file holds %q", got)
	}
	u.saver.Wait()
	if got := savedNote(t, path, l.Source, l.Target); got != "unsaved at close" {
		t.Fatalf("a write landed after closing: the file holds %q", got)
	}
}

func TestExportRefusesASymlinkedReport(t *testing.T) {
	u := demoUI(t)
	dir, outside := t.TempDir(), filepath.Join(t.TempDir(), "precious.txt")
	if err := os.WriteFile(outside, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "report.html")); err != nil {
		t.Skip("symlinks not supported here:", err)
	}
	u.Export(dir, []string{"html report"})
	u.bridge.Wait()
	if b, _ := os.ReadFile(outside); string(b) != "keep me" {
		t.Fatalf("the report was written through a symlink, over %s", outside)
	}
	// a plain folder gets the report, and no temporary files are left
	clean := t.TempDir()
	u.Export(clean, []string{"html report"})
	u.bridge.Wait()
	ents, _ := os.ReadDir(clean)
	if len(ents) != 1 || ents[0].Name() != "report.html" {
		t.Fatalf("want only report.html in the folder, got %v", ents)
	}
}

// TestClosingUnsavedWorkAsks: work in a workspace that has no file yet is
// never dropped silently on close; an untouched demo closes at once.
func TestClosingUnsavedWorkAsks(t *testing.T) {
	u := demoUI(t)
	if u.dirty {
		t.Fatal("the freshly opened demo counts as unsaved work")
	}
	open := func() bool {
		for _, w := range u.app.Driver().AllWindows() {
			if w == u.win {
				return true
			}
		}
		return false
	}
	l := u.ws.Result.Links[0]
	u.SetDecision(l.Source, l.Target, store.Decision{Verdict: store.VerdictConfirmed, Note: "checked in class"})
	u.onClose()
	if !open() {
		t.Fatal("the window closed and dropped an unsaved decision without asking")
	}
	if u.closePrompt == nil {
		t.Fatal("no save-before-closing prompt was shown")
	}
	u.closeNow() // what "Don't save" does
	if open() {
		t.Fatal("\"Don't save\" did not close the window")
	}
}
