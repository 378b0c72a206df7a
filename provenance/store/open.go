package store

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// sqliteMagic starts every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// Open reads the workspace at path. A file that is not a workspace, is
// truncated or corrupted, or was written by a newer Copytrail gives an *Error
// naming the file and the reason (errors.Is ErrNotWorkspace, ErrDamaged or
// ErrNewerSchema); Open never changes the file. A file from an older schema
// version is migrated in a private copy; the next Save writes the new format.
func Open(path string) (*Workspace, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, errorf("open", path, nil, err, "cannot resolve the path")
	}
	if e := checkHeader("open", path, abs); e != nil {
		return nil, e
	}
	db, cleanup, e := openDatabase("open", path, abs)
	if e != nil {
		return nil, e
	}
	defer cleanup()
	meta, e := readMeta("open", path, db)
	if e != nil {
		return nil, e
	}
	var problems []string
	if err := sqliteCheck(db, "quick_check(20)", &problems); err != nil || len(problems) > 0 {
		return nil, damaged("open", path, err, "SQLite's integrity check failed: %s (try File ▸ Recover)",
			strings.Join(firstN(problems, 3), "; "))
	}
	l := &loader{}
	for i := range tables {
		t := &tables[i]
		n, err := readTable(db, t, l)
		if err != nil {
			return nil, damaged("open", path, err, "corrupted: cannot read table %s", t.name)
		}
		if want := meta.rows(t.name); want != n {
			return nil, damaged("open", path, nil, "table %s has %d rows where the file recorded %d", t.name, n, want)
		}
	}
	ws, err := meta.assemble(l)
	if err != nil {
		return nil, damaged("open", path, err, "inconsistent contents")
	}
	if ws.Index, err = readIndex(db); err != nil {
		return nil, damaged("open", path, err, "cannot read the index of its analysis")
	}
	return ws, nil
}

func damaged(op, path string, cause error, format string, args ...any) *Error {
	return errorf(op, path, ErrDamaged, cause, format, args...)
}

// oneLine folds a multi-line message into one line of at most n bytes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "*** in database main ***", "")), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("and %d more", len(s)-n))
	}
	return s
}

// checkHeader reads the SQLite header and checks the file's size against it,
// so the common failures (empty, not SQLite, cut short) get a plain reason.
func checkHeader(op, path, abs string) *Error {
	if e := finishInterruptedWrite(op, path, abs); e != nil {
		return e
	}
	f, err := os.Open(abs)
	if err != nil {
		return errorf(op, path, nil, err, "cannot open the file")
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return errorf(op, path, nil, err, "cannot read the file")
	}
	if fi.IsDir() {
		return errorf(op, path, ErrNotWorkspace, nil, "it is a folder, not a workspace file")
	}
	size := fi.Size()
	if size == 0 {
		return errorf(op, path, ErrNotWorkspace, nil, "the file is empty (0 bytes)")
	}
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return errorf(op, path, nil, err, "cannot read the file")
	}
	hdr = hdr[:n]
	magicLen := min(n, len(sqliteMagic))
	if string(hdr[:magicLen]) != sqliteMagic[:magicLen] {
		return errorf(op, path, ErrNotWorkspace, nil, "not a SQLite database (the file does not start with the SQLite header)")
	}
	if n < 100 {
		return damaged(op, path, nil, "truncated: only %d bytes, shorter than a SQLite header", n)
	}
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return damaged(op, path, nil, "corrupted header: page size %d is not valid", pageSize)
	}
	if size%pageSize != 0 {
		return damaged(op, path, nil, "truncated: %d bytes is not a whole number of %d-byte pages", size, pageSize)
	}
	// The header's page count is valid when its change counter matches.
	if binary.BigEndian.Uint32(hdr[24:28]) == binary.BigEndian.Uint32(hdr[92:96]) {
		if pages := int64(binary.BigEndian.Uint32(hdr[28:32])); pages > 0 && pages*pageSize > size {
			return damaged(op, path, nil, "truncated: the header records %d pages (%d bytes) but the file has %d bytes",
				pages, pages*pageSize, size)
		}
	}
	return nil
}

