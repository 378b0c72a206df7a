package lineage

import (
	"testing"

	"github.com/copytrail/copytrail/provenance/gen"
)

// BenchmarkNewDocInfoCases reads the lineage features of every document of
// a generated edit-type collection (the articles of `copytrail gen
// --cases`), as weigh does for each paired document.
func BenchmarkNewDocInfoCases(b *testing.B) {
	docs := gen.Build(1, 10).Docs
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			newDocInfo(&docs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}
