package lineageeval_test

import (
	"context"
	"testing"

	"github.com/copytrail/copytrail/provenance/lineage/lineageeval"
)

func TestDebugCase(t *testing.T) {
	c := lineageeval.Generate(1001, lineageeval.AllDates, false)
	r, _ := runner(context.Background(), c.Docs)
	for _, p := range r.Passages {
		if p.Incidental {
			continue
		}
		t.Logf("%s-%s %d words", p.A, p.B, p.Words)
	}
	for _, l := range r.Links {
		t.Logf("%s %s→%s %.2f %v", l.Kind, l.Source, l.Target, l.Confidence, l.Reasons)
	}
}
