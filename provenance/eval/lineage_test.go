package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/eval"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
	"github.com/copytrail/copytrail/provenance/scan"
)

func runner(ctx context.Context, docs []provenance.Document) (*provenance.Result, error) {
	return scan.Run(ctx, docs, scan.DefaultSettings(), nil)
}

// TestLineageTargets measures the lineage layer on generated lineages (the
// real passage engine finds the passages) and checks the targets of issue 4.
func TestLineageTargets(t *testing.T) {
	n := 10
	if testing.Short() {
		n = 3
	}
	rows := map[lineages.DateMode]*eval.LineageScore{}
	for _, m := range []lineages.DateMode{lineages.AllDates, lineages.SomeDates, lineages.NoDates} {
		s, err := eval.RunLineages(context.Background(), runner, m, n, 1000)
		if err != nil {
			t.Fatal(err)
		}
		rows[m] = s
		for _, f := range s.Failures {
			t.Log(f)
		}
	}
	var b strings.Builder
	eval.WriteLineageTable(&b, rows)
	eval.WriteReliability(&b, rows)
	t.Log("\n" + b.String())

	if a := rows[lineages.AllDates].DirectionAccuracy(); a < 0.95 {
		t.Errorf("direction accuracy with dates %.3f < 0.95", a)
	}
	for _, m := range []lineages.DateMode{lineages.SomeDates, lineages.NoDates} {
		if a := rows[m].DirectionAccuracy(); a < 0.85 {
			t.Errorf("direction accuracy (%s) %.3f < 0.85", m, a)
		}
	}
	for m, s := range rows {
		if s.CommonRate() < 0.8 {
			t.Errorf("%s: common source reported %.3f of the time, want ≥ 0.8", m, s.CommonRate())
		}
		if s.IndependentLinked > 0 {
			t.Errorf("%s: %d links between independent same-topic texts", m, s.IndependentLinked)
		}
		if s.FalseNumbers > 0 {
			t.Errorf("%s: %d number changes reported where only date formats changed", m, s.FalseNumbers)
		}
		if s.Recall() < 0.85 {
			t.Errorf("%s: recall %.3f < 0.85", m, s.Recall())
		}
		// A wrong arrow is the worst defect: at most one in twenty claims.
		if s.Wrong*20 > s.CopyLinks {
			t.Errorf("%s: %d wrong arrows of %d", m, s.Wrong, s.CopyLinks)
		}
	}
	// Calibration: no bin with enough links may be right much less often than it claims.
	pooled := eval.Pool(rows)
	for _, bin := range pooled.Bins {
		if bin.Links >= 10 && float64(bin.Right)/float64(bin.Links) < bin.Lo-0.1 {
			t.Errorf("links claimed at %.1f–%.1f were right only %d of %d times", bin.Lo, bin.Hi, bin.Right, bin.Links)
		}
	}
}
