package report

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// An unknown link's card says why no direction is claimed and what would
// decide it, escaped like every other text.
func TestUnknownLinkShowsWhatWouldDecideIt(t *testing.T) {
	text := "The ferry operator will run two extra crossings every evening until the end of the month."
	r := &provenance.Result{
		Documents: []provenance.Document{{ID: "a", Path: "a.txt", Text: text}, {ID: "b", Path: "b.txt", Text: text}},
		Passages:  []provenance.Passage{{A: "a", B: "b", AEnd: len(text), BEnd: len(text), Words: 16, Similarity: 1}},
		Pairs:     []provenance.Pair{{A: "a", B: "b", Passages: []int{0}}},
		Links: []provenance.Link{{Source: "a", Target: "b", Kind: provenance.LinkUnknown, Confidence: 0.5, Passages: []int{0},
			Reasons:  []string{"the two share 16 words in 1 passage, but the evidence is thin: no direction is claimed"},
			ToDecide: []string{"no publication dates: add them to “a” and “b” in the library", "<b>no</b> outlet role"}}},
	}
	doc := render(t, r, Options{})
	for _, want := range []string{"what would decide it", "no publication dates: add them", "&lt;b&gt;no&lt;/b&gt; outlet role"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report does not show %q", want)
		}
	}
	if bad := unsafeMarkup(doc); bad != "" {
		t.Errorf("unsafe markup: %s", bad)
	}
}
