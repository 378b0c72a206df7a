package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// Importer adds articles to a workspace file as they are read, committing
// them in batches, each batch one SQLite transaction (rollback journal,
// synchronous writes): a process killed in the middle of an import loses
// at most the batch it was writing, and the file opens as the last batch
// committed left it (Open rolls back the unfinished one). Importing the
// same sources again resumes: Has tells which documents the workspace
// already holds, so a reader can pass over them (ingest's Options.Skip).
//
// The importer writes into the file in place, where Save replaces it
// whole; the two must not run on one file at once, and a workspace open
// in the app should be closed (or saved and reopened) around an import.
// Imported articles join the library after the articles already in it;
// the analysis in the file, if any, is kept and covers what it covered.
type Importer struct {
	path string
	db   *sql.DB
	// ids and hashes are the library's documents: by ID, and ID by
	// content hash.
	ids     map[string]bool
	hashes  map[string]string
	pending []provenance.Document
	nextIdx int64 // idx of the next documents row
	nextOrd int64 // library place of the next document
	last    time.Time
	// BatchSize commits after this many documents (default 500); Interval
	// commits after this much time with documents pending (default 2 s).
	BatchSize int
	Interval  time.Duration
	// OnCommit, when set, hears the number of documents committed so far
	// by this importer after each commit.
	OnCommit  func(total int)
	committed int
}

// NewImporter opens the workspace at path for an import, creating an empty
// workspace there when no file exists. A file of an older schema version
// is first brought to the current one (by an atomic Save).
func NewImporter(path string) (*Importer, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, errorf("import into", path, nil, err, "cannot resolve the path")
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	switch _, err := os.Stat(abs); {
	case errors.Is(err, os.ErrNotExist):
		if err := Save(abs, &Workspace{}); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, errorf("import into", path, nil, err, "cannot read the file")
	}
	if _, err := Peek(abs); err != nil { // a workspace this Copytrail reads
		return nil, err
	}
	db, version, err := openWritable(abs)
	if err == nil && version < schemaVersion {
		db.Close()
		var ws *Workspace
		if ws, err = Open(abs); err != nil {
			return nil, err
		}
		if err = Save(abs, ws); err == nil {
			db, _, err = openWritable(abs)
		}
	}
	if err != nil {
		return nil, errorf("import into", path, nil, err, "cannot open the file for writing")
	}
	im := &Importer{path: path, db: db, ids: map[string]bool{}, hashes: map[string]string{},
		BatchSize: 500, Interval: 2 * time.Second, last: time.Now()}
	if err := im.load(); err != nil {
		db.Close()
		return nil, errorf("import into", path, ErrDamaged, err, "cannot read the articles already there")
	}
	return im, nil
}

// openWritable opens a workspace file for writing in place, each
// transaction journalled and synced, and reads its schema version.
func openWritable(abs string) (*sql.DB, int, error) {
	db, err := sql.Open("sqlite", sqliteURI(abs, "_pragma=trusted_schema(OFF)&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)&_txlock=immediate"))
	if err != nil {
		return nil, 0, err
	}
	db.SetMaxOpenConns(1)
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, version, nil
}

