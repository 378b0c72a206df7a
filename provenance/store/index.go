package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/index"
)

// The n-gram index of the analysis (Workspace.Index) lives in two tables of
// its own, beside the lists, so that files without one (older files, or a
// workspace never analysed) need no change:
//
//	engine_index_meta    (key TEXT PRIMARY KEY, value BLOB): ngram,
//	                      max_doc_bytes, bits, ids (JSON), facts (8 bytes a
//	                      document), family (the family keys, 8 bytes each),
//	                      settings (the analysis settings, JSON)
//	engine_index_buckets (bucket INTEGER PRIMARY KEY, postings BLOB): one
//	                      row a non-empty bucket (index.Encode)
//
// OpenIndex reads them lazily, for a look-up that must not load the whole
// workspace (copytrail query).
const (
	indexMetaTable    = "engine_index_meta"
	indexBucketsTable = "engine_index_buckets"
)

// writeIndex writes ws.Index, when there is one, into its tables.
func writeIndex(tx *sql.Tx, ws *Workspace) error {
	ix := ws.Index
	if ix == nil {
		return nil
	}
	for _, s := range []string{
		"CREATE TABLE " + indexMetaTable + " (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
		"CREATE TABLE " + indexBucketsTable + " (bucket INTEGER PRIMARY KEY, postings BLOB NOT NULL)",
	} {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	ids, err := json.Marshal(ix.IDs)
	if err != nil {
		return err
	}
	settings := ws.Settings
	if ws.Result != nil {
		settings = ws.Result.Settings
	}
	for _, kv := range []struct {
		k string
		v any
	}{
		{"ngram", strconv.Itoa(ix.NGram)}, {"max_doc_bytes", strconv.Itoa(ix.MaxDocBytes)},
		{"bits", strconv.Itoa(int(ix.Bits))}, {"ids", string(ids)}, {"facts", index.EncodeFacts(ix.Facts)},
		{"family", index.EncodeKeys(ix.Family)},
		{"settings", toJSON(settings)},
	} {
		if _, err := tx.Exec("INSERT INTO "+indexMetaTable+" (key, value) VALUES (?, ?)", kv.k, kv.v); err != nil {
			return fmt.Errorf("table %s: %w", indexMetaTable, err)
		}
	}
	stmt, err := tx.Prepare("INSERT INTO " + indexBucketsTable + " (bucket, postings) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for b, raw := range ix.Buckets {
		if len(raw) == 0 {
			continue
		}
		if _, err := stmt.Exec(b, raw); err != nil {
			return fmt.Errorf("table %s: bucket %d: %w", indexBucketsTable, b, err)
		}
	}
	return nil
}

// hasIndex reports whether the database holds an index.
func hasIndex(db *sql.DB) (bool, error) {
	var n int
	err := db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", indexMetaTable).Scan(&n)
	return n > 0, err
}

// readIndexMeta reads the index's meta table into an Index without its
// buckets, and the analysis settings it was made with.
func readIndexMeta(db *sql.DB) (*index.Index, provenance.Settings, error) {
	var s provenance.Settings
	rows, err := db.Query("SELECT key, value FROM " + indexMetaTable)
	if err != nil {
		return nil, s, err
	}
	defer rows.Close()
	meta := map[string][]byte{}
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, s, err
		}
		meta[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, s, err
	}
	num := func(k string) (int, error) {
		n, err := strconv.Atoi(string(meta[k]))
		if err != nil {
			return 0, fmt.Errorf("index %s %q: %w", k, meta[k], err)
		}
		return n, nil
	}
	ix := &index.Index{}
	var bits int
	if ix.NGram, err = num("ngram"); err == nil {
		if ix.MaxDocBytes, err = num("max_doc_bytes"); err == nil {
			bits, err = num("bits")
		}
	}
	if err != nil {
		return nil, s, err
	}
	if bits < 1 || bits > 24 {
		return nil, s, fmt.Errorf("index bits %d out of range", bits)
	}
	ix.Bits = uint(bits)
	if err := json.Unmarshal(meta["ids"], &ix.IDs); err != nil {
		return nil, s, fmt.Errorf("index ids: %w", err)
	}
	if ix.Facts, err = index.DecodeFacts(meta["facts"]); err != nil {
		return nil, s, err
	}
	if ix.Family, err = index.DecodeKeys(meta["family"]); err != nil {
		return nil, s, err
	}
	if len(ix.Family) == 0 {
		ix.Family = nil
	}
	if len(ix.Facts) != len(ix.IDs) {
		return nil, s, fmt.Errorf("index: %d facts for %d documents", len(ix.Facts), len(ix.IDs))
	}
	if err := fromJSON("index settings", string(meta["settings"]), &s); err != nil {
		return nil, s, err
	}
	return ix, s, nil
}

