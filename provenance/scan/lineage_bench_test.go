package scan_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/scan"
)

// BenchmarkLineage times the lineage layer alone (lineage.Analyze) on the
// passages the engine found in the edit-type collection (gen.Build), where
// every article is in a reuse case and linking is the costliest stage.
func BenchmarkLineage(b *testing.B) {
	for _, cases := range []int{47, 476} {
		b.Run(strconv.Itoa(cases*21), func(b *testing.B) {
			c := gen.Build(1, cases)
			r, err := scan.Run(context.Background(), c.Docs, scan.DefaultSettings(), nil)
			if err != nil {
				b.Fatal(err)
			}
			cpu0 := cpuSeconds()
			for b.Loop() {
				if err := lineage.Analyze(context.Background(), r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(len(r.Pairs)), "pairs")
		})
	}
}
