package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/gen"
)

// BenchmarkLoad50kTinyFiles loads a folder of 50,000 tiny text files (in
// 100 sub-folders) and reports the heap held by the loaded documents.
func BenchmarkLoad50kTinyFiles(b *testing.B) {
	const files = 50_000
	dir := b.TempDir()
	for i := range files {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i%100))
		if i < 100 {
			if err := os.Mkdir(sub, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		text := fmt.Sprintf("Tiny article %d\n\nWord %d and a few more words, number %d.\n", i, i*7, i*13)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%05d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	var heap uint64
	for b.Loop() {
		docs, dups, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
		if len(docs) != files || len(dups) != 0 || len(errs) != 0 {
			b.Fatalf("docs %d dups %d errs %d", len(docs), len(dups), len(errs))
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = max(heap, m.HeapAlloc)
		runtime.KeepAlive(docs)
	}
	b.ReportMetric(float64(heap)/(1<<20), "MiB-heap")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/files, "µs/file")
}

// BenchmarkLoadDocument measures one 1 MiB article through the whole text path.
func BenchmarkLoadDocument(b *testing.B) {
	p := filepath.Join(b.TempDir(), "long.txt")
	var text []byte
	for len(text) < 1<<20 {
		text = fmt.Appendf(text, "Paragraph %d says something plain about the harbour strike.\n", len(text))
	}
	if err := os.WriteFile(p, text, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if docs, _, errs := Load(context.Background(), []string{p}, DefaultOptions(), nil); len(docs) != 1 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkExtractHTMLLargest measures the slowest page readability is
// given: just under maxReadabilityElements, in div-heavy markup.
func BenchmarkExtractHTMLLargest(b *testing.B) {
	page := []byte("<html><body>" + strings.Repeat("<div><span>word</span> <a href='#'>link</a></div>", maxReadabilityElements/3-10) + "</body></html>")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := extractHTML(page, "", nil, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadGeneratedFolder loads a folder of generated edit-type
// articles (gen.Build, as `copytrail gen --cases` writes them: about 4 KB
// each): the reading stage of a scan of such a collection, reading,
// decoding, inference, boilerplate and the content hash.
func BenchmarkLoadGeneratedFolder(b *testing.B) {
	dir := b.TempDir()
	docs := gen.Build(1, 40).Docs
	for i, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("g%04d.txt", i)), []byte(d.Text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		got, _, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
		if len(got)+len(errs) == 0 {
			b.Fatal("nothing read")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(docs)), "µs/file")
}
