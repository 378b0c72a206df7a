// Package export writes a Copytrail Result in the formats researchers take
// into R, Python, spreadsheets and Gephi: RFC 4180 CSV tables (passages,
// pairs, links, mutations, documents, outlet links), the same tables as
// Apache Parquet (passages, links, pairs, mutations, documents), passages as JSON Lines,
// the document and outlet graphs as GraphML, GEXF and Graphviz DOT, and PNG
// pictures of the graph and of one comparison sized for slides. WriteAll
// writes every file into one folder and never outside it. docs/exports.md
// documents every column.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

// ReasonSeparator joins a link's reasons in one CSV cell.
const ReasonSeparator = " | "

// IndexSeparator joins lists of passage indexes in one CSV cell.
const IndexSeparator = ";"

// Span returns the text of d in [start, end), clamped to the text so that a
// bad span never panics. A nil document gives "".
func Span(d *provenance.Document, start, end int) string {
	if d == nil {
		return ""
	}
	start = min(max(start, 0), len(d.Text))
	end = min(max(end, start), len(d.Text))
	return d.Text[start:end]
}

// DiffString renders a word diff in one line of text, the wdiff way:
// "[-deleted-]" and "{+inserted+}" around changed runs, equal text as is.
func DiffString(ops []provenance.DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case provenance.OpDelete:
			b.WriteString("[-" + op.Text + "-]")
		case provenance.OpInsert:
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

func f64(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func ints(is []int) string {
	s := make([]string, len(is))
	for i, v := range is {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, IndexSeparator)
}

// crlf turns CRLF and lone CR into LF inside fields: encoding/csv writes a
// line break inside a quoted field as CRLF and reads it back as LF, and with
// CRLF line ends it would drop a lone CR.
var crlf = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// CSVCell neutralises a cell that a spreadsheet would run as a formula
// (CSV injection, OWASP): one starting with "=", "+", "-", "@", a tab or a
// carriage return gets a leading apostrophe, which Excel, LibreOffice and
// Google Sheets show as text and do not display. A plain decimal number
// ("-0.25", "+3", "1e-5") is left as it is: it is no formula. Every CSV file
// Copytrail writes passes its cells through CSVCell; JSON Lines, GraphML,
// GEXF and the other formats keep the text exact.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !plainNumber(s) {
			return "'" + s
		}
	}
	return s
}

