package export

import (
	"io"
	"testing"

	"github.com/copytrail/copytrail/provenance/export/exporttest"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

// Figures are recorded in docs/exports.md.

func BenchmarkDataFiles10k(b *testing.B) {
	r := exporttest.Large(10000, 20)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files(r, Options{}) {
			if f.format == "png" {
				continue
			}
			if err := f.write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkGraphPNG(b *testing.B) {
	g := graphlayout.DocumentGraph(exporttest.Large(2000, 20))
	b.ResetTimer()
	for b.Loop() {
		if err := GraphPNG(io.Discard, g, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComparisonPNG(b *testing.B) {
	r := exporttest.Sample()
	for b.Loop() {
		if err := ComparisonPNG(io.Discard, r, "d-release", "d-wire"); err != nil {
			b.Fatal(err)
		}
	}
}
