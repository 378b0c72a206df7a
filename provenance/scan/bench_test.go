package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

// peakRSSMB reads the process's peak resident set (VmHWM) on Linux, or 0.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// heapPeak samples HeapInuse every 20 ms until stop is called.
func heapPeak() (stop func() float64) {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() float64 {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return float64(peak) / (1 << 20)
	}
}

// BenchmarkScan scans generated collections of ~600-word articles and
// reports articles per second, the peak heap in use during the scan and the
// process's peak RSS (which includes the generated collection itself), and
// the CPU seconds used (on a shared machine wall time overstates the cost).
func BenchmarkScan(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			docs := gen.Corpus(n, 600, 1)
			s := scan.DefaultSettings()
			runtime.GC()
			b.ResetTimer()
			stop := heapPeak()
			cpu0 := cpuSeconds()
			var passages int
			for i := 0; i < b.N; i++ {
				r, err := scan.Run(context.Background(), docs, s, nil)
				if err != nil {
					b.Fatal(err)
				}
				passages = len(r.Passages)
			}
			cpu := cpuSeconds() - cpu0
			peak := stop()
			b.StopTimer()
			b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(peak, "peak-heap-MB")
			b.ReportMetric(peakRSSMB(), "peak-rss-MB")
			b.ReportMetric(float64(passages), "passages")
		})
	}
}

// BenchmarkAddOne10k adds one article to an analysed 10,000-article
// collection (scan.Add: its passages, pairs and the lineage of its group)
// and takes it out again (scan.Remove); BenchmarkQuery10k looks one text up
// in the same collection, from the index in memory and from a saved
// workspace file (store.OpenIndex + scan.Query). Target: each under 1 s.
func BenchmarkAddOne10k(b *testing.B) {
	ctx := context.Background()
	c := gen.CorpusCollection(10001, 600, 1)
	last := c.Docs[len(c.Docs)-1]
	r, ix, err := (&scan.Scanner{}).RunIndexed(ctx, c.Docs[:len(c.Docs)-1], scan.DefaultSettings(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("add", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := scan.Add(ctx, r, ix, last); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if err := scan.Remove(ctx, r, ix, last.ID); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
	})
	b.Run("remove", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			if err := scan.Add(ctx, r, ix, last); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := scan.Remove(ctx, r, ix, last.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("query-memory", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := scan.Query(ctx, scan.NewSource(r, ix), last); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("query-file", func(b *testing.B) {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "w.copytrail")
		if err := store.Save(path, &store.Workspace{Documents: r.Documents, Settings: r.Settings, Result: r, Index: ix}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < b.N; i++ {
			f, err := store.OpenIndex(path)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := scan.Query(ctx, f, last); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	})
}