// plainNumber reports whether s is [+-]digits[.digits][e[+-]digits].
func plainNumber(s string) bool {
	i, n := 0, len(s)
	digits := func() int {
		j := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < n && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if digits() == 0 {
		return false
	}
	if i < n && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == n
}

// table writes a header and rows with encoding/csv (RFC 4180, CRLF line
// ends so spreadsheets on every platform agree), each cell through CSVCell.
func table(w io.Writer, header []string, rows func(emit func(...string) error) error) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("csv header: %w", err)
	}
	err := rows(func(rec ...string) error {
		for i, f := range rec {
			f = CSVCell(f)
			if strings.IndexByte(f, '\r') >= 0 {
				f = crlf.Replace(f)
			}
			rec[i] = f
		}
		return cw.Write(rec)
	})
	if err != nil {
		return fmt.Errorf("csv row: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// PassagesHeader is the header row of passages.csv.
var PassagesHeader = []string{"passage", "a", "b", "a_title", "b_title", "a_start", "a_end", "b_start", "b_end",
	"words", "similarity", "incidental", "incidental_reason", "a_text", "b_text", "diff"}

// PassagesCSV writes passages.csv: one row per shared passage.
func PassagesCSV(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return table(w, PassagesHeader, func(emit func(...string) error) error {
		for i, p := range r.Passages {
			a, b := doc(p.A), doc(p.B)
			if err := emit(strconv.Itoa(i), p.A, p.B, label(a), label(b),
				strconv.Itoa(p.AStart), strconv.Itoa(p.AEnd), strconv.Itoa(p.BStart), strconv.Itoa(p.BEnd),
				strconv.Itoa(p.Words), f64(p.Similarity), strconv.FormatBool(p.Incidental), p.IncidentalReason,
				Span(a, p.AStart, p.AEnd), Span(b, p.BStart, p.BEnd), DiffString(p.Diff)); err != nil {
				return err
			}
		}
		return nil
	})
}

// PairsHeader is the header row of pairs.csv.
var PairsHeader = []string{"a", "b", "a_title", "b_title", "a_coverage", "b_coverage", "shared_words",
	"longest_passage", "passages", "passage_ids"}

// PairsCSV writes pairs.csv: one row per pair of documents that share text.
func PairsCSV(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return table(w, PairsHeader, func(emit func(...string) error) error {
		for _, p := range r.Pairs {
			if err := emit(p.A, p.B, label(doc(p.A)), label(doc(p.B)), f64(p.ACoverage), f64(p.BCoverage),
				strconv.Itoa(p.SharedWords), strconv.Itoa(p.LongestPassage), strconv.Itoa(len(p.Passages)),
				ints(p.Passages)); err != nil {
				return err
			}
		}
		return nil
	})
}

// LinksHeader is the header row of links.csv.
var LinksHeader = []string{"source", "target", "source_title", "target_title", "source_outlet", "target_outlet",
	"source_published", "target_published", "kind", "confidence", "words", "passages", "passage_ids", "reasons",
	"common_source"}

// LinksCSV writes links.csv: one row per link, its reasons joined with
// ReasonSeparator.
func LinksCSV(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return table(w, LinksHeader, func(emit func(...string) error) error {
		for _, l := range r.Links {
			s, t := doc(l.Source), doc(l.Target)
			words, n := graphlayout.LinkWords(r, l)
			if err := emit(l.Source, l.Target, label(s), label(t), outlet(s), outlet(t), published(s), published(t),
				string(l.Kind), f64(l.Confidence), strconv.Itoa(words), strconv.Itoa(n), ints(l.Passages),
				strings.Join(l.Reasons, ReasonSeparator), l.CommonSource); err != nil {
				return err
			}
		}
		return nil
	})
}

// MutationsHeader is the header row of mutations.csv.
var MutationsHeader = []string{"kind", "source", "target", "source_title", "target_title", "source_text", "target_text",
	"source_start", "source_end", "target_start", "target_end", "passage", "explanation"}

// MutationsCSV writes mutations.csv: one row per substantive change.
func MutationsCSV(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return table(w, MutationsHeader, func(emit func(...string) error) error {
		for _, m := range r.Mutations {
			if err := emit(string(m.Kind), m.Source, m.Target, label(doc(m.Source)), label(doc(m.Target)),
				m.SourceText, m.TargetText, strconv.Itoa(m.SourceStart), strconv.Itoa(m.SourceEnd),
				strconv.Itoa(m.TargetStart), strconv.Itoa(m.TargetEnd), strconv.Itoa(m.Passage), m.Explanation); err != nil {
				return err
			}
		}
		return nil
	})
}

// fields lists a document's metadata fields in documents.csv order
// (provenance.MetaFields).
func fields(m provenance.Metadata) []provenance.Field {
	out := make([]provenance.Field, len(provenance.MetaFields))
	for i, f := range provenance.MetaFields {
		out[i] = *f.Get(&m)
	}
	return out
}

// DocumentsHeader is the header row of documents.csv.
var DocumentsHeader = func() []string {
	h := []string{"id", "path", "format", "words", "content_hash", "duplicate_of"}
	for _, f := range provenance.MetaFields {
		h = append(h, f.Name, f.Name+"_origin", f.Name+"_detail")
	}
	return h
}()

// DocumentsCSV writes documents.csv: every document's metadata, each field
// with where it came from. Documents left out as duplicates are listed
// with the document they duplicate.
func DocumentsCSV(w io.Writer, r *provenance.Result) error {
	dupOf := map[string]string{}
	for _, d := range r.Duplicates {
		dupOf[d.Doc] = d.Original
	}
	return table(w, DocumentsHeader, func(emit func(...string) error) error {
		for i := range r.Documents {
			d := &r.Documents[i]
			rec := []string{d.ID, d.Path, d.Format, strconv.Itoa(d.Words), d.ContentHash, dupOf[d.ID]}
			for _, f := range fields(d.Meta) {
				rec = append(rec, f.Value, string(f.Origin), f.Detail)
			}
			if err := emit(rec...); err != nil {
				return err
			}
		}
		return nil
	})
}

// FamiliesHeader is the header row of families.csv.
var FamiliesHeader = []string{"family", "origin", "words", "members", "doc", "title", "start", "end", "is_origin", "snippet"}

// FamiliesCSV writes families.csv: one row per family member (a piece of
// text living in several documents), with the family's origin and size.
func FamiliesCSV(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return table(w, FamiliesHeader, func(emit func(...string) error) error {
		for _, f := range r.Families {
			for _, m := range f.Members {
				if err := emit(f.ID, f.Origin, strconv.Itoa(f.Words), strconv.Itoa(len(f.Members)), m.Doc, label(doc(m.Doc)),
					strconv.Itoa(m.Start), strconv.Itoa(m.End), strconv.FormatBool(m.Doc == f.Origin), f.Snippet); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// OutletLinksHeader is the header row of outlet_links.csv.
var OutletLinksHeader = []string{"source", "target", "articles", "passages", "words", "confidence"}

// OutletLinksCSV writes outlet_links.csv: document links summed by outlet.
func OutletLinksCSV(w io.Writer, r *provenance.Result) error {
	return table(w, OutletLinksHeader, func(emit func(...string) error) error {
		for _, e := range graphlayout.OutletGraph(r).Edges {
			if err := emit(e.Source, e.Target, strconv.Itoa(e.Articles), strconv.Itoa(e.Passages),
				strconv.Itoa(e.Words), f64(e.Confidence)); err != nil {
				return err
			}
		}
		return nil
	})
}

func label(d *provenance.Document) string {
	if d == nil {
		return ""
	}
	return d.Label()
}

func outlet(d *provenance.Document) string {
	if d == nil {
		return ""
	}
	return d.Meta.Outlet.Value
}

func published(d *provenance.Document) string {
	if d == nil {
		return ""
	}
	return d.Meta.Published.Value
}

// lookup returns a constant-time document finder for r (nil when unknown).
func lookup(r *provenance.Result) func(id string) *provenance.Document {
	idx := r.DocIndex()
	return func(id string) *provenance.Document {
		if i, ok := idx[id]; ok {
			return &r.Documents[i]
		}
		return nil
	}
}
