package ingest

import (
	"sync"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// reporter delivers progress to a callback from its own goroutine, keeping
// only the latest update, so the loaders never wait on a slow callback.
type reporter struct {
	fn      func(provenance.Progress)
	mu      sync.Mutex
	pending *provenance.Progress
	wake    chan struct{}
	done    chan struct{}
}

// newReporter starts a reporter; fn may be nil.
func newReporter(fn func(provenance.Progress)) *reporter {
	r := &reporter{fn: fn, wake: make(chan struct{}, 1), done: make(chan struct{})}
	if fn == nil {
		close(r.done)
		return r
	}
	go r.loop()
	return r
}

// send queues p, replacing an update not yet delivered. It never blocks.
func (r *reporter) send(p provenance.Progress) {
	if r.fn == nil {
		return
	}
	r.mu.Lock()
	r.pending = &p
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

func (r *reporter) loop() {
	defer close(r.done)
	for range r.wake {
		r.mu.Lock()
		p := r.pending
		r.pending = nil
		r.mu.Unlock()
		if p != nil {
			r.fn(*p)
		}
	}
}

// closeWait bounds how long close waits for the last update's delivery.
var closeWait = 2 * time.Second

// close delivers the last update and stops the goroutine, waiting for the
// callback at most closeWait.
func (r *reporter) close() {
	if r.fn == nil {
		return
	}
	close(r.wake)
	select {
	case <-r.done:
	case <-time.After(closeWait):
	}
}
