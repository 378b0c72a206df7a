package scan

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// parallel calls fn(worker, i) for i in [0,n) on workers goroutines (a worker
// per core when workers <= 0). Progress goes to progress from this goroutine
// only, at most every 100 ms, so workers never wait on it. It stops early
// and returns ctx.Err() when ctx is cancelled.
func parallel(ctx context.Context, n, workers int, stage string, progress func(provenance.Progress), fn func(worker, i int)) error {
	workers = max(1, min(workerCount(workers), n))
	report := func(done int) {
		if progress != nil {
			progress(provenance.Progress{Stage: stage, Done: done, Total: n})
		}
	}
	report(0)
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
				done.Add(1)
			}
		}(w)
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-finished:
			if err := ctx.Err(); err != nil {
				return err
			}
			report(n)
			return nil
		case <-tick.C:
			report(int(done.Load()))
		}
	}
}

// workerCount is workers, or a worker per core when workers <= 0.
func workerCount(workers int) int {
	if workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return workers
}