// readIndex reads the whole index, buckets included (nil when the file has none).
func readIndex(db *sql.DB) (*index.Index, error) {
	ok, err := hasIndex(db)
	if err != nil || !ok {
		return nil, err
	}
	ix, _, err := readIndexMeta(db)
	if err != nil {
		return nil, err
	}
	ix.Buckets = make([][]byte, 1<<ix.Bits)
	rows, err := db.Query("SELECT bucket, postings FROM " + indexBucketsTable)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var b int
		var raw []byte
		if err := rows.Scan(&b, &raw); err != nil {
			return nil, err
		}
		if b < 0 || b >= len(ix.Buckets) {
			return nil, fmt.Errorf("index bucket %d out of range", b)
		}
		ix.Buckets[b] = raw
	}
	return ix, rows.Err()
}

// IndexFile is a workspace file's index opened for look-ups without
// loading the workspace: only the buckets and the documents a look-up asks
// for are read (scan.Query takes it as its scan.Source). It changes
// nothing in the file.
type IndexFile struct {
	path     string
	db       *sql.DB
	ix       *index.Index
	settings provenance.Settings
	docStmt  *sql.Stmt
}

// ErrNoIndex: the workspace holds no index (never analysed, or analysed by
// a Copytrail that kept none): analyse it first.
var ErrNoIndex = errors.New("the workspace has no index of its analysis")

// OpenIndex opens the index of the workspace at path for reading.
func OpenIndex(path string) (*IndexFile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, errorf("open the index of", path, nil, err, "cannot resolve the path")
	}
	if e := checkHeader("open the index of", path, abs); e != nil {
		return nil, e
	}
	db, err := openReadOnly(abs, false)
	if err != nil {
		return nil, errorf("open the index of", path, nil, err, "cannot open the file")
	}
	fail := func(err error, why string) (*IndexFile, error) {
		db.Close()
		return nil, errorf("open the index of", path, nil, err, "%s", why)
	}
	if _, e := checkWorkspace("open the index of", path, db); e != nil {
		db.Close()
		return nil, e
	}
	ok, err := hasIndex(db)
	if err != nil {
		return fail(err, "cannot read the file")
	}
	if !ok {
		db.Close()
		return nil, errorf("open the index of", path, ErrNoIndex, nil, "it has no index of its analysis: analyse it first (copytrail analyse)")
	}
	ix, s, err := readIndexMeta(db)
	if err != nil {
		return fail(err, "its index is damaged: analyse it again")
	}
	names := ""
	for i, c := range documentCols() {
		if i > 0 {
			names += ", "
		}
		names += c.name
	}
	stmt, err := db.Prepare("SELECT " + names + " FROM documents WHERE id = ? ORDER BY result_ord IS NULL, idx LIMIT 1")
	if err != nil {
		return fail(err, "cannot read its documents")
	}
	return &IndexFile{path: path, db: db, ix: ix, settings: s, docStmt: stmt}, nil
}

// Close closes the file.
func (f *IndexFile) Close() error {
	f.docStmt.Close()
	return f.db.Close()
}

// Index is the index's settings and document IDs, without buckets.
func (f *IndexFile) Index() *index.Index { return f.ix }

// Settings are the settings of the analysis the index belongs to.
func (f *IndexFile) Settings() provenance.Settings { return f.settings }

// Facts are the candidate stage's facts of each document, by number.
func (f *IndexFile) Facts() ([]align.DocFacts, error) { return f.ix.Facts, nil }

// ReadBucket reads one bucket's encoded postings ("" when empty).
func (f *IndexFile) ReadBucket(b int) ([]byte, error) {
	var raw []byte
	err := f.db.QueryRow("SELECT postings FROM "+indexBucketsTable+" WHERE bucket = ?", b).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, errorf("read the index of", f.path, ErrDamaged, err, "cannot read bucket %d", b)
	}
	return raw, nil
}

// Document reads document number num, with its text.
func (f *IndexFile) Document(num uint32) (*provenance.Document, error) {
	if int(num) >= len(f.ix.IDs) || f.ix.IDs[num] == "" {
		return nil, errorf("read the index of", f.path, ErrDamaged, nil, "no document number %d", num)
	}
	dest, finish := scanDocument()
	if err := f.docStmt.QueryRow(f.ix.IDs[num]).Scan(dest...); err != nil {
		return nil, errorf("read the index of", f.path, ErrDamaged, err, "cannot read document %q", f.ix.IDs[num])
	}
	l := &loader{}
	if err := finish(l); err != nil {
		return nil, errorf("read the index of", f.path, ErrDamaged, err, "document %q", f.ix.IDs[num])
	}
	for _, list := range [][]ordered[provenance.Document]{l.resDocs, l.wsDocs} {
		if len(list) > 0 {
			d := list[0].v
			return &d, nil
		}
	}
	return nil, errorf("read the index of", f.path, ErrDamaged, nil, "document %q", f.ix.IDs[num])
}
