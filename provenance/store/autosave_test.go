package store

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// counterApp stands in for the app: a counter edited from many goroutines,
// snapshot under a lock.
type counterApp struct {
	mu sync.Mutex
	n  int
}

func (c *counterApp) edit() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counterApp) snapshot() *Workspace {
	c.mu.Lock()
	defer c.mu.Unlock()
	return &Workspace{View: map[string]string{"n": strconv.Itoa(c.n)}}
}

func savedCounter(t *testing.T, path string) int {
	t.Helper()
	ws, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(ws.View["n"])
	return n
}

func TestAutosaverDebouncesConcurrentTouches(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	app := &counterApp{}
	var saves atomic.Int32
	a := NewAutosaver(path, app.snapshot, AutosaveOptions{
		Interval: 150 * time.Millisecond, Delay: 30 * time.Millisecond,
		OnSaved: func(string) { saves.Add(1) },
		OnError: func(err error) { t.Errorf("autosave: %v", err) },
	})
	const writers, edits = 8, 50
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < edits; i++ {
				app.edit()
				a.Touch()
				time.Sleep(2 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if got := savedCounter(t, path); got != writers*edits {
		t.Errorf("file holds counter %d after Close, want %d", got, writers*edits)
	}
	// At most one save per Interval while touching, plus the one in Close.
	if max := int32(elapsed/(150*time.Millisecond)) + 2; saves.Load() > max || saves.Load() < 1 {
		t.Errorf("%d saves for %d touches in %v; want 1..%d", saves.Load(), writers*edits, elapsed, max)
	}
}

func TestAutosaverTouchNeverWaitsForASave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	inSnapshot, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	a := NewAutosaver(path, func() *Workspace {
		once.Do(func() { close(inSnapshot); <-release })
		return &Workspace{}
	}, AutosaveOptions{Interval: 10 * time.Millisecond, Delay: time.Millisecond})
	a.Touch()
	<-inSnapshot // a save is under way and stuck
	begin := time.Now()
	for i := 0; i < 1000; i++ {
		a.Touch()
	}
	a.SetPath(path)
	if d := time.Since(begin); d > 100*time.Millisecond {
		t.Errorf("1000 Touch calls during a save took %v", d)
	}
	close(release)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if a.Dirty() {
		t.Error("still dirty after Close")
	}
}

func TestAutosaverReportsErrorsAndRetries(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "missing-folder", "w.copytrail")
	app := &counterApp{n: 7}
	errs := make(chan error, 10)
	a := NewAutosaver(bad, app.snapshot, AutosaveOptions{Interval: 20 * time.Millisecond, Delay: time.Millisecond,
		OnError: func(err error) {
			select {
			case errs <- err:
			default:
			}
		}})
	a.Touch()
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), bad) {
			t.Errorf("error %q does not name the file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no error reported for an impossible save")
	}
	if !a.Dirty() {
		t.Error("a failed save cleared the unsaved mark")
	}
	good := filepath.Join(dir, "w.copytrail")
	a.SetPath(good)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := savedCounter(t, good); got != 7 || a.Path() != good {
		t.Errorf("after SetPath and Flush: counter %d at %s", got, a.Path())
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := a.Flush(); !errors.Is(err, ErrClosed) {
		t.Errorf("Flush after Close: %v", err)
	}
}

func TestAutosaverWithoutChangesWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.copytrail")
	a := NewAutosaver(path, func() *Workspace { t.Error("snapshot taken without a change"); return nil }, AutosaveOptions{})
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err == nil {
		t.Error("a file was written without any change")
	}
}
