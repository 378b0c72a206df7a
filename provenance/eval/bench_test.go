package eval_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
	"github.com/copytrail/copytrail/provenance/lineage"
)

// BenchmarkAnalyze times the lineage layer alone on the passages the engine
// found in n generated lineages (9 documents each).
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range benchSizes {
		var docs []provenance.Document
		for i := 0; i < n; i++ {
			docs = append(docs, lineages.Generate(int64(5000+i), lineages.SomeDates, i%2 == 1).Docs...)
		}
		r, err := runner(context.Background(), docs)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("docs=%d/pairs=%d", len(docs), len(r.Pairs)), func(b *testing.B) {
			for b.Loop() {
				if err := lineage.Analyze(context.Background(), r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(r.Pairs))*float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
		})
	}
}

var benchSizes = []int{10, 100}
