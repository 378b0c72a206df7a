package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/copytrail/copytrail/provenance"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// applicationID marks a SQLite file as a Copytrail workspace ("CPTR"); the
// `file` command and `PRAGMA application_id` show it.
const applicationID = 0x43505452

// schemaVersion is the version Save writes; a variable so tests can pretend
// to be a later Copytrail.
var schemaVersion = SchemaVersion

// pathLocks serialises saves to the same file inside this process, so two
// saves (an autosave and Ctrl+S) cannot finish in the wrong order.
var pathLocks sync.Map // absolute path -> *sync.Mutex

func lockPath(abs string) func() {
	m, _ := pathLocks.LoadOrStore(abs, new(sync.Mutex))
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}

// sqliteURI turns a file path into a SQLite URI with the given query.
func sqliteURI(abs, query string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p, RawQuery: query}).String()
}

// Save writes ws to path atomically: it builds a complete new database in a
// temporary file in the same folder, syncs it to disk, renames it over path
// and syncs the folder. If Save fails or the process dies half way, the file
// at path is the previous one, untouched. A temporary file left by a killed
// process is named ".<name>.*.tmp" and removed by the next Save an hour on.
func Save(path string, ws *Workspace) error {
	if ws == nil {
		return errorf("save", path, nil, nil, "no workspace given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return errorf("save", path, nil, err, "cannot resolve the path")
	}
	// Saving through a symbolic link replaces the file it points to, not
	// the link.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	defer lockPath(abs)()
	dir, base := filepath.Split(abs)
	removeStaleTemps(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return errorf("save", path, nil, err, "cannot create a file in %s", dir)
	}
	tmpName := tmp.Name()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpName)
		}
	}()
	// Keep the permissions of the file being replaced; a new file gets the
	// usual 0644.
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(abs); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return errorf("save", path, nil, err, "cannot set the permissions of the new file")
	}
	if err := tmp.Close(); err != nil {
		return errorf("save", path, nil, err, "cannot create a file in %s", dir)
	}
	if err := writeDatabase(tmpName, ws); err != nil {
		return errorf("save", path, nil, err, "cannot write the workspace")
	}
	if err := syncFile(tmpName); err != nil {
		return errorf("save", path, nil, err, "cannot flush the new file to disk")
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return errorf("save", path, nil, err, "cannot replace the previous file")
	}
	done = true
	// A journal or WAL left beside the old file by another program (the
	// sqlite3 shell, say) belongs to the old file; applied to the new one it
	// would corrupt it.
	for _, suffix := range []string{"-journal", "-wal", "-shm"} {
		os.Remove(abs + suffix)
	}
	if err := syncDir(dir); err != nil {
		return errorf("save", path, nil, err, "saved, but the folder could not be flushed to disk")
	}
	return nil
}

// removeStaleTemps deletes temporary files an interrupted save left behind.
func removeStaleTemps(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, m := range matches {
		if fi, err := os.Stat(m); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(m)
		}
	}
}

func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable. Some systems cannot sync a folder;
// that is not an error there.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}

// writeDatabase fills a new, empty SQLite file. The file is private until
// Save renames it, so it needs no journal and no syncing of its own.
func writeDatabase(name string, ws *Workspace) error {
	return withTx(name, "_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)", func(tx *sql.Tx) error {
		return writeTables(tx, ws)
	})
}

// withTx opens a database file read-write, runs fn in a transaction and
// commits it.
func withTx(name, query string, fn func(tx *sql.Tx) error) (err error) {
	db, err := sql.Open("sqlite", sqliteURI(name, query))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func writeTables(tx *sql.Tx, ws *Workspace) error {
	stmts := []string{
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		fmt.Sprintf("PRAGMA user_version = %d", schemaVersion),
		"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
	}
	for i := range tables {
		stmts = append(stmts, tables[i].createSQL())
	}
	stmts = append(stmts, "CREATE INDEX documents_id ON documents (id)",
		"CREATE INDEX passages_docs ON passages (a, b)", "CREATE INDEX links_docs ON links (source, target)")
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	// The meta table goes first, at the start of the file, where it is most
	// likely to survive damage; it records every table's row count.
	counts := map[string]int{}
	for i := range tables {
		counts[tables[i].name], _ = tables[i].rows(ws)
	}
	for _, kv := range metaEntries(ws, counts) {
		if _, err := tx.Exec("INSERT INTO meta (key, value) VALUES (?, ?)", kv[0], kv[1]); err != nil {
			return fmt.Errorf("table meta: %w", err)
		}
	}
	for i := range tables {
		if err := insertRows(tx, &tables[i], ws); err != nil {
			return fmt.Errorf("table %s: %w", tables[i].name, err)
		}
	}
	return writeIndex(tx, ws)
}

func insertRows(tx *sql.Tx, t *tableSpec, ws *Workspace) error {
	n, row := t.rows(ws)
	if n == 0 {
		return nil
	}
	stmt, err := tx.Prepare(t.insertSQL())
	if err != nil {
		return err
	}
	defer stmt.Close()
	args := make([]any, 0, len(t.cols)+2)
	for i := 0; i < n; i++ {
		args = append(append(args[:0], int64(i)), row(i)...)
		args = append(args, rowCRC(args))
		if _, err := stmt.Exec(args...); err != nil {
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	return nil
}

// metaEntries are the key/value rows of the meta table.
func metaEntries(ws *Workspace, counts map[string]int) [][2]string {
	var nils []string
	for _, c := range collections {
		if c.isNil(ws) {
			nils = append(nils, c.name)
		}
	}
	kv := [][2]string{
		{"format", "copytrail-workspace"},
		{"schema_version", strconv.Itoa(schemaVersion)},
		{"saved_at", time.Now().UTC().Format(time.RFC3339)},
		{"settings", toJSON(ws.Settings)},
		{"nil_collections", toJSON(nils)},
		{"has_result", strconv.FormatBool(ws.Result != nil)},
	}
	if ws.Result != nil {
		kv = append(kv, [2]string{"result_version", strconv.Itoa(ws.Result.Version)},
			[2]string{"result_settings", toJSON(ws.Result.Settings)})
	}
	for name, n := range counts {
		kv = append(kv, [2]string{"rows." + name, strconv.Itoa(n)})
	}
	return kv
}

// settingsFromJSON decodes a settings value from the meta table.
func settingsFromJSON(key, s string) (provenance.Settings, error) {
	var st provenance.Settings
	err := fromJSON(key, s, &st)
	return st, err
}
