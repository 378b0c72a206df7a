package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/copytrail/copytrail/provenance"
)

// Lazy is a workspace file opened for showing an archive quickly. Open
// reads and checks every row of every table, which for 100,000 articles
// takes minutes and gigabytes; OpenLazy reads what the screens show and
// leaves the rest in the file, read when asked for:
//
//   - Workspace.Documents (the library) and Result.Documents come without
//     their texts (Text is ""): Texts reads them;
//   - Result.Pairs holds only the pairs that share evidence (SharedWords >
//     0: a non-incidental passage), and Result.Passages only those pairs'
//     passages (incidental ones too), with Pair.Passages, Link.Passages and
//     Mutation.Passage numbered into it — a pair that shares only names or
//     stock phrases is left in the file (PassageCounts counts every
//     passage);
//   - links, families, mutations, outlet edges, duplicates, file errors,
//     decisions, notes and the view are read whole; the index is not read.
//
// Every row read is checked against its checksum, as Open checks it,
// except the documents' (their checksum covers the text): Texts checks each
// document it reads, and Verify checks the whole file. The Workspace must
// never be given to Save: it is not the whole workspace. SaveUserTables
// writes the user's own tables (decisions, notes, view) into the file in
// place; anything else needs Open.
type Lazy struct {
	// Path is the workspace file.
	Path string
	// Workspace is what was read (see above); its Index is nil.
	Workspace *Workspace

	mu      sync.Mutex // one query at a time on db
	db      *sql.DB
	file    string // the file db reads, when not a migrated copy
	cleanup func()
}

// OpenLazy opens the workspace at path for showing, reading what Lazy
// describes. A file Open would refuse for its header, version or tables is
// refused the same way, with the same errors.
func OpenLazy(path string) (*Lazy, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, errorf("open", path, nil, err, "cannot resolve the path")
	}
	if e := checkHeader("open", path, abs); e != nil {
		return nil, e
	}
	db, cleanup, migrated, e := openMigrated("open", path, abs)
	if e != nil {
		return nil, e
	}
	lz := &Lazy{Path: path, db: db, cleanup: cleanup}
	if !migrated {
		// Not a migrated copy: Verify and the readers beside lz.db may
		// read the file on connections of their own. (A file of an older
		// version is read only through its migrated copy, lz.db: the file
		// itself lacks the columns added since.)
		lz.file = abs
	}
	if err := lz.read(); err != nil {
		cleanup()
		var se *Error
		if errors.As(err, &se) {
			return nil, se
		}
		return nil, damaged("open", path, err, "corrupted")
	}
	return lz, nil
}

// read fills lz.Workspace.
func (lz *Lazy) read() error {
	m, e := readMeta("open", lz.Path, lz.db)
	if e != nil {
		return e
	}
	// The library is read on a connection of its own, beside the rest:
	// the two take about as long, and the machine has cores for both.
	docs := &loader{}
	docsDone := make(chan error, 1)
	go func() {
		db, done := lz.connection()
		defer done()
		docsDone <- lz.readDocuments(db, docs, m.rows("documents"))
	}()
	l := &loader{}
	e = lz.readAnalysis(m, l)
	if err := <-docsDone; err != nil && e == nil {
		e = damaged("open", lz.Path, err, "corrupted: cannot read table documents")
	}
	if e != nil {
		return e
	}
	l.wsDocs, l.resDocs = docs.wsDocs, docs.resDocs
	ws, err := m.assemble(l)
	if err != nil {
		return damaged("open", lz.Path, err, "inconsistent contents")
	}
	lz.Workspace = ws
	return nil
}

// connection is a connection of its own to the file, to read beside
// lz.db, and the function that closes it; lz.db itself (shared) for a
// migrated copy or when the file cannot be opened again.
func (lz *Lazy) connection() (*sql.DB, func()) {
	if lz.file != "" {
		if db, err := openReadOnly(lz.file, false); err == nil {
			return db, func() { db.Close() }
		}
	}
	return lz.db, func() {}
}

// readAnalysis reads the tables read whole and, beside them, the pairs
// that share evidence; then the passages they refer to.
func (lz *Lazy) readAnalysis(m meta, l *loader) *Error {
	pairs := &loader{}
	pairsDone := make(chan error, 1)
	go func() {
		db, done := lz.connection()
		defer done()
		pairsDone <- readSharingPairs(db, pairs)
	}()
	e := lz.readWhole(m, l)
	if err := <-pairsDone; err != nil && e == nil {
		e = damaged("open", lz.Path, err, "corrupted: cannot read the shared passages")
	}
	if e != nil {
		return e
	}
	l.res.Pairs = pairs.res.Pairs
	if err := lz.readEvidence(l, m.rows("passages")); err != nil {
		return damaged("open", lz.Path, err, "corrupted: cannot read the shared passages")
	}
	return nil
}

