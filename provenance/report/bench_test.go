package report

import (
	"io"
	"testing"

	"github.com/copytrail/copytrail/provenance/export/exporttest"
)

// BenchmarkWriteHTML10k: a report on 10,000 articles and 9,999 links
// (figures in docs/exports.md).
func BenchmarkWriteHTML10k(b *testing.B) {
	r := exporttest.Large(10000, 20)
	b.ResetTimer()
	for b.Loop() {
		if err := WriteHTML(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
