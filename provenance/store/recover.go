package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
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
	// Lost is the number of rows lost, -1 when unknown.
	Lost int
	// LostAt lists places (idx) of rows known lost, at most 100.
	LostAt []int
	// Err is the first error met in the table, "" when none.
	Err string
}

// Lossless reports whether everything Save wrote was recovered.
func (r *RecoveryReport) Lossless() bool {
	if r.SettingsLost || r.ResultDropped {
		return false
	}
	for _, t := range r.Tables {
		if t.Lost != 0 || t.Recovered != t.Expected {
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
	l := &loader{}
	resultComplete := true
	for i := range tables {
		tr := recoverTable(db, &tables[i], l, m.rows(tables[i].name))
		if resultTables[tr.Table] && (tr.Lost != 0 || tr.Err != "") {
			resultComplete = false
		}
		rep.Tables = append(rep.Tables, tr)
	}
	ws := salvage(l, m, rep, resultComplete)
	// The index is kept only when it reads back whole and the result it
	// belongs to was recovered; otherwise analysing again rebuilds it.
	if ws.Result != nil && resultComplete {
		if ix, err := readIndex(db); err == nil {
			ws.Index = ix
		}
	}
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

// maxFailures bounds the failed reads Recover spends on one table, so a
// hostile or badly damaged file cannot keep it busy.
const maxFailures = 2000

// recoverTable reads a table in idx order, streaming; where SQLite fails on a
// damaged page it skips one place and seeks again, and it drops rows that
// fail their checksum.
func recoverTable(db *sql.DB, t *tableSpec, l *loader, expected int) (tr TableRecovery) {
	tr = TableRecovery{Table: t.name, Expected: expected, Lost: -1}
	note := func(place int64, err error) {
		if tr.Err == "" {
			tr.Err = fmt.Sprintf("row %d: %v", place, err)
		}
		if len(tr.LostAt) < 100 && place >= 0 && (len(tr.LostAt) == 0 || int64(tr.LostAt[len(tr.LostAt)-1]) < place) {
			tr.LostAt = append(tr.LostAt, int(place))
		}
	}
	defer func() {
		if expected >= 0 {
			tr.Lost = max(0, expected-tr.Recovered)
		}
	}()
	stmt, err := db.Prepare(fmt.Sprintf("SELECT idx, %s, crc FROM %s WHERE idx >= ? ORDER BY idx", t.columnList(), t.name))
	if err != nil {
		tr.Err = err.Error()
		return tr
	}
	defer stmt.Close()
	// After a failed read, skip ahead: one place, then further and further
	// while reads keep failing (a damaged page holds a run of rows). Rows
	// skipped over count as lost, even if a few were readable.
	next, failures, run := int64(0), 0, 0
	fail := func(err error) {
		note(next, err)
		failures++
		run++
		next += int64(1) << min(max(run-4, 0), 10)
	}
	for failures < maxFailures && (expected < 0 || next < int64(expected)) && (expected >= 0 || run < 64) {
		rows, err := stmt.Query(next)
		if err != nil {
			fail(err)
			continue
		}
		for rows.Next() {
			idx, err := scanRow(rows, t, l)
			for gap := next; gap < idx && gap < next+100; gap++ {
				note(gap, errors.New("missing"))
			}
			if err != nil {
				note(idx, err)
				failures++
			} else {
				tr.Recovered++
				run = 0
			}
			next = max(next, idx+1)
		}
		err = rows.Err()
		rows.Close()
		if err == nil {
			break
		}
		fail(err)
	}
	return tr
}