// readWhole reads the tables OpenLazy reads whole.
func (lz *Lazy) readWhole(m meta, l *loader) *Error {
	for _, name := range []string{"decisions", "notes", "view", "links", "families", "mutations", "outlet_edges", "duplicates", "file_errors"} {
		t := tableNamed(name)
		n, err := readTable(lz.db, t, l)
		if err != nil {
			return damaged("open", lz.Path, err, "corrupted: cannot read table %s", t.name)
		}
		if want := m.rows(t.name); want != n {
			return damaged("open", lz.Path, nil, "table %s has %d rows where the file recorded %d", t.name, n, want)
		}
	}
	return nil
}

// readDocuments reads every document row but its text, from db.
func (lz *Lazy) readDocuments(db *sql.DB, l *loader, want int) error {
	l.wsDocs = make([]ordered[provenance.Document], 0, max(0, want))
	l.resDocs = make([]ordered[provenance.Document], 0, max(0, want))
	t := tableNamed("documents")
	cols := make([]string, len(t.cols))
	for i, c := range t.cols {
		cols[i] = c.name
	}
	cols[len(cols)-1] = "''" // the text, read by Texts
	rows, err := db.Query("SELECT idx, " + strings.Join(cols, ", ") + " FROM documents ORDER BY idx")
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var idx int64
		dest, apply := t.scan()
		if err := rows.Scan(append([]any{&idx}, dest...)...); err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		if idx != int64(n) {
			return fmt.Errorf("row %d is missing", n)
		}
		if err := apply(l); err != nil {
			return fmt.Errorf("row %d: %w", idx, err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n != want {
		return fmt.Errorf("%d rows where the file recorded %d", n, want)
	}
	return nil
}

// readSharingPairs reads the pairs that share evidence from db into l.
func readSharingPairs(db *sql.DB, l *loader) error {
	t := tableNamed("pairs")
	rows, err := db.Query(fmt.Sprintf("SELECT idx, %s, crc FROM pairs WHERE shared_words > 0 ORDER BY idx", t.columnList()))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if idx, err := scanRow(rows, t, l); err != nil {
			return fmt.Errorf("pairs row %d: %w", idx, err)
		}
	}
	return rows.Err()
}

// readEvidence reads the passages the pairs read, the links and the
// mutations refer to, renumbering the references.
func (lz *Lazy) readEvidence(l *loader, passages int) error {
	r := &l.res
	var want []int
	for _, p := range r.Pairs {
		want = append(want, p.Passages...)
	}
	for _, k := range r.Links {
		want = append(want, k.Passages...)
	}
	for _, mu := range r.Mutations {
		want = append(want, mu.Passage)
	}
	slices.Sort(want)
	want = slices.Compact(want)
	want = slices.DeleteFunc(want, func(i int) bool { return i < 0 || i >= passages })
	local := make(map[int]int, len(want))
	pt := tableNamed("passages")
	const batch = 500
	for start := 0; start < len(want); start += batch {
		part := want[start:min(start+batch, len(want))]
		list := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(part)), ","), "[]")
		rows, err := lz.db.Query(fmt.Sprintf("SELECT idx, %s, crc FROM passages WHERE idx IN (%s) ORDER BY idx", pt.columnList(), list))
		if err != nil {
			return err
		}
		for rows.Next() {
			idx, err := scanRow(rows, pt, l)
			if err != nil {
				rows.Close()
				return fmt.Errorf("passages row %d: %w", idx, err)
			}
			local[int(idx)] = len(r.Passages) - 1
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if len(local) != len(want) {
		return fmt.Errorf("%d of the %d passages the analysis refers to are missing", len(want)-len(local), len(want))
	}
	renumber := func(idx []int) []int {
		out := idx[:0]
		for _, i := range idx {
			if k, ok := local[i]; ok {
				out = append(out, k)
			}
		}
		return out
	}
	for i := range r.Pairs {
		r.Pairs[i].Passages = renumber(r.Pairs[i].Passages)
	}
	for i := range r.Links {
		r.Links[i].Passages = renumber(r.Links[i].Passages)
	}
	for i := range r.Mutations {
		if k, ok := local[r.Mutations[i].Passage]; ok {
			r.Mutations[i].Passage = k
		} else {
			r.Mutations[i].Passage = -1
		}
	}
	return nil
}

