package lineageeval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/lineage/lineageeval"
)

func TestDebugCase(t *testing.T) {
	c := lineageeval.Generate(1000, lineageeval.NoDates, false)
	r, _ := runner(context.Background(), c.Docs)
	for _, l := range r.Links {
		if strings.Contains(l.Source+l.Target, "outlet3") {
			t.Logf("%s %s→%s %.2f %s", l.Kind, l.Source, l.Target, l.Confidence, strings.Join(l.Reasons, "\n   "))
		}
	}
}