// openDatabase opens the file read-only, checks that it is a workspace of a
// version this package reads, and migrates an older one in a private copy.
// cleanup closes the database and removes any copy.
func openDatabase(op, path, abs string) (*sql.DB, func(), *Error) {
	db, cleanup, _, e := openMigrated(op, path, abs)
	return db, cleanup, e
}

// openMigrated is openDatabase that also says whether db is a migrated
// copy (the file is of an older schema version) rather than the file.
func openMigrated(op, path, abs string) (db *sql.DB, cleanup func(), migrated bool, e *Error) {
	db, err := openReadOnly(abs, op == "recover")
	if err != nil {
		return nil, nil, false, errorf(op, path, nil, err, "cannot open the file")
	}
	version, e := checkWorkspace(op, path, db)
	if e != nil {
		db.Close()
		return nil, nil, false, e
	}
	if version == schemaVersion {
		return db, func() { db.Close() }, false, nil
	}
	db.Close()
	db, cleanup, e = migrateCopy(op, path, abs, version, op == "recover")
	return db, cleanup, true, e
}

func openReadOnly(abs string, lenient bool) (*sql.DB, error) {
	// trusted_schema=OFF keeps a hostile file's views and triggers from
	// calling functions with side effects; cell_size_check catches more
	// corruption before it is used.
	query := "mode=ro&_pragma=trusted_schema(OFF)&_pragma=cell_size_check(ON)&_pragma=query_only(1)"
	if lenient {
		// writable_schema lets SQLite read a file shorter than its header
		// says, up to where it was cut, instead of refusing it whole.
		query += "&_pragma=writable_schema(ON)"
	}
	db, err := sql.Open("sqlite", sqliteURI(abs, query))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// checkWorkspace reads the file's schema version and checks that the tables
// this package reads are plain tables.
func checkWorkspace(op, path string, db *sql.DB) (int, *Error) {
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, sqliteOpenError(op, path, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, sqliteOpenError(op, path, err)
	}
	if appID != applicationID {
		return 0, errorf(op, path, ErrNotWorkspace, nil, "a SQLite database, but not one Copytrail wrote")
	}
	if version > schemaVersion {
		return 0, errorf(op, path, ErrNewerSchema, nil,
			"it was written by a newer Copytrail (workspace schema version %d; this Copytrail reads versions up to %d): update Copytrail to open it",
			version, schemaVersion)
	}
	if version < 1 {
		return 0, damaged(op, path, nil, "the schema version is missing (%d)", version)
	}
	rows, err := db.Query("SELECT name, type FROM sqlite_schema")
	if err != nil {
		return 0, sqliteOpenError(op, path, err)
	}
	defer rows.Close()
	kinds := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return 0, sqliteOpenError(op, path, err)
		}
		kinds[name] = typ
	}
	if err := rows.Err(); err != nil {
		return 0, sqliteOpenError(op, path, err)
	}
	if version == schemaVersion {
		for _, name := range append([]string{"meta"}, tableNames()...) {
			if kinds[name] != "table" {
				return 0, damaged(op, path, nil, "table %s is missing or not a plain table", name)
			}
		}
	}
	return version, nil
}

func tableNames() []string {
	names := make([]string, len(tables))
	for i := range tables {
		names[i] = tables[i].name
	}
	return names
}

// sqliteOpenError classifies SQLite's errors on the first reads.
func sqliteOpenError(op, path string, err error) *Error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "not a database"):
		return errorf(op, path, ErrNotWorkspace, err, "not a SQLite database")
	case strings.Contains(msg, "malformed"), strings.Contains(msg, "corrupt"):
		return damaged(op, path, err, "the database is corrupted")
	}
	return errorf(op, path, nil, err, "cannot read the database")
}

// sqliteCheck runs an integrity-check pragma and collects its problems.
func sqliteCheck(db *sql.DB, pragma string, problems *[]string) error {
	rows, err := db.Query("PRAGMA " + pragma)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err
		}
		if s != "ok" {
			*problems = append(*problems, oneLine(s, 300))
		}
	}
	return rows.Err()
}