// load reads the IDs and content hashes of the library and where the next
// rows go.
func (im *Importer) load() error {
	rows, err := im.db.Query("SELECT id, content_hash FROM documents WHERE workspace_ord IS NOT NULL")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var hash sql.NullString
		if err := rows.Scan(&id, &hash); err != nil {
			return err
		}
		im.ids[id] = true
		if hash.String != "" {
			im.hashes[hash.String] = id
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return im.db.QueryRow("SELECT coalesce(max(idx) + 1, 0), coalesce(max(workspace_ord) + 1, 0) FROM documents").Scan(&im.nextIdx, &im.nextOrd)
}

// Has reports whether the library holds a document with this ID (already
// imported, or pending in this import).
func (im *Importer) Has(id string) bool { return im.ids[id] }

// IDs returns a copy of the library's document IDs.
func (im *Importer) IDs() map[string]bool { return maps.Clone(im.ids) }

// Len is the number of documents in the library, pending ones included.
func (im *Importer) Len() int { return len(im.ids) }

// Add queues a document, committing the batch when it is full or due. A
// document whose ID the library holds is not added again (added false); one
// whose text the library holds under another ID is not added either and
// dup names that document.
func (im *Importer) Add(d provenance.Document) (added bool, dup string, err error) {
	if im.ids[d.ID] {
		return false, "", nil
	}
	if orig := im.hashes[d.ContentHash]; orig != "" && d.ContentHash != "" {
		return false, orig, nil
	}
	im.ids[d.ID] = true
	if d.ContentHash != "" {
		im.hashes[d.ContentHash] = d.ID
	}
	im.pending = append(im.pending, d)
	if len(im.pending) >= im.BatchSize || time.Since(im.last) >= im.Interval {
		return true, "", im.Commit()
	}
	return true, "", nil
}

// Commit writes the pending documents in one transaction. When it
// returns nil they are on disk.
func (im *Importer) Commit() error {
	im.last = time.Now()
	if len(im.pending) == 0 {
		return nil
	}
	tx, err := im.db.Begin()
	if err != nil {
		return errorf("import into", im.path, nil, err, "cannot start writing")
	}
	defer tx.Rollback()
	if err := im.insert(tx); err != nil {
		return errorf("import into", im.path, nil, err, "cannot write the articles")
	}
	if testHookInTx != nil {
		testHookInTx()
	}
	if err := tx.Commit(); err != nil {
		return errorf("import into", im.path, nil, err, "cannot commit the articles")
	}
	im.nextIdx += int64(len(im.pending))
	im.nextOrd += int64(len(im.pending))
	im.committed += len(im.pending)
	clear(im.pending)
	im.pending = im.pending[:0]
	if im.OnCommit != nil {
		im.OnCommit(im.committed)
	}
	return nil
}

// insert adds the pending rows and updates the meta table's row count and
// save time, so Open's checks hold after every commit.
func (im *Importer) insert(tx *sql.Tx) error {
	t := tableNamed("documents")
	stmt, err := tx.Prepare(t.insertSQL())
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range im.pending {
		ord := int(im.nextOrd) + i
		args := append([]any{im.nextIdx + int64(i)}, docValues(docRow{doc: im.pending[i], workspaceOrd: &ord})...)
		args = append(args, rowCRC(args))
		if _, err := stmt.Exec(args...); err != nil {
			return fmt.Errorf("document %s: %w", im.pending[i].ID, err)
		}
	}
	var nils string
	if err := tx.QueryRow("SELECT value FROM meta WHERE key = 'nil_collections'").Scan(&nils); err != nil {
		return fmt.Errorf("meta nil_collections: %w", err)
	}
	var list []string
	if err := fromJSON("nil_collections", nils, &list); err != nil {
		return err
	}
	list = slices.DeleteFunc(list, func(s string) bool { return s == "documents" })
	if list == nil {
		list = []string{}
	}
	for k, v := range map[string]string{
		"rows.documents":  strconv.FormatInt(im.nextIdx+int64(len(im.pending)), 10),
		"saved_at":        time.Now().UTC().Format(time.RFC3339),
		"nil_collections": toJSON(list),
	} {
		if _, err := tx.Exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", k, v); err != nil {
			return fmt.Errorf("meta %s: %w", k, err)
		}
	}
	return nil
}

// Close commits what is pending and closes the file.
func (im *Importer) Close() error {
	err := im.Commit()
	if cerr := im.db.Close(); err == nil && cerr != nil {
		err = errorf("import into", im.path, nil, cerr, "cannot close the file")
	}
	return err
}

func dropStaleJournal(db *sql.DB, journal string) error {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	if err := os.Remove(journal); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// testHookInTx, when a test sets it, runs inside each commit's transaction
// once its rows are written, before the commit.
var testHookInTx func()

// tableNamed returns the spec of a list table.
func tableNamed(name string) *tableSpec {
	for i := range tables {
		if tables[i].name == name {
			return &tables[i]
		}
	}
	panic("store: no table " + name)
}

// finishInterruptedWrite rolls back the unfinished transaction of a
// process killed while importing into the file (a hot "-journal" beside
// it), so the file is as the last commit left it before it is checked:
// what SQLite itself does when it next writes the file.
func finishInterruptedWrite(op, path, abs string) *Error {
	fi, err := os.Stat(abs + "-journal")
	if err != nil || fi.Size() == 0 {
		return nil
	}
	db, err := sql.Open("sqlite", sqliteURI(abs, "_pragma=trusted_schema(OFF)"))
	if err == nil {
		db.SetMaxOpenConns(1)
		// The first read plays back a hot journal. A journal SQLite does
		// not count as hot (killed before its header was synced: the file
		// itself was not yet written) is left behind; it is removed while
		// a write lock keeps every other writer out.
		err = dropStaleJournal(db, abs+"-journal")
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return errorf(op, path, nil, err, "an import into this file was interrupted, and its unfinished part cannot be rolled back (is the file or its folder read-only?)")
	}
	return nil
}
