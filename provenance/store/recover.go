package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// RecoveryReport says what Recover salvaged from a damaged workspace and what
// was lost, in terms a user can act on.
type RecoveryReport struct {
	Path string
	// Integrity holds the problems SQLite's integrity check found (at most
	// 100); empty when the check passed.
	Integrity []string
	// Tables has one entry per table of the workspace.
	Tables []TableRecovery
	// SettingsLost: the analysis settings could not be read; the workspace
	// has zero settings and the app should apply its defaults.
	SettingsLost bool
	// ResultDropped: some analysis results were unreadable, so the whole
	// analysis was left out. It is computed from the articles and settings:
	// re-running the analysis restores it.
	ResultDropped bool
}

// TableRecovery is what Recover read from one table.
type TableRecovery struct {
	Table string
	// Expected is the number of rows Save wrote, -1 when unknown.
	Expected  int
	Recovered int
	// Lost lists the places (idx) of the rows that could not be read.
	Lost []int
	// Err is the first error met in the table, "" when none.
	Err string
}

// Lossless reports whether everything Save wrote was recovered.
func (r *RecoveryReport) Lossless() bool {
	if r.SettingsLost || r.ResultDropped {
		return false
	}
	for _, t := range r.Tables {
		if len(t.Lost) > 0 || t.Expected < 0 || t.Recovered != t.Expected {
			return false
		}
	}
	return true
}

// String summarises the report in plain words, one finding a line.
func (r *RecoveryReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Recovery of %s:\n", r.Path)
	if len(r.Integrity) == 0 {
		b.WriteString("  SQLite integrity check: ok\n")
	} else {
		fmt.Fprintf(&b, "  SQLite integrity check found %d problem(s), first: %s\n", len(r.Integrity), r.Integrity[0])
	}
	for _, t := range r.Tables {
		switch {
		case t.Expected < 0:
			fmt.Fprintf(&b, "  %s: %d rows recovered (how many were saved is unknown)", t.Table, t.Recovered)
		case t.Recovered == t.Expected:
			fmt.Fprintf(&b, "  %s: all %d rows recovered", t.Table, t.Recovered)
		default:
			fmt.Fprintf(&b, "  %s: %d of %d rows recovered, %d lost", t.Table, t.Recovered, t.Expected, t.Expected-t.Recovered)
		}
		if t.Err != "" {
			fmt.Fprintf(&b, " (%s)", t.Err)
		}
		b.WriteString("\n")
	}
	if r.SettingsLost {
		b.WriteString("  The analysis settings were lost; the defaults apply.\n")
	}
	if r.ResultDropped {
		b.WriteString("  The analysis results were damaged and left out: run the analysis again to restore them.\n")
	}
	return b.String()
}

// resultTables are the tables whose loss drops the analysis result.
var resultTables = map[string]bool{"documents": true, "passages": true, "pairs": true, "links": true,
	"families": true, "mutations": true, "outlet_edges": true, "duplicates": true, "file_errors": true}

// Recover salvages what it can from a damaged workspace file, reading each
// table row by row and skipping what SQLite cannot read. The articles,
// decisions, notes and view are kept row by row; the analysis results are
// kept only when complete (they can be recomputed). Recover never changes
// the file: the caller saves the recovered workspace under a new name. It
// fails when the file is not a SQLite database at all, or was written by a
// newer Copytrail.
func Recover(path string) (*Workspace, *RecoveryReport, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, errorf("recover", path, nil, err, "cannot resolve the path")
	}
	if e := checkHeader("recover", path, abs); e != nil && !errors.Is(e, ErrDamaged) {
		return nil, nil, e
	}
	db, cleanup, e := openDatabase("recover", path, abs)
	if e != nil {
		if errors.Is(e, ErrNewerSchema) || errors.Is(e, ErrNotWorkspace) {
			return nil, nil, e
		}
		// The schema could not be checked: read what is there anyway.
		if db, err = openReadOnly(abs, true); err != nil {
			return nil, nil, errorf("recover", path, ErrDamaged, err, "nothing could be read")
		}
		cleanup = func() { db.Close() }
	}
	defer cleanup()
	rep := &RecoveryReport{Path: path}
	if err := sqliteCheck(db, "integrity_check(100)", &rep.Integrity); err != nil {
		rep.Integrity = append(rep.Integrity, "the integrity check could not run: "+err.Error())
	}
	m, e := readMeta("recover", path, db)
	if e != nil {
		m = meta{}
	}
	var fileSize int64
	if fi, err := os.Stat(abs); err == nil {
		fileSize = fi.Size()
	}
	l := &loader{}
	resultComplete := true
	for i := range tables {
		tr := recoverTable(db, &tables[i], l, m.rows(tables[i].name), fileSize)
		if resultTables[tr.Table] && (len(tr.Lost) > 0 || tr.Expected < 0 || tr.Err != "") {
			resultComplete = false
		}
		rep.Tables = append(rep.Tables, tr)
	}
	ws := salvage(l, m, rep, resultComplete)
	if len(ws.Documents) == 0 && len(ws.Decisions) == 0 && len(ws.Notes) == 0 && !rep.Lossless() {
		return nil, rep, errorf("recover", path, ErrDamaged, nil, "nothing could be recovered")
	}
	return ws, rep, nil
}