// Texts reads the texts of the documents with these IDs (library and
// result copies alike), checking each row against its checksum. An ID not
// in the file is left out of the map.
func (lz *Lazy) Texts(ids ...string) (map[string]string, error) {
	lz.mu.Lock()
	defer lz.mu.Unlock()
	t := tableNamed("documents")
	stmt, err := lz.db.Prepare(fmt.Sprintf("SELECT idx, %s, crc FROM documents WHERE id = ?", t.columnList()))
	if err != nil {
		return nil, errorf("open", lz.Path, nil, err, "cannot read the articles' texts")
	}
	defer stmt.Close()
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		if err := func() error {
			rows, err := stmt.Query(id)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				l := &loader{}
				if idx, err := scanRow(rows, t, l); err != nil {
					return fmt.Errorf("row %d: %w", idx, err)
				}
				if len(l.wsDocs) > 0 {
					out[id] = l.wsDocs[0].v.Text
				} else if len(l.resDocs) > 0 {
					out[id] = l.resDocs[0].v.Text
				}
			}
			return rows.Err()
		}(); err != nil {
			return nil, damaged("open", lz.Path, err, "corrupted: cannot read the text of document %q", id)
		}
	}
	return out, nil
}

// PassageCounts counts every passage of the analysis in the file and the
// incidental ones (Result.PassageCounts of the whole analysis). It reads
// the passages table, so it takes a moment on a large workspace.
func (lz *Lazy) PassageCounts() (all, incidental int, err error) {
	lz.mu.Lock()
	defer lz.mu.Unlock()
	err = lz.db.QueryRow("SELECT count(*), coalesce(sum(incidental != 0), 0) FROM passages").Scan(&all, &incidental)
	if err != nil {
		return 0, 0, errorf("open", lz.Path, nil, err, "cannot count the passages")
	}
	return all, incidental, nil
}

// Verify checks the whole file as Open does — SQLite's quick check, every
// row of every table against its checksum and each table's row count —
// without keeping what it reads. It returns an error naming the file and
// the damage (errors.Is ErrDamaged), or ctx's error when stopped.
func (lz *Lazy) Verify(ctx context.Context) error {
	db := lz.db
	if lz.file != "" {
		// a connection of its own, so Texts need not wait for it
		own, err := openReadOnly(lz.file, false)
		if err != nil {
			return errorf("open", lz.Path, nil, err, "cannot open the file")
		}
		defer own.Close()
		db = own
	} else {
		lz.mu.Lock()
		defer lz.mu.Unlock()
	}
	m, e := readMeta("open", lz.Path, db)
	if e != nil {
		return e
	}
	var problems []string
	if err := sqliteCheck(db, "quick_check(20)", &problems); err != nil || len(problems) > 0 {
		return damaged("open", lz.Path, err, "SQLite's integrity check failed: %s (try File ▸ Recover)",
			strings.Join(firstN(problems, 3), "; "))
	}
	for i := range tables {
		t := &tables[i]
		n, err := verifyTable(ctx, db, t)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			return damaged("open", lz.Path, err, "corrupted: cannot read table %s", t.name)
		}
		if want := m.rows(t.name); want != n {
			return damaged("open", lz.Path, nil, "table %s has %d rows where the file recorded %d", t.name, n, want)
		}
	}
	return nil
}

// verifyTable checks every row of a table against its checksum.
func verifyTable(ctx context.Context, db *sql.DB, t *tableSpec) (int, error) {
	rows, err := db.QueryContext(ctx, t.selectSQL())
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	raw := make([]any, len(t.cols)+2)
	ptrs := make([]any, len(raw))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		idx, _ := raw[0].(int64)
		if crc, ok := raw[len(raw)-1].(int64); !ok || crc != rowCRC(raw[:len(raw)-1]) {
			return n, fmt.Errorf("row %d: %w", idx, errChecksum)
		}
		if idx != int64(n) {
			return n, fmt.Errorf("row %d is missing", n)
		}
		n++
	}
	return n, rows.Err()
}

// Close closes the file.
func (lz *Lazy) Close() error {
	lz.mu.Lock()
	defer lz.mu.Unlock()
	if lz.cleanup != nil {
		lz.cleanup()
		lz.cleanup = nil
	}
	return nil
}
