package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/copytrail/copytrail/provenance"
)

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

// PassagesJSONL writes passages.jsonl: one JSON object per line per passage,
// with both texts and the word diff as a list of {"op","text"} runs.
func PassagesJSONL(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	enc := json.NewEncoder(w)
	for i, p := range r.Passages {
		a, b := doc(p.A), doc(p.B)
		rec := PassageRecord{Index: i, ATitle: label(a), BTitle: label(b),
			AText: Span(a, p.AStart, p.AEnd), BText: Span(b, p.BStart, p.BEnd), Passage: p}
		if rec.Diff == nil {
			rec.Diff = []provenance.DiffOp{}
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("passage %d: %w", i, err)
		}
	}
	return nil
}
