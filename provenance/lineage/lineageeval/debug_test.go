package lineageeval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/lineage/lineageeval"
)

func TestDebugCase(t *testing.T) {
	c := lineageeval.Generate(1006, lineageeval.AllDates, true)
	r, _ := runner(context.Background(), c.Docs)
	for _, d := range r.Documents {
		if strings.Contains(d.ID, "common") {
			t.Logf("%s\n%s", d.ID, d.Text)
		}
	}
	for _, p := range r.Passages {
		if strings.Contains(p.A, "common") && strings.Contains(p.B, "common") {
			t.Logf("%s-%s %q | %q", p.A, p.B, r.Doc(p.A).Text[p.AStart:p.AEnd], r.Doc(p.B).Text[p.BStart:p.BEnd])
		}
	}
}
