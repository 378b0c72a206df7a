package scan_test

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
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
