package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// Only a copy link is drawn with an arrowhead in the report's graph: a
// common-source or undecided link between the same kind of texts is a plain
// line, so that nothing in the picture reads as a direction the engine did
// not claim.
func TestOnlyCopyLinksHaveArrowheads(t *testing.T) {
	text := "The ferry operator will run two extra crossings every evening until the end of the month, the port said."
	docs := []provenance.Document{}
	for _, id := range []string{"a", "b", "c", "d"} {
		docs = append(docs, provenance.Document{ID: id, Path: id + ".txt", Text: text, Meta: provenance.Metadata{Title: provenance.Field{Value: "Ferry " + id}}})
	}
	var passages []provenance.Passage
	var pairs []provenance.Pair
	var links []provenance.Link
	for i, pr := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}} {
		passages = append(passages, provenance.Passage{A: pr[0], B: pr[1], AEnd: len(text), BEnd: len(text), Words: 19, Similarity: 1})
		pairs = append(pairs, provenance.Pair{A: pr[0], B: pr[1], Passages: []int{i}})
	}
	links = []provenance.Link{
		{Source: "a", Target: "b", Kind: provenance.LinkCopy, Confidence: 0.9, Passages: []int{0}, Reasons: []string{"b reused a"}},
		{Source: "b", Target: "c", Kind: provenance.LinkCommonSource, Confidence: 0.8, Passages: []int{1}, Reasons: []string{"both took it from X"}},
		{Source: "c", Target: "d", Kind: provenance.LinkUnknown, Confidence: 0.5, Passages: []int{2}, Reasons: []string{"no direction is claimed"}},
	}
	r := &provenance.Result{Documents: docs, Passages: passages, Pairs: pairs, Links: links}
	doc := render(t, r, Options{})
	edges := regexp.MustCompile(`<g class="edge (\w+)">.*?</g>`).FindAllStringSubmatch(doc, -1)
	kinds := map[string]bool{}
	for _, m := range edges {
		kinds[m[1]] = true
		arrow := strings.Contains(m[0], "marker-end")
		if arrow != (m[1] == "copy") {
			t.Errorf("a %s link drawn with arrowhead %v: %s", m[1], arrow, m[0])
		}
		if m[1] == "unknown" && strings.Contains(m[0], "%") {
			t.Errorf("an undecided link shows a confidence: %s", m[0])
		}
	}
	if !strings.Contains(doc, ">Links (3)<") {
		t.Error("the contents do not count the three links")
	}
	for _, k := range []string{"copy", "common", "unknown"} {
		if !kinds[k] {
			t.Errorf("no %s edge in the report's graph (edges %v)", k, kinds)
		}
	}
}
