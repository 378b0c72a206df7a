package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// TestEvalTargets generates a small collection and checks the balanced
// preset meets the targets in docs/engine.md: plagdet ≥ 0.90 on verbatim and
// light edits, ≥ 0.75 on heavy edits, granularity ≤ 1.1, and no
// non-incidental passage between independent same-topic texts.
func TestEvalTargets(t *testing.T) {
	c := gen.Build(7, 8)
	rows, err := PAN(context.Background(), c, scan.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	WritePANTable(&table, rows)
	t.Log("\n" + table.String())
	for _, r := range rows {
		switch r.Type {
		case gen.Negative:
			if r.FalsePassages != 0 {
				t.Errorf("same-topic negatives: %d non-incidental passages, want 0", r.FalsePassages)
			}
		case "unrelated pairs":
			if r.FalsePassages > 1 {
				t.Errorf("unrelated pairs: %d non-incidental passages", r.FalsePassages)
			}
		case gen.Heavy:
			if r.Plagdet < 0.75 || r.Granularity > 1.1 {
				t.Errorf("heavy edits: plagdet %.3f granularity %.3f, want ≥ 0.75, ≤ 1.1", r.Plagdet, r.Granularity)
			}
		default:
			if r.Plagdet < 0.90 || r.Granularity > 1.1 {
				t.Errorf("%s: plagdet %.3f granularity %.3f, want ≥ 0.90, ≤ 1.1", r.Type, r.Plagdet, r.Granularity)
			}
		}
	}
}
