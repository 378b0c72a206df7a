package store

import (
	"errors"
	"sync"
	"time"
)

// AutosaveOptions configure an Autosaver. Zero values take the defaults.
type AutosaveOptions struct {
	// Interval is the least time between the starts of two saves
	// (default 5 s). A failed save is retried after Interval.
	Interval time.Duration
	// Delay is how long a save waits after the first unsaved change, to
	// gather a burst of changes into one save (default 1 s, at most Interval).
	Delay time.Duration
	// OnError is called after a failed save, on the goroutine that saved.
	OnError func(error)
	// OnSaved is called after a successful save, on the goroutine that saved.
	OnSaved func(path string)
}

// Autosaver saves a workspace in the background, debounced: Touch marks it
// changed, and a goroutine saves it (with Save, so atomically) Delay after
// the first change and never more often than every Interval. All methods are
// safe for concurrent use; Touch and SetPath never wait for a save.
//
// snapshot is called on the saving goroutine and must return the workspace
// to write, safe to read while the caller goes on working (e.g. a Clone made
// under the caller's lock, or built with fyne.DoAndWait). A nil snapshot
// skips that save.
type Autosaver struct {
	snapshot func() *Workspace
	opts     AutosaveOptions

	mu         sync.Mutex
	path       string
	dirty      bool
	firstDirty time.Time
	lastSave   time.Time
	closed     bool

	saving sync.Mutex // one save at a time, in order
	wake   chan struct{}
	stop   chan struct{}
	done   chan struct{}
}

// ErrClosed is returned by Flush after Close.
var ErrClosed = errors.New("autosaver closed")

// NewAutosaver starts an Autosaver writing to path.
func NewAutosaver(path string, snapshot func() *Workspace, opts AutosaveOptions) *Autosaver {
	if opts.Interval <= 0 {
		opts.Interval = 5 * time.Second
	}
	if opts.Delay <= 0 {
		opts.Delay = time.Second
	}
	opts.Delay = min(opts.Delay, opts.Interval)
	a := &Autosaver{
		snapshot: snapshot,
		opts:     opts,
		path:     path,
		wake:     make(chan struct{}, 1),
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go a.loop()
	return a
}

// Touch marks the workspace changed. It returns at once.
func (a *Autosaver) Touch() {
	a.mu.Lock()
	if !a.dirty && !a.closed {
		a.dirty = true
		a.firstDirty = time.Now()
	}
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

// SetPath changes the file later saves write to (after Save As).
func (a *Autosaver) SetPath(path string) {
	a.mu.Lock()
	a.path = path
	a.mu.Unlock()
}

// Path returns the file saves write to.
func (a *Autosaver) Path() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.path
}

// Dirty reports whether there are changes not yet saved.
func (a *Autosaver) Dirty() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.dirty
}

// Flush saves now if there are unsaved changes, waiting for the save, and
// returns its error (also passed to OnError).
func (a *Autosaver) Flush() error {
	a.mu.Lock()
	closed := a.closed
	a.mu.Unlock()
	if closed {
		return ErrClosed
	}
	return a.save()
}

// Close stops the background goroutine and saves any unsaved changes. It
// returns that save's error; later calls return nil.
func (a *Autosaver) Close() error {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	a.closed = true
	a.mu.Unlock()
	close(a.stop)
	<-a.done
	return a.save()
}

func (a *Autosaver) loop() {
	defer close(a.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		a.mu.Lock()
		dirty := a.dirty
		due := a.firstDirty.Add(a.opts.Delay)
		if next := a.lastSave.Add(a.opts.Interval); next.After(due) {
			due = next
		}
		a.mu.Unlock()
		if !dirty {
			select {
			case <-a.wake:
				continue
			case <-a.stop:
				return
			}
		}
		if wait := time.Until(due); wait > 0 {
			timer.Reset(wait)
			select {
			case <-timer.C:
			case <-a.wake:
				timer.Stop()
			case <-a.stop:
				timer.Stop()
				return
			}
			continue
		}
		a.save()
	}
}

// save writes the workspace if it has unsaved changes.
func (a *Autosaver) save() error {
	a.saving.Lock()
	defer a.saving.Unlock()
	a.mu.Lock()
	if !a.dirty {
		a.mu.Unlock()
		return nil
	}
	a.dirty = false
	path := a.path
	a.lastSave = time.Now()
	a.mu.Unlock()

	var err error
	if ws := a.snapshot(); ws != nil {
		err = Save(path, ws)
	}
	if err != nil {
		a.mu.Lock()
		if !a.dirty {
			a.dirty = true
			a.firstDirty = time.Now()
		}
		a.mu.Unlock()
		if a.opts.OnError != nil {
			a.opts.OnError(err)
		}
		return err
	}
	if a.opts.OnSaved != nil {
		a.opts.OnSaved(path)
	}
	return nil
}
