package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

func saveOpen(t *testing.T, ws *Workspace) *Workspace {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w"+FileExtension)
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func assertEqual(t *testing.T, got, want *Workspace) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	t.Errorf("workspace differs after the round trip: %s", firstDiff(reflect.ValueOf(got), reflect.ValueOf(want), "Workspace"))
	t.FailNow()
}

func TestRoundTripEveryField(t *testing.T) {
	ws := fullWorkspace(t, 1)
	assertEqual(t, saveOpen(t, ws), ws)
}

func TestRoundTripNilAndEmpty(t *testing.T) {
	t.Run("zero", func(t *testing.T) { assertEqual(t, saveOpen(t, &Workspace{}), &Workspace{}) })
	empty := &Workspace{
		Documents: []provenance.Document{}, Decisions: map[LinkKey]Decision{}, Notes: map[string]string{},
		View: map[string]string{},
		Result: &provenance.Result{Documents: []provenance.Document{}, Passages: []provenance.Passage{},
			Pairs: []provenance.Pair{}, Links: []provenance.Link{}, Families: []provenance.Family{},
			Mutations: []provenance.Mutation{}, OutletEdges: []provenance.OutletEdge{},
			Duplicates: []provenance.Duplicate{}, Errors: []provenance.FileError{}},
	}
	t.Run("empty", func(t *testing.T) { assertEqual(t, saveOpen(t, empty), empty) })
	t.Run("result-with-nil-lists", func(t *testing.T) {
		ws := &Workspace{Result: &provenance.Result{Version: 1}}
		assertEqual(t, saveOpen(t, ws), ws)
	})
}

// Text columns keep bytes SQLite and JSON could trip on: NUL, invalid UTF-8,
// CR, right-to-left text.
func TestRoundTripAwkwardText(t *testing.T) {
	ws := &Workspace{Documents: []provenance.Document{
		{ID: "nul", Text: "before\x00after"},
		{ID: "bad-utf8", Text: "caf\xe9 \xff\xfe"},
		{ID: "rtl", Text: "مرحبا بالعالم\r\n", Meta: provenance.Metadata{Title: provenance.Field{Value: "'; DROP TABLE documents; --"}}},
	}}
	assertEqual(t, saveOpen(t, ws), ws)
}

func TestRoundTripCorpus(t *testing.T) {
	ws := corpusWorkspace(30, 200, 3)
	assertEqual(t, saveOpen(t, ws), ws)
}

func TestSaveOverwritesAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.copytrail")
	a, b := corpusWorkspace(5, 50, 1), corpusWorkspace(3, 80, 2)
	for _, ws := range []*Workspace{a, b} {
		if err := Save(path, ws); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, got, b)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries after two saves, want only the workspace: %v", len(entries), entries)
	}
}

func TestSaveErrorNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-folder", "w.copytrail")
	err := Save(path, &Workspace{})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Save into a missing folder: %v, want an error naming %s", err, path)
	}
	if err := Save(filepath.Join(t.TempDir(), "w"), nil); err == nil {
		t.Error("Save(nil) succeeded")
	}
}

// The schema is queryable with plain SQL, as the docs promise.
func TestTablesAreQueryable(t *testing.T) {
	ws := corpusWorkspace(10, 50, 5)
	ws.Decisions = map[LinkKey]Decision{{Source: "d00000", Target: "d00001"}: {Verdict: VerdictConfirmed, Note: "checked by phone"}}
	path := filepath.Join(t.TempDir(), "w.copytrail")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var title, verdict string
	var n int
	q := `SELECT d.title, dc.verdict, (SELECT count(*) FROM links WHERE source = d.id)
		FROM documents d JOIN decisions dc ON dc.source = d.id WHERE d.id = 'd00000'`
	if err := db.QueryRow(q).Scan(&title, &verdict, &n); err != nil {
		t.Fatal(err)
	}
	if title != "Article 0" || verdict != "confirmed" || n != 1 {
		t.Errorf("query gave %q, %q, %d", title, verdict, n)
	}
}

func TestDecisionLookupEitherDirection(t *testing.T) {
	ws := &Workspace{Decisions: map[LinkKey]Decision{{"a", "b"}: {Verdict: VerdictDismissed}}}
	if d, ok := ws.Decision("b", "a"); !ok || d.Verdict != VerdictDismissed {
		t.Errorf("Decision(b, a) = %v, %v", d, ok)
	}
	if _, ok := ws.Decision("a", "c"); ok {
		t.Error("Decision(a, c) found a decision")
	}
}

func TestCloneSharesNothing(t *testing.T) {
	ws := fullWorkspace(t, 2)
	c := ws.Clone()
	assertEqual(t, c, ws)
	c.Documents[0].Boilerplate[0].Start = -1
	c.Result.Links[0].Reasons[0] = "changed"
	c.Result.Passages[0].Diff[0].Text = "changed"
	c.Notes["x"] = "y"
	c.Decisions[LinkKey{"p", "q"}] = Decision{At: time.Now()}
	if ws.Documents[0].Boilerplate[0].Start == -1 || ws.Result.Links[0].Reasons[0] == "changed" ||
		ws.Result.Passages[0].Diff[0].Text == "changed" || ws.Notes["x"] == "y" || len(ws.Decisions) != 2 {
		t.Error("changing the clone changed the original")
	}
}

