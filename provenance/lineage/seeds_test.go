package lineage_test

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

// seedResult scans the seeds with every publication date removed.
func seedResult(t *testing.T) (*provenance.Result, map[string]string) {
	dir := testseeds.Dir(t)
	docs, _, errs := ingest.Load(context.Background(), []string{dir}, ingest.DefaultOptions(), nil)
	if len(errs) > 0 || len(docs) < 5 {
		t.Fatalf("loading seeds: %d docs, errors %v", len(docs), errs)
	}
	byPrefix := map[string]string{}
	for i := range docs {
		docs[i].Meta.Published = provenance.Field{}
		byPrefix[filepath.Base(docs[i].Path)[:3]] = docs[i].ID
	}
	r, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r, byPrefix
}

func TestSeedsLineage(t *testing.T) {
	r, id := seedResult(t)
	release, caj := id["001"], id["000"]
	var found *provenance.Link
	for i, l := range r.Links {
		if l.Source == release && l.Target == caj && l.Kind == provenance.LinkCopy {
			found = &r.Links[i]
			continue
		}
		t.Errorf("unexpected link %s → %s (%s, %.2f): %v", l.Source, l.Target, l.Kind, l.Confidence, l.Reasons)
	}
	if found == nil {
		t.Fatalf("no copy link CIVIC release → CAJ article; links: %+v", r.Links)
	}
	if found.Confidence < 0.6 {
		t.Errorf("confidence %.2f < 0.6", found.Confidence)
	}
	reasons := strings.Join(found.Reasons, "\n")
	for _, want := range []string{"press release", "please contact", "first-party quote", "CIVIC"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("reasons do not mention %q:\n%s", want, reasons)
		}
	}
	t.Logf("link %.2f:\n%s", found.Confidence, reasons)
}

func TestSeedsMutations(t *testing.T) {
	r, id := seedResult(t)
	release, caj := id["001"], id["000"]
	var civicus, civilian bool
	for _, m := range r.Mutations {
		src, dst := r.Doc(m.Source), r.Doc(m.Target)
		if src.Text[m.SourceStart:m.SourceEnd] != m.SourceText || dst.Text[m.TargetStart:m.TargetEnd] != m.TargetText {
			t.Errorf("mutation spans do not match their texts: %+v", m)
		}
		if m.Source != release || m.Target != caj {
			t.Errorf("mutation outside the release → article link: %+v", m)
		}
		t.Logf("%s: %q → %q (%s)", m.Kind, m.SourceText, m.TargetText, m.Explanation)
		switch {
		case m.Kind == provenance.MutationAttribution && strings.Contains(m.TargetText, "CIVICUS official said"):
			civicus = true
		case m.Kind == provenance.MutationQuote && m.SourceText == "civilians" && m.TargetText == "civilian":
			civilian = true
		}
		if strings.Contains(m.SourceText+m.TargetText, "July") {
			t.Errorf("“1 July” → “July 1” is the same date, not a mutation: %+v", m)
		}
	}
	if !civicus {
		t.Error("missing the CIVIC → CIVICUS attribution mutation")
	}
	if !civilian {
		t.Error("missing the quote mutation “civilians benchmarks” → “civilian benchmarks”")
	}
}
