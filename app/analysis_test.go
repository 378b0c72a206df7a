package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/scan"
)

// analysisSummary lists a result's links and non-incidental passages as
// sorted strings, to compare two analyses up to list order.
func analysisSummary(r *provenance.Result) (links, passages []string) {
	for _, l := range r.Links {
		links = append(links, fmt.Sprintf("%s>%s %s %.3f", l.Source, l.Target, l.Kind, l.Confidence))
	}
	for _, p := range r.Passages {
		if !p.Incidental {
			passages = append(passages, fmt.Sprintf("%s:%d-%d %s:%d-%d", p.A, p.AStart, p.AEnd, p.B, p.BStart, p.BEnd))
		}
	}
	slices.Sort(links)
	slices.Sort(passages)
	return links, passages
}

// sameAnalysis fails the test when got and a whole scan of docs differ in
// links or evidence passages.
func sameAnalysis(t *testing.T, what string, got *provenance.Result, docs []provenance.Document, s provenance.Settings) {
	t.Helper()
	want, err := scan.Run(context.Background(), docs, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	gl, gp := analysisSummary(got)
	wl, wp := analysisSummary(want)
	if !slices.Equal(gl, wl) || !slices.Equal(gp, wp) {
		t.Errorf("%s: links %v\npassages %v\nwant the whole scan's links %v\npassages %v", what, gl, gp, wl, wp)
	}
}

// TestAddAndRemoveUpdateTheAnalysisFromItsIndex: adding an article to an
// analysed workspace adds it to the analysis through the n-gram index (no
// whole re-scan), leaves the analysis on screen untouched while it runs,
// keeps an index that belongs to the new analysis, and gives what a whole
// scan gives; removing it and editing a date do the same.
func TestAddAndRemoveUpdateTheAnalysisFromItsIndex(t *testing.T) {
	u := demoUI(t)
	if !indexMatches(u.ws.Result, u.ws.Index) {
		t.Fatal("the demo's analysis has no index of its own")
	}
	var fromIndex []bool
	real := u.eng.Update
	u.eng.Update = func(ctx context.Context, prev *provenance.Result, ix *index.Index, docs []provenance.Document, s provenance.Settings, p ProgressFunc) (*provenance.Result, *index.Index, error) {
		fromIndex = append(fromIndex, prev != nil && ix != nil)
		return real(ctx, prev, ix, docs, s, p)
	}
	before, beforeDocs := u.ws.Result, len(u.ws.Result.Documents)
	src := u.ws.Documents[0]
	para := strings.Fields(src.Text)
	copied := "An invented note. " + strings.Join(para[len(para)/3:len(para)/3+70], " ") + " The note ends here."
	u.AddDocument(u.eng.FromText(copied, provenance.Metadata{Title: provenance.Field{Value: "Copied note", Origin: provenance.OriginUser}}))
	u.bridge.Wait()
	if len(fromIndex) != 1 || !fromIndex[0] {
		t.Fatalf("adding one article: updates from the index %v, want one", fromIndex)
	}
	if len(before.Documents) != beforeDocs {
		t.Fatalf("the analysis shown was changed in place: %d documents, was %d", len(before.Documents), beforeDocs)
	}
	if len(u.ws.Result.Documents) != beforeDocs+1 || !indexMatches(u.ws.Result, u.ws.Index) {
		t.Fatalf("after adding: %d documents, index matches %v", len(u.ws.Result.Documents), indexMatches(u.ws.Result, u.ws.Index))
	}
	added := u.ws.Documents[len(u.ws.Documents)-1].ID
	if u.ws.Result.PairOf(src.ID, added) == nil {
		t.Fatalf("the copied note shares nothing with %s", src.ID)
	}
	sameAnalysis(t, "after adding", u.ws.Result, u.ws.Documents, u.ws.Settings)

	// a date set on the note: taken out and added again, from the index
	m := u.ws.Documents[len(u.ws.Documents)-1].Meta
	m.Published = provenance.Field{Value: "2019-01-02", Origin: provenance.OriginUser}
	u.UpdateMetadata(added, m)
	u.bridge.Wait()
	if len(fromIndex) != 3 || !fromIndex[1] || !fromIndex[2] {
		t.Fatalf("editing a date: updates from the index %v", fromIndex)
	}
	if d := u.ws.Result.Doc(added); d == nil || d.Meta.Published.Value != "2019-01-02" {
		t.Fatalf("the analysis does not hold the new date: %+v", d)
	}
	sameAnalysis(t, "after a date edit", u.ws.Result, u.ws.Documents, u.ws.Settings)

	u.RemoveDocuments(added)
	u.bridge.Wait()
	if len(fromIndex) != 4 || !fromIndex[3] || len(u.ws.Result.Documents) != beforeDocs || !indexMatches(u.ws.Result, u.ws.Index) {
		t.Fatalf("removing: updates from the index %v, %d documents", fromIndex, len(u.ws.Result.Documents))
	}
	sameAnalysis(t, "after removing", u.ws.Result, u.ws.Documents, u.ws.Settings)
}

// TestIndexOfAnotherAnalysisIsNotUsed: an index that does not list the
// result's documents (a workspace saved by an older Copytrail) is not
// updated from: the analysis runs whole.
func TestIndexOfAnotherAnalysisIsNotUsed(t *testing.T) {
	u := demoUI(t)
	ix := *u.ws.Index
	ix.IDs = slices.Clone(ix.IDs[:len(ix.IDs)-1])
	u.ws.Index = &ix
	if b := u.base(); b.result != nil || b.index != nil {
		t.Fatal("an index missing a document was taken as the analysis's")
	}
}

func TestProgressLineSaysTheTimeLeft(t *testing.T) {
	var c stageClock
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := c.line(provenance.Progress{Stage: "aligning", Done: 0, Total: 12000}, t0); got != "aligning 0 of 12,000" {
		t.Errorf("at the start: %q", got)
	}
	if got := c.line(provenance.Progress{Stage: "aligning", Done: 300, Total: 12000}, t0.Add(time.Second)); got != "aligning 300 of 12,000" {
		t.Errorf("too early to tell: %q", got)
	}
	want := "aligning 4,000 of 12,000 · 1,000 a second · about 8 s left"
	if got := c.line(provenance.Progress{Stage: "aligning", Done: 4000, Total: 12000}, t0.Add(4*time.Second)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := c.line(provenance.Progress{Stage: "linking", Done: 10, Total: 9000, Note: "groups"}, t0.Add(5*time.Second)); got != "linking 10 of 9,000 · groups" {
		t.Errorf("a new stage starts its own clock: %q", got)
	}
	if got := c.line(provenance.Progress{Stage: "linking", Done: 190, Total: 9000}, t0.Add(8*time.Second)); !strings.HasSuffix(got, "about 2 min left") {
		t.Errorf("60 a second, 8,810 left: %q", got)
	}
	for d, want := range map[time.Duration]string{3 * time.Second: "3 s", 44 * time.Second: "40 s", 95 * time.Second: "2 min", 80 * time.Minute: "1 h 20 min"} {
		if got := timeLeft(d); got != want {
			t.Errorf("timeLeft(%v) = %q, want %q", d, got, want)
		}
	}
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(x string) bool { return !slices.Contains(b, x) })
}