func TestMigratesOlderVersion(t *testing.T) {
	ws := fullWorkspace(t, 4)
	path := filepath.Join(t.TempDir(), "old.copytrail")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	// Pretend to be a later Copytrail whose version 2 adds a column and a
	// view entry.
	schemaVersion = SchemaVersion + 1
	migrations[SchemaVersion] = func(tx *sql.Tx) error {
		if _, err := tx.Exec("ALTER TABLE notes ADD COLUMN created TEXT"); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRow("SELECT count(*) FROM view").Scan(&n); err != nil {
			return err
		}
		if _, err := tx.Exec("INSERT INTO view (idx, key, value, crc) VALUES (?, ?, ?, ?)",
			n, "migrated", "yes", rowCRC([]any{n, "migrated", "yes"})); err != nil {
			return err
		}
		_, err := tx.Exec("UPDATE meta SET value = value + 1 WHERE key = 'rows.view'")
		return err
	}
	defer func() { schemaVersion = SchemaVersion; delete(migrations, SchemaVersion) }()
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.View["migrated"] != "yes" {
		t.Error("the migration step did not run")
	}
	delete(got.View, "migrated")
	assertEqual(t, got, ws)
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("Open changed the older file")
	}
}

func TestRefusesNewerVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.copytrail")
	schemaVersion = SchemaVersion + 5
	err := Save(path, &Workspace{})
	schemaVersion = SchemaVersion
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func(string) error{
		"open":    func(p string) error { _, err := Open(p); return err },
		"recover": func(p string) error { _, _, err := Recover(p); return err },
	} {
		err := f(path)
		if !errors.Is(err, ErrNewerSchema) {
			t.Fatalf("%s of a newer file: %v, want ErrNewerSchema", name, err)
		}
		for _, want := range []string{path, fmt.Sprintf("version %d", SchemaVersion+5), fmt.Sprintf("up to %d", SchemaVersion)} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s error %q does not mention %q", name, err, want)
			}
		}
	}
}

// firstDiff describes the first place where two values differ.
func firstDiff(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() {
		return path + ": kinds differ"
	}
	short := func(v reflect.Value) string {
		s := fmt.Sprintf("%#v", v.Interface())
		if len(s) > 200 {
			s = s[:200] + "…"
		}
		return s
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: got nil=%v, want nil=%v", path, a.IsNil(), b.IsNil())
		}
		if a.IsNil() {
			return ""
		}
		return firstDiff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !reflect.DeepEqual(a.Field(i).Interface(), b.Field(i).Interface()) {
				return firstDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)
			}
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: got len %d (nil=%v), want len %d (nil=%v)", path, a.Len(), a.IsNil(), b.Len(), b.IsNil())
		}
		for i := 0; i < a.Len(); i++ {
			if !reflect.DeepEqual(a.Index(i).Interface(), b.Index(i).Interface()) {
				return firstDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	return fmt.Sprintf("%s: got %s, want %s", path, short(a), short(b))
}

func TestSaveKeepsPermissionsAndFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.copytrail")
	if err := Save(real, &Workspace{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o644 {
		t.Errorf("a new workspace has mode %v, want 0644", fi.Mode().Perm())
	}
	if err := os.Chmod(real, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.copytrail")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ws := corpusWorkspace(2, 20, 1)
	if err := Save(link, ws); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("saving through a link replaced the link")
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("save changed the mode to %v", fi.Mode().Perm())
	}
	got, err := Open(real)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, got, ws)
}

func TestPeek(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	ws := corpusWorkspace(7, 20, 1)
	ws.Result.Documents = append(ws.Result.Documents, provenance.Document{ID: "only-in-result"})
	before := time.Now().Add(-time.Second)
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	s, err := Peek(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 7 || !s.HasResult || s.SchemaVersion != SchemaVersion || s.SavedAt.Before(before.Truncate(time.Second)) {
		t.Errorf("Peek = %+v", s)
	}
	if _, err := Peek(writeFile(t, "x.copytrail", []byte("text"))); !errors.Is(err, ErrNotWorkspace) {
		t.Errorf("Peek of a text file: %v", err)
	}
}

// Files another program left beside the old workspace (a journal, a WAL)
// must not outlive it: they would be applied to the new file.
func TestSaveRemovesStaleCompanions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.copytrail")
	if err := Save(path, &Workspace{}); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-journal", "-wal", "-shm"} {
		if err := os.WriteFile(path+suffix, []byte("stale"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws := corpusWorkspace(2, 20, 1)
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %v, want only the workspace", entries)
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, got, ws)
}
