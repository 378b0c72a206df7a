package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// savedBytes returns the bytes of a saved workspace.
func savedBytes(t testing.TB, ws *Workspace) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.copytrail")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// otherSQLite returns the bytes of a SQLite database Copytrail did not write.
func otherSQLite(t *testing.T) []byte {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE documents (id TEXT); INSERT INTO documents VALUES ('x')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	return b
}

func TestOpenBadFiles(t *testing.T) {
	good := savedBytes(t, corpusWorkspace(40, 300, 1))
	if len(good) < 8*4096 {
		t.Fatalf("test workspace too small: %d bytes", len(good))
	}
	flipped := append([]byte(nil), good...)
	for i := 4096; i < len(flipped); i += 97 { // scribble over every page but the first
		flipped[i] ^= 0x5a
	}
	cases := []struct {
		name   string
		data   []byte
		kind   error
		reason string
	}{
		{"empty", nil, ErrNotWorkspace, "empty"},
		{"text", []byte("just some notes, not a workspace\n"), ErrNotWorkspace, "not a SQLite database"},
		{"header-only", good[:10], ErrDamaged, "truncated"},
		{"cut-in-header", good[:60], ErrDamaged, "truncated"},
		{"cut-mid-page", good[:4096*3+1000], ErrDamaged, "truncated"},
		{"cut-on-page", good[:4096*3], ErrDamaged, "truncated"},
		{"half", good[:len(good)/2/4096*4096], ErrDamaged, "truncated"},
		{"scribbled", flipped, ErrDamaged, ""},
		{"other-sqlite", otherSQLite(t), ErrNotWorkspace, "not one Copytrail wrote"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.name+".copytrail", c.data)
			_, err := Open(path)
			if err == nil {
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("error %q is not %v", err, c.kind)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.reason) {
				t.Errorf("error %q does not name the file and say %q", err, c.reason)
			}
		})
	}
}

func TestOpenMissingAndFolder(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "missing.copytrail"), dir} {
		_, err := Open(path)
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%s) = %v, want an error naming it", path, err)
		}
	}
	if _, err := Open(filepath.Join(dir, "missing.copytrail")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file's error does not wrap os.ErrNotExist: %v", err)
	}
}

// A workspace whose table was replaced by a view is refused: Open reads
// only plain tables, so a hostile file cannot run SQL through a view.
func TestOpenRefusesViewsForTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	if err := Save(path, corpusWorkspace(3, 20, 1)); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`DROP TABLE notes; CREATE VIEW notes AS SELECT 0 AS idx, 'd' AS doc, hex(randomblob(8)) AS note`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "notes") {
		t.Errorf("Open with a view for a table: %v", err)
	}
}

// A row count that disagrees with the count Save recorded is damage, even
// when SQLite finds nothing wrong.
func TestOpenNoticesMissingRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	if err := Save(path, corpusWorkspace(5, 20, 1)); err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlite", path)
	_, err := db.Exec("DELETE FROM links WHERE idx = 2")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "table links: row 2 is missing") {
		t.Errorf("Open with a deleted row: %v", err)
	}
}

// A change SQLite cannot see — one byte of an article's text — fails the
// row's checksum; Recover keeps the other rows.
func TestOpenNoticesChangedText(t *testing.T) {
	ws := corpusWorkspace(5, 100, 1)
	good := savedBytes(t, ws)
	// Change every copy (SQLite's free space may hold stale ones).
	bad := append([]byte(nil), good...)
	needle := []byte(ws.Documents[3].Text[:40])
	if !bytes.Contains(bad, needle) {
		t.Fatal("text not found in the file")
	}
	for at := bytes.Index(bad, needle); at >= 0; at = bytes.Index(bad, needle) {
		bad[at+5] ^= 0x01
	}
	path := writeFile(t, "w.copytrail", bad)
	_, err := Open(path)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "checksum") || !strings.Contains(err.Error(), "documents") {
		t.Fatalf("Open with a changed byte: %v", err)
	}
	got, rep, err := Recover(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 4 || got.Documents[3].ID != ws.Documents[4].ID || !rep.ResultDropped {
		t.Errorf("recovered %d documents, report:\n%s", len(got.Documents), rep)
	}
}
