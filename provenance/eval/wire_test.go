package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/eval"
)

// TestWireRewriteTargets: on generated wire rewrites, derived stories get a
// copy claim from the agency (≥ 0.90), same-event independents are not
// flagged (≤ 0.05), and no claim points from a paper to the agency or
// from one paper to another.
func TestWireRewriteTargets(t *testing.T) {
	n := 30
	if testing.Short() {
		n = 8
	}
	var rows []*eval.WireScore
	for _, mode := range []eval.Mode{eval.Bare, eval.WithMetadata} {
		s, err := eval.RunWire(context.Background(), runner, mode, n, 3000)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, s)
		for _, f := range s.Failures {
			t.Log(f)
		}
	}
	var b strings.Builder
	eval.WriteWireTable(&b, rows)
	t.Log("\n" + b.String())
	for _, s := range rows {
		if s.ClaimRate() < 0.90 {
			t.Errorf("%s: %.2f of derived stories have a copy claim from the agency, want ≥ 0.90", s.Mode, s.ClaimRate())
		}
		if s.IndependentRate() > 0.05 {
			t.Errorf("%s: %.2f of independent stories flagged, want ≤ 0.05", s.Mode, s.IndependentRate())
		}
		if s.Reversed > 0 || s.PaperToPaper > 0 {
			t.Errorf("%s: %d claims paper → agency, %d paper → paper, want none", s.Mode, s.Reversed, s.PaperToPaper)
		}
	}
}
