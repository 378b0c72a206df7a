package scan_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

// lineAround returns the span of the line of text holding anchor.
func lineAround(t *testing.T, text, anchor string) provenance.Span {
	t.Helper()
	i := strings.Index(text, anchor)
	if i < 0 {
		t.Fatalf("anchor %q not in the article", anchor)
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text) - i
	}
	return provenance.Span{Start: start, End: i + end}
}

// TestSeedsCAJReusesCIVIC checks the real seeds: every sentence of the CAJ
// article (000) that reuses the CIVIC release (001) lies in one whole
// non-incidental passage, and no other pair of seeds shares one. Only short
// anchors locate the sentences; no article text is kept here.
func TestSeedsCAJReusesCIVIC(t *testing.T) {
	dir := testseeds.Dir(t)
	docs, _, errs := ingest.Load(context.Background(), []string{dir}, ingest.DefaultOptions(), nil)
	if len(errs) > 0 {
		t.Fatalf("loading seeds: %v", errs)
	}
	r, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var caj, civic *provenance.Document
	for i := range r.Documents {
		switch base := filepath.Base(r.Documents[i].Path); {
		case strings.HasPrefix(base, "000_"):
			caj = &r.Documents[i]
		case strings.HasPrefix(base, "001_"):
			civic = &r.Documents[i]
		}
	}
	if caj == nil || civic == nil {
		t.Fatal("seed articles 000 and 001 not loaded")
	}
	// passages of the pair, as spans in the CAJ article
	var spans []provenance.Span
	for _, p := range r.Passages {
		switch {
		case p.Incidental:
		case p.A == caj.ID && p.B == civic.ID:
			spans = append(spans, p.ASpan())
		case p.B == caj.ID && p.A == civic.ID:
			spans = append(spans, p.BSpan())
		default:
			t.Errorf("non-incidental passage joins %s and %s: %q", p.A, p.B, r.Doc(p.A).Text[p.AStart:p.AEnd])
		}
	}
	checks := []struct {
		name, anchor string
		also         string  // a second anchor that must be in the same passage
		share        float64 // least share of the line inside the passage
	}{
		{"first quoted statement (says→said)", "preeminent consideration", "", 0.9},
		{"second quoted statement (civilians→civilian)", "civilian benchmarks", "", 0.9},
		{"third quoted statement (its attribution differs)", "hard-learned lessons", "", 0.8},
		{"Sahel paraphrase", "extreme fragility in the Sahel", "", 0.8},
		// the opening sentence: its reused clause and the harm to civilians
		// in the next sentence, one passage
		{"reworded opening sentence", "severe deterioration", "significant harm to civilians", 0.45},
	}
	for _, c := range checks {
		line := lineAround(t, caj.Text, c.anchor)
		var hits []provenance.Span
		for _, s := range spans {
			if s.Start < line.End && line.Start < s.End {
				hits = append(hits, s)
			}
		}
		if len(hits) != 1 {
			t.Errorf("%s: %d passages overlap the sentence, want exactly one", c.name, len(hits))
			continue
		}
		h := hits[0]
		covered := min(h.End, line.End) - max(h.Start, line.Start)
		if float64(covered) < c.share*float64(line.Len()) {
			t.Errorf("%s: passage covers %d of the sentence's %d bytes", c.name, covered, line.Len())
		}
		if c.also != "" {
			if i := strings.Index(caj.Text, c.also); i < h.Start || i+len(c.also) > h.End {
				t.Errorf("%s: %q is not in the same passage", c.name, c.also)
			}
		}
	}
}
