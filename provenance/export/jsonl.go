package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/copytrail/copytrail/provenance"
)

// The JSON Lines export is the whole analysis, one file per kind of value
// and one JSON object a line, in the order of the Result (so the n-th line
// of passages.jsonl is passage n, the index links and pairs refer to):
// analysis.json (version, settings, duplicates, errors, counts),
// documents.jsonl (with their texts), passages.jsonl, pairs.jsonl,
// links.jsonl, families.jsonl, mutations.jsonl and outlet_links.jsonl.
// ReadJSONL reads such a folder back into a Result, and a distributed
// runner (cmd/copytrail-beam) writes the same files line for line.

// JSONL file names, in the order WriteAll writes them.
const (
	AnalysisJSON     = "analysis.json"
	DocumentsJSONL   = "documents.jsonl"
	PassagesFile     = "passages.jsonl"
	PairsJSONL       = "pairs.jsonl"
	LinksJSONL       = "links.jsonl"
	FamiliesJSONL    = "families.jsonl"
	MutationsJSONL   = "mutations.jsonl"
	OutletLinksJSONL = "outlet_links.jsonl"
)

// Analysis is analysis.json: what the line files do not hold.
type Analysis struct {
	Version    int                    `json:"version"`
	Settings   provenance.Settings    `json:"settings"`
	Duplicates []provenance.Duplicate `json:"duplicates"`
	Errors     []provenance.FileError `json:"errors"`
	Counts     map[string]int         `json:"counts"`
}

// DocumentRecord is one line of documents.jsonl: the document and its text.
type DocumentRecord struct {
	provenance.Document
	Text string `json:"text"`
}

// PassageRecord is one line of passages.jsonl: the passage as the scan
// contract shows it (a, b, spans, words, similarity, incidental, diff),
// plus its index, both titles and both texts.
type PassageRecord struct {
	Index  int    `json:"passage"` // index in the analysis (passages.csv "passage")
	ATitle string `json:"a_title"`
	BTitle string `json:"b_title"`
	AText  string `json:"a_text"`
	BText  string `json:"b_text"`
	provenance.Passage
}

// NewPassageRecord builds passage i's line from the passage and its two
// documents (either may be nil: titles and texts are then empty).
func NewPassageRecord(i int, p provenance.Passage, a, b *provenance.Document) PassageRecord {
	rec := PassageRecord{Index: i, ATitle: label(a), BTitle: label(b),
		AText: Span(a, p.AStart, p.AEnd), BText: Span(b, p.BStart, p.BEnd), Passage: p}
	if rec.Diff == nil {
		rec.Diff = []provenance.DiffOp{}
	}
	return rec
}

// Line encodes one record as a JSON line (ending in a newline), exactly as
// the files of the JSON Lines export hold it.
func Line(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := json.NewEncoder(&b).Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Counts are the lines of each file of the JSON Lines export.
type Counts struct {
	Documents, Passages, Pairs, Links, Families, Mutations, OutletLinks int
}

// CountsOf counts r's values.
func CountsOf(r *provenance.Result) Counts {
	return Counts{Documents: len(r.Documents), Passages: len(r.Passages), Pairs: len(r.Pairs), Links: len(r.Links),
		Families: len(r.Families), Mutations: len(r.Mutations), OutletLinks: len(r.OutletEdges)}
}

// NewAnalysis gathers r's analysis.json.
func NewAnalysis(r *provenance.Result) Analysis {
	return AnalysisOf(r.Version, r.Settings, r.Duplicates, r.Errors, CountsOf(r))
}

// AnalysisOf builds analysis.json from its parts, for a runner that never
// holds the whole Result.
func AnalysisOf(version int, s provenance.Settings, dups []provenance.Duplicate, errs []provenance.FileError, n Counts) Analysis {
	return Analysis{Version: version, Settings: s, Duplicates: orEmpty(dups), Errors: orEmpty(errs),
		Counts: map[string]int{"documents": n.Documents, "passages": n.Passages, "pairs": n.Pairs,
			"links": n.Links, "families": n.Families, "mutations": n.Mutations, "outlet_links": n.OutletLinks}}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// AnalysisFile writes analysis.json.
func AnalysisFile(w io.Writer, r *provenance.Result) error { return WriteAnalysis(w, NewAnalysis(r)) }

// WriteAnalysis writes a as analysis.json (indented JSON).
func WriteAnalysis(w io.Writer, a Analysis) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(a)
}

// lines writes one line per item, naming the item that failed.
func lines[T any](w io.Writer, kind string, items []T, rec func(i int, t *T) any) error {
	enc := json.NewEncoder(w)
	for i := range items {
		if err := enc.Encode(rec(i, &items[i])); err != nil {
			return fmt.Errorf("%s %d: %w", kind, i, err)
		}
	}
	return nil
}

func same[T any](_ int, t *T) any { return t }

// DocumentsFile writes documents.jsonl.
func DocumentsFile(w io.Writer, r *provenance.Result) error {
	return lines(w, "document", r.Documents, func(_ int, d *provenance.Document) any {
		return DocumentRecord{Document: *d, Text: d.Text}
	})
}

// PassagesJSONL writes passages.jsonl: one JSON object per line per passage,
// with both texts and the word diff as a list of {"op","text"} runs.
func PassagesJSONL(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return lines(w, "passage", r.Passages, func(i int, p *provenance.Passage) any {
		return NewPassageRecord(i, *p, doc(p.A), doc(p.B))
	})
}

// PairsFile writes pairs.jsonl.
func PairsFile(w io.Writer, r *provenance.Result) error { return lines(w, "pair", r.Pairs, same) }

// LinksFile writes links.jsonl.
func LinksFile(w io.Writer, r *provenance.Result) error { return lines(w, "link", r.Links, same) }

// FamiliesFile writes families.jsonl.
func FamiliesFile(w io.Writer, r *provenance.Result) error {
	return lines(w, "family", r.Families, same)
}

// MutationsFile writes mutations.jsonl.
func MutationsFile(w io.Writer, r *provenance.Result) error {
	return lines(w, "mutation", r.Mutations, same)
}

// OutletLinksFile writes outlet_links.jsonl.
func OutletLinksFile(w io.Writer, r *provenance.Result) error {
	return lines(w, "outlet link", r.OutletEdges, same)
}