// readTable reads every row of a list table into the loader.
func readTable(db *sql.DB, t *tableSpec, l *loader) (int, error) {
	rows, err := db.Query(t.selectSQL())
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		idx, err := scanRow(rows, t, l)
		if err != nil {
			return n, fmt.Errorf("row %d: %w", idx, err)
		}
		if idx != int64(n) {
			return n, fmt.Errorf("row %d is missing", n)
		}
		n++
	}
	return n, rows.Err()
}

// meta is the contents of the meta table.
type meta map[string]string

func readMeta(op, path string, db *sql.DB) (meta, *Error) {
	rows, err := db.Query("SELECT key, value FROM meta")
	if err != nil {
		return nil, damaged(op, path, err, "corrupted: cannot read table meta")
	}
	defer rows.Close()
	m := meta{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, damaged(op, path, err, "corrupted: cannot read table meta")
		}
		m[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, damaged(op, path, err, "corrupted: cannot read table meta")
	}
	return m, nil
}

// rows is the number of rows Save wrote to a table (-1 when unrecorded).
func (m meta) rows(table string) int {
	n, err := strconv.Atoi(m["rows."+table])
	if err != nil {
		return -1
	}
	return n
}

// assemble builds the workspace from the meta table and the rows read.
func (m meta) assemble(l *loader) (*Workspace, error) {
	if err := l.finish(); err != nil {
		return nil, err
	}
	ws := &l.ws
	var err error
	if ws.Settings, err = settingsFromJSON("settings", m["settings"]); err != nil {
		return nil, err
	}
	if m["has_result"] == "true" {
		res := l.res
		if res.Version, err = strconv.Atoi(m["result_version"]); err != nil {
			return nil, fmt.Errorf("result_version: %w", err)
		}
		if res.Settings, err = settingsFromJSON("result_settings", m["result_settings"]); err != nil {
			return nil, err
		}
		ws.Result = &res
	} else if len(l.resDocs) > 0 || len(l.res.Passages) > 0 || len(l.res.Links) > 0 {
		return nil, errors.New("analysis rows present but the file records no analysis")
	}
	err = m.restoreEmpty(ws)
	return ws, err
}

// restoreEmpty turns the empty collections Save was given as empty (not
// nil) into empty values, so a round trip keeps nil and empty apart. Where
// the record is unreadable, every empty collection becomes an empty value.
func (m meta) restoreEmpty(ws *Workspace) error {
	var nils []string
	err := fromJSON("nil_collections", m["nil_collections"], &nils)
	isNil := map[string]bool{}
	for _, n := range nils {
		isNil[n] = true
	}
	for _, c := range collections {
		if !isNil[c.name] {
			c.empty(ws)
		}
	}
	return err
}

// Summary describes a workspace file without reading its tables, e.g. for a
// list of recent workspaces.
type Summary struct {
	SchemaVersion int
	// SavedAt is when the file was saved (UTC), zero if unrecorded.
	SavedAt time.Time
	// Documents is the number of articles in the library.
	Documents int
	// HasResult says whether the file holds an analysis.
	HasResult bool
}

// Peek reads a workspace's summary: quick, and with the same checks and
// errors as Open for files that are not workspaces or are from a newer
// version. It does not check the tables' contents.
func Peek(path string) (Summary, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Summary{}, errorf("open", path, nil, err, "cannot resolve the path")
	}
	if e := checkHeader("open", path, abs); e != nil {
		return Summary{}, e
	}
	db, cleanup, e := openDatabase("open", path, abs)
	if e != nil {
		return Summary{}, e
	}
	defer cleanup()
	m, e := readMeta("open", path, db)
	if e != nil {
		return Summary{}, e
	}
	s := Summary{SchemaVersion: schemaVersion, HasResult: m["has_result"] == "true"}
	s.SavedAt, _ = time.Parse(time.RFC3339, m["saved_at"])
	var n int
	if err := db.QueryRow("SELECT count(*) FROM documents WHERE workspace_ord IS NOT NULL").Scan(&n); err != nil {
		return Summary{}, damaged("open", path, err, "corrupted: cannot count the articles")
	}
	s.Documents = n
	return s, nil
}
