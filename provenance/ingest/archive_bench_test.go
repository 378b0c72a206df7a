package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
)

// benchRecords is the size of the archive benchmarks (COPYTRAIL_BENCH_RECORDS
// overrides it, e.g. 10000 for a quick run).
func benchRecords() int {
	if n, err := strconv.Atoi(os.Getenv("COPYTRAIL_BENCH_RECORDS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// writeArchive writes n generated records (about 300 words each) in
// chunks, so the benchmark never holds the collection: as JSON lines, or
// as a per-record gzipped WARC of news pages.
func writeArchive(b *testing.B, path string, n int, warc bool) int64 {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	const chunk = 5000
	for k := 0; k*chunk < n; k++ {
		recs := archivetest.Records(min(chunk, n-k*chunk), 300, uint64(k+1))
		for i := range recs {
			recs[i].ID = fmt.Sprintf("a%07d", k*chunk+i)
			recs[i].URL = fmt.Sprintf("https://news%d.example/story/%07d", i%5, k*chunk+i)
		}
		if warc {
			pages := make([]archivetest.WARCRecord, len(recs))
			for i, r := range recs {
				pages[i] = archivetest.PageRecord(r)
			}
			err = archivetest.WARC(w, pages, true)
		} else {
			err = archivetest.JSONL(w, recs)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	fi, _ := f.Stat()
	f.Close()
	return fi.Size()
}

// peakHeap samples the live heap every 10 ms until stop is called, which
// returns the largest sample in bytes.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchStream streams an archive through Stream, keeping no document (as
// an import does), and reports documents per second and the peak live heap.
func benchStream(b *testing.B, warc bool) {
	n := benchRecords()
	name := "news.jsonl"
	if warc {
		name = "crawl.warc.gz"
	}
	p := filepath.Join(b.TempDir(), name)
	size := writeArchive(b, p, n, warc)
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		stop := peakHeap()
		cpu0 := cpuTime()
		start := time.Now()
		docs, words := 0, 0
		var errs []provenance.FileError
		err := Stream(context.Background(), []string{p}, DefaultOptions(), nil, Sink{
			Document: func(d provenance.Document) error { docs++; words += len(d.Text); return nil },
			Error:    func(e provenance.FileError) { errs = append(errs, e) },
		})
		elapsed := time.Since(start)
		cpu := cpuTime() - cpu0
		peak := stop()
		if err != nil || len(errs) > 0 || docs != n {
			b.Fatalf("%d documents of %d, errors %v %v", docs, n, err, errs)
		}
		b.ReportMetric(float64(n)/elapsed.Seconds(), "docs/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		b.ReportMetric(float64(size)/(1<<20), "file-MiB")
		b.ReportMetric(cpu.Seconds(), "cpu-s")
	}
}

// BenchmarkStreamJSONL100k streams 100,000 JSON lines (about 300 words
// each, ~220 MB): memory stays flat whatever the archive's size.
func BenchmarkStreamJSONL100k(b *testing.B) { benchStream(b, false) }

// BenchmarkStreamWARC100k streams a 100,000-page gzipped WARC, every page
// through the HTML extraction of saved pages.
func BenchmarkStreamWARC100k(b *testing.B) { benchStream(b, true) }
