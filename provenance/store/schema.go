package store

import (
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// column is one column of a table: its name and SQL type.
type column struct{ name, typ string }

// tableSpec describes one table that holds a list of the workspace. Every
// such table has an `idx INTEGER PRIMARY KEY` giving the row's place in its
// list (0-based), so a recovery can read rows one by one.
type tableSpec struct {
	name string
	cols []column
	// rows returns the number of rows the workspace gives this table and a
	// function returning row i's values in column order.
	rows func(w *Workspace) (int, func(i int) []any)
	// scan returns pointers to scan one row into (column order) and a
	// function that adds the scanned row to the loader.
	scan func() ([]any, func(l *loader) error)
}

// fieldCols are the three columns that hold one metadata Field.
func fieldCols(name string) []column {
	return []column{{name, "TEXT"}, {name + "_origin", "TEXT"}, {name + "_detail", "TEXT"}}
}

// metaFields lists the metadata fields in column order: every field of
// provenance.MetaFields (role was added in schema version 2).
var metaFields = provenance.MetaFields

func documentCols() []column {
	cols := []column{{"workspace_ord", "INTEGER"}, {"result_ord", "INTEGER"},
		{"id", "TEXT NOT NULL"}, {"path", "TEXT"}, {"format", "TEXT"}}
	for _, f := range metaFields {
		cols = append(cols, fieldCols(f.Name)...)
	}
	return append(cols, column{"words", "INTEGER"}, column{"content_hash", "TEXT"},
		column{"boilerplate", "TEXT"}, column{"skip", "TEXT"}, column{"text", "TEXT"})
}

// docRow is one row of the documents table: a document and its places in the
// library and in the result (nil when absent from one of them).
type docRow struct {
	doc                  provenance.Document
	workspaceOrd, resOrd *int
}

// documentRows lists each distinct document once: the library's documents,
// then the result's documents that differ from the library's copy.
func documentRows(w *Workspace) []docRow {
	rows := make([]docRow, 0, len(w.Documents))
	byID := make(map[string]int, len(w.Documents))
	for i := range w.Documents {
		ord := i
		rows = append(rows, docRow{doc: w.Documents[i], workspaceOrd: &ord})
		if _, dup := byID[w.Documents[i].ID]; !dup {
			byID[w.Documents[i].ID] = len(rows) - 1
		}
	}
	if w.Result == nil {
		return rows
	}
	for j := range w.Result.Documents {
		ord := j
		d := &w.Result.Documents[j]
		if k, ok := byID[d.ID]; ok && rows[k].resOrd == nil && sameDocument(&rows[k].doc, d) {
			rows[k].resOrd = &ord
			continue
		}
		rows = append(rows, docRow{doc: *d, resOrd: &ord})
	}
	return rows
}

func sameDocument(a, b *provenance.Document) bool {
	return a.ID == b.ID && a.Path == b.Path && a.Format == b.Format && a.Text == b.Text &&
		a.Meta == b.Meta && a.Words == b.Words && a.ContentHash == b.ContentHash &&
		sameSpans(a.Boilerplate, b.Boilerplate) && sameSpans(a.Skip, b.Skip)
}

func sameSpans(a, b []provenance.Span) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// toJSON encodes a value for a JSON column. The values stored this way
// (spans, diffs, index lists, strings) always encode.
func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: encoding %T: %v", v, err))
	}
	return string(b)
}

func fromJSON(col, s string, v any) error {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("column %s: %w", col, err)
	}
	return nil
}

// diffOp is a DiffOp in a diffs column. Text that is not valid UTF-8 (which
// JSON would replace with U+FFFD) is kept exactly, in base64, in B64.
type diffOp struct {
	Op   string `json:"op"`
	Text string `json:"text,omitempty"`
	B64  []byte `json:"b64,omitempty"`
}

func diffJSON(ops []provenance.DiffOp) string {
	if ops == nil {
		return "null"
	}
	out := make([]diffOp, len(ops))
	for i, o := range ops {
		out[i].Op = o.Op
		if utf8.ValidString(o.Text) {
			out[i].Text = o.Text
		} else {
			out[i].B64 = []byte(o.Text)
		}
	}
	return toJSON(out)
}