// salvage assembles what was read, leaving out what is incomplete.
func salvage(l *loader, m meta, rep *RecoveryReport, resultComplete bool) *Workspace {
	if err := l.finish(); err != nil {
		// Two rows claim one place: keep the documents, drop the result.
		l.ws.Documents = nil
		for _, d := range l.wsDocs {
			l.ws.Documents = append(l.ws.Documents, d.v)
		}
		resultComplete = false
	}
	ws := &l.ws
	var err error
	if ws.Settings, err = settingsFromJSON("settings", m["settings"]); err != nil {
		rep.SettingsLost = true
	}
	full, err := m.assemble(&loader{ws: Workspace{Settings: ws.Settings}, res: l.res})
	hasRows := len(l.res.Documents) > 0 || len(l.res.Passages) > 0 || len(l.res.Links) > 0 || len(l.res.Pairs) > 0
	switch {
	case m["has_result"] == "false":
	case m["has_result"] == "true" && resultComplete && err == nil && full.Result != nil:
		ws.Result = full.Result
	case m["has_result"] == "true" || hasRows:
		rep.ResultDropped = true
	}
	_ = m.restoreEmpty(ws) // an unreadable record only loses the nil/empty distinction
	return ws
}

// recoverTable reads a table, first whole, then row by row if that fails.
func recoverTable(db *sql.DB, t *tableSpec, l *loader, expected int, fileSize int64) TableRecovery {
	tr := TableRecovery{Table: t.name, Expected: expected}
	// Fast path: the whole table reads cleanly.
	trial := &loader{}
	n, err := readTable(db, t, trial)
	if err == nil && (expected < 0 || n == expected) {
		mergeLoader(l, trial)
		tr.Recovered = n
		return tr
	}
	if err != nil {
		tr.Err = err.Error()
	}
	limit := int64(expected)
	var maxIdx sql.NullInt64
	if err := db.QueryRow("SELECT max(idx) FROM " + t.name).Scan(&maxIdx); err == nil && maxIdx.Valid {
		limit = max(limit, maxIdx.Int64+1)
	}
	// A row takes at least a few bytes: never probe more places than that.
	limit = min(limit, fileSize/4+1)
	known := limit >= 0
	if !known {
		limit = fileSize/4 + 1
	}
	stmt, err := db.Prepare(t.selectOneSQL())
	if err != nil {
		tr.Err = err.Error()
		if known {
			tr.Lost = lostRange(0, int(limit))
		}
		return tr
	}
	defer stmt.Close()
	misses := 0
	for i := int64(0); i < limit; i++ {
		err := readOne(stmt, i, t, l)
		if err == nil {
			tr.Recovered++
			misses = 0
			continue
		}
		if tr.Err == "" && !errors.Is(err, sql.ErrNoRows) {
			tr.Err = "row " + strconv.FormatInt(i, 10) + ": " + err.Error()
		}
		tr.Lost = append(tr.Lost, int(i))
		// With the row count unknown, stop after a long run of misses.
		if misses++; !known && misses > max(1000, 2*tr.Recovered) {
			tr.Lost = tr.Lost[:len(tr.Lost)-misses]
			break
		}
	}
	return tr
}

// readOne reads the row at place idx into the loader.
func readOne(stmt *sql.Stmt, idx int64, t *tableSpec, l *loader) error {
	rows, err := stmt.Query(idx)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	_, err = scanRow(rows, t, l)
	return err
}

func lostRange(from, to int) []int {
	var s []int
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

// mergeLoader adds the rows one loader read to another.
func mergeLoader(dst, src *loader) {
	dst.wsDocs = append(dst.wsDocs, src.wsDocs...)
	dst.resDocs = append(dst.resDocs, src.resDocs...)
	r, s := &dst.res, &src.res
	r.Passages = append(r.Passages, s.Passages...)
	r.Pairs = append(r.Pairs, s.Pairs...)
	r.Links = append(r.Links, s.Links...)
	r.Families = append(r.Families, s.Families...)
	r.Mutations = append(r.Mutations, s.Mutations...)
	r.OutletEdges = append(r.OutletEdges, s.OutletEdges...)
	r.Duplicates = append(r.Duplicates, s.Duplicates...)
	r.Errors = append(r.Errors, s.Errors...)
	for k, v := range src.ws.Decisions {
		dst.ws.Decisions = nonNilMap(dst.ws.Decisions)
		dst.ws.Decisions[k] = v
	}
	for k, v := range src.ws.Notes {
		dst.ws.Notes = nonNilMap(dst.ws.Notes)
		dst.ws.Notes[k] = v
	}
	for k, v := range src.ws.View {
		dst.ws.View = nonNilMap(dst.ws.View)
		dst.ws.View[k] = v
	}
}
