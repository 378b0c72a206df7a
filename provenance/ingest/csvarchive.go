package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// errRecordTooLong stops a CSV reader at a record over the limit.
var errRecordTooLong = errors.New("record too long")

// readCSV reads a CSV (comma ',') or TSV (comma '\t') file whose first row
// names the columns: one must hold the text (text, body, content, …); id,
// title, outlet, author, published and url (and the names people use for
// them: headline, source, date, link, …) are read when present, other
// columns ignored. A row CSV cannot read is reported with its line and
// skipped. A record over the limit (a quote never closed swallows the
// file) stops the reading there, since where the next record starts is
// then unknowable.
func readCSV(src source, comma rune, opts Options, yield yieldFunc) error {
	lim := &recordLimiter{r: src.r, limit: int64(lineLimit(opts)) + 64<<10}
	cr := csv.NewReader(lim)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return errors.New("no header row: the file holds no records")
	}
	if err != nil {
		return fmt.Errorf("line 1 (the header): %w", csvReason(err))
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	cols := csvColumns(header)
	textCol, ok := cols["text"]
	if !ok {
		names := make([]string, len(header))
		for i, h := range header {
			names[i] = quoteShort(strings.TrimSpace(h))
		}
		return fmt.Errorf("no text column: the header names %s; one column must be called text (or %s)",
			strings.Join(names, ", "), strings.Replace(textKeys, "text, ", "", 1))
	}
	seen := map[string]int{}
	line := 1
	for {
		lim.mark(cr.InputOffset())
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err == nil && len(row) > 0 {
			line, _ = cr.FieldPos(0)
		}
		var pe *csv.ParseError
		switch {
		case errors.Is(err, errRecordTooLong):
			return fmt.Errorf("after line %d: a record over %s (a quote never closed?); the rest of the file is not read",
				line, sizeString(lim.limit))
		case errors.As(err, &pe):
			if !yield(record{where: fmt.Sprintf("line %d", pe.StartLine)}, fmt.Errorf("not valid CSV: %w", pe.Err)) {
				return nil
			}
			continue
		case err != nil:
			return fmt.Errorf("after line %d: %w", line, err)
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		rec := record{format: "text", docFormat: src.kind(comma), key: fmt.Sprintf("line-%d", line), where: fmt.Sprintf("line %d", line)}
		if textCol < len(row) {
			rec.text = row[textCol]
		}
		for _, name := range []string{"title", "outlet", "author", "published", "url"} {
			if i, ok := cols[name]; ok && i < len(row) {
				archiveField(&rec.meta, name, row[i], fmt.Sprintf("%s line %d, column %q", src.name, line, strings.TrimSpace(header[i])), opts.DateOrder)
			}
		}
		var rerr error
		if i, ok := cols["id"]; ok && i < len(row) {
			id := strings.TrimSpace(row[i])
			first, dup := seen[id]
			switch {
			case id == "":
				rerr = fmt.Errorf("the %q column is empty", strings.TrimSpace(header[i]))
			case dup:
				rerr = fmt.Errorf("id %s is used again (first on line %d); skipped", quoteShort(id), first)
			default:
				seen[id] = line
				rec.key = id
			}
		}
		if !yield(rec, rerr) {
			return nil
		}
	}
}

// kind is the Document.Format of a delimited file's records.
func (s source) kind(comma rune) string {
	if comma == '\t' {
		return "tsv"
	}
	return "csv"
}

// csvColumns maps "text", "id" and the metadata fields to their columns:
// exact names first, then the other names, leftmost first.
func csvColumns(header []string) map[string]int {
	cols := map[string]int{}
	for _, exact := range []bool{true, false} {
		for i, h := range header {
			k := strings.ToLower(strings.TrimSpace(h))
			what := archiveKey(k)
			if what == "" || (k == what) != exact {
				continue
			}
			if _, taken := cols[what]; !taken {
				cols[what] = i
			}
		}
	}
	return cols
}

// csvReason unwraps encoding/csv's error for a message.
func csvReason(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("not valid CSV: %w", pe.Err)
	}
	return err
}

// recordLimiter fails a read that takes more than limit bytes past the
// last mark (the start of the record being read).
type recordLimiter struct {
	r            io.Reader
	n, at, limit int64
}

func (l *recordLimiter) mark(offset int64) { l.at = offset }

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.n-l.at > l.limit {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}