func diffFromJSON(s string, ops *[]provenance.DiffOp) error {
	var in []diffOp
	if err := fromJSON("diff", s, &in); err != nil || in == nil {
		return err
	}
	*ops = make([]provenance.DiffOp, len(in))
	for i, o := range in {
		(*ops)[i] = provenance.DiffOp{Op: o.Op, Text: o.Text}
		if o.B64 != nil {
			(*ops)[i].Text = string(o.B64)
		}
	}
	return nil
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func docValues(r docRow) []any {
	d := &r.doc
	v := []any{nullInt(r.workspaceOrd), nullInt(r.resOrd), d.ID, d.Path, d.Format}
	for _, f := range metaFields {
		fld := f.Get(&d.Meta)
		v = append(v, fld.Value, string(fld.Origin), fld.Detail)
	}
	return append(v, d.Words, d.ContentHash, toJSON(d.Boilerplate), toJSON(d.Skip), d.Text)
}

func scanDocument() ([]any, func(l *loader) error) {
	var (
		wsOrd, resOrd sql.NullInt64
		d             provenance.Document
		boiler, skip  string
		origins       = make([]string, len(metaFields))
		dest          = []any{&wsOrd, &resOrd, &d.ID, &d.Path, &d.Format}
	)
	for i, f := range metaFields {
		fld := f.Get(&d.Meta)
		dest = append(dest, &fld.Value, &origins[i], &fld.Detail)
	}
	dest = append(dest, &d.Words, &d.ContentHash, &boiler, &skip, &d.Text)
	return dest, func(l *loader) error {
		for i, f := range metaFields {
			f.Get(&d.Meta).Origin = provenance.Origin(origins[i])
		}
		if err := fromJSON("boilerplate", boiler, &d.Boilerplate); err != nil {
			return err
		}
		if err := fromJSON("skip", skip, &d.Skip); err != nil {
			return err
		}
		if !wsOrd.Valid && !resOrd.Valid {
			return fmt.Errorf("document %q is in neither the library nor the result", d.ID)
		}
		if wsOrd.Valid {
			l.wsDocs = append(l.wsDocs, ordered[provenance.Document]{wsOrd.Int64, d})
		}
		if resOrd.Valid {
			l.resDocs = append(l.resDocs, ordered[provenance.Document]{resOrd.Int64, d})
		}
		return nil
	}
}

// sortedKeys returns a map's keys in a stable order for saving.
func sortedKeys[K comparable, V any](m map[K]V, less func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, less)
	return keys
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("column decided_at: %w", err)
	}
	return t.UTC(), nil
}

// createSQL returns the CREATE TABLE statement of a list table. The last
// column, crc, is a CRC-32C of the row's values (idx included), so damage
// SQLite cannot see — a flipped bit in a text, a page cut short — is caught.
func (t *tableSpec) createSQL() string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (idx INTEGER PRIMARY KEY", t.name)
	for _, c := range t.cols {
		fmt.Fprintf(&b, ", %s %s", c.name, c.typ)
	}
	b.WriteString(", crc INTEGER NOT NULL)")
	return b.String()
}

func (t *tableSpec) columnList() string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func (t *tableSpec) insertSQL() string {
	return fmt.Sprintf("INSERT INTO %s (idx, %s, crc) VALUES (?%s, ?)", t.name, t.columnList(),
		strings.Repeat(", ?", len(t.cols)))
}

func (t *tableSpec) selectSQL() string {
	return fmt.Sprintf("SELECT idx, %s, crc FROM %s ORDER BY idx", t.columnList(), t.name)
}

func (t *tableSpec) selectOneSQL() string {
	return fmt.Sprintf("SELECT idx, %s, crc FROM %s WHERE idx = ?", t.columnList(), t.name)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// rowCRC is the checksum of a row's values as Save binds them or as SQLite
// returns them (ints, bools and integer columns alike as int64).
func rowCRC(vals []any) int64 {
	h := crc32.New(castagnoli)
	var buf [9]byte
	num := func(tag byte, u uint64) {
		buf[0] = tag
		binary.LittleEndian.PutUint64(buf[1:], u)
		h.Write(buf[:])
	}
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			h.Write([]byte{'n'})
		case int:
			num('i', uint64(x))
		case int64:
			num('i', uint64(x))
		case bool:
			var u uint64
			if x {
				u = 1
			}
			num('i', u)
		case float64:
			num('f', math.Float64bits(x))
		case string:
			num('s', uint64(len(x)))
			io.WriteString(h, x)
		case []byte:
			num('s', uint64(len(x)))
			h.Write(x)
		default:
			num('?', 0)
		}
	}
	return int64(h.Sum32())
}

// errChecksum marks a row whose values do not match its checksum.
var errChecksum = errors.New("the row does not match its checksum (damaged, or changed outside Copytrail)")

// scanRow reads the current row of rows, checks its checksum and adds it to
// the loader. It returns the row's idx.
func scanRow(rows *sql.Rows, t *tableSpec, l *loader) (int64, error) {
	raw := make([]any, len(t.cols)+2)
	ptrs := make([]any, len(raw))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return -1, err
	}
	idx, _ := raw[0].(int64)
	if crc, ok := raw[len(raw)-1].(int64); !ok || crc != rowCRC(raw[:len(raw)-1]) {
		return idx, errChecksum
	}
	var crc int64
	dest, apply := t.scan()
	if err := rows.Scan(append(append([]any{&idx}, dest...), &crc)...); err != nil {
		return idx, err
	}
	return idx, apply(l)
}
