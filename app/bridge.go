package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
)

// errBusy is returned when a job is asked for while another runs.
var errBusy = errors.New("an import or analysis is already running; wait for it or cancel it")

// Bridge runs the engine off the UI goroutine and hands its progress and
// results to the widgets. It is the only code that calls fyne.Do. A job's
// result is applied only when the job finishes without error and was not
// cancelled, so Cancel leaves the workspace as it was.
type Bridge struct {
	win     fyne.Window
	running atomic.Bool
	wg      sync.WaitGroup

	mu     sync.Mutex
	cancel context.CancelFunc
	// ui serialises the closures handed to fyne.Do: the desktop driver runs
	// them on one goroutine anyway, the test driver on the caller's.
	ui sync.Mutex

	// last progress, handed to the UI goroutine at most once per frame
	latest  atomic.Pointer[provenance.Progress]
	pending atomic.Bool

	eta stageClock // when the stage shown began, for the time left

	bar   *widget.ProgressBar
	stage *widget.Label
	dlg   *dialog.CustomDialog
}

// NewBridge returns a bridge that shows its progress dialog over win.
func NewBridge(win fyne.Window) *Bridge {
	b := &Bridge{win: win}
	b.bar = &widget.ProgressBar{Max: 1}
	b.stage = &widget.Label{Text: "Starting…", Truncation: fyne.TextTruncateEllipsis}
	return b
}

// Job is a unit of background work. It returns apply, run on the UI
// goroutine when the job succeeded, or an error to show.
type Job func(ctx context.Context, progress ProgressFunc) (apply func(), err error)

// Busy reports whether a job is running.
func (b *Bridge) Busy() bool { return b.running.Load() }

// Run starts job in the background with a progress dialog titled title and
// a Cancel button. It must be called on the UI goroutine.
func (b *Bridge) Run(title string, job Job) error {
	if !b.running.CompareAndSwap(false, true) {
		return errBusy
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.mu.Lock()
	b.cancel = cancel
	b.mu.Unlock()
	b.bar.SetValue(0)
	b.stage.SetText("Starting…")
	b.eta = stageClock{}
	cancelBtn := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: b.Cancel}
	body := container.NewVBox(b.stage, b.bar)
	b.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, cancelBtn, nil, nil, body), b.win)
	b.dlg.Resize(fyne.NewSize(420, 160))
	b.dlg.Show()
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		defer cancel()
		apply, err := job(ctx, b.report)
		cancelled := ctx.Err() != nil
		fyne.DoAndWait(func() {
			b.ui.Lock()
			defer b.ui.Unlock()
			b.dlg.Hide()
			b.running.Store(false)
			switch {
			case cancelled:
				// Nothing applied: the workspace stays as it was.
			case err != nil:
				dialog.ShowError(fmt.Errorf("%s: %w", title, err), b.win)
			case apply != nil:
				apply()
			}
		})
	}()
	return nil
}

// Cancel stops the running job; its result is thrown away.
func (b *Bridge) Cancel() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cancel != nil {
		b.cancel()
		b.stage.SetText("Cancelling…")
	}
}

// Wait blocks until the running job (if any) has finished and its result
// has been applied. Tests use it; the UI never does.
func (b *Bridge) Wait() { b.wg.Wait() }

// report is the engine's progress callback: it never blocks, and hands the
// latest value to the UI goroutine.
func (b *Bridge) report(p provenance.Progress) {
	b.latest.Store(&p)
	if !b.pending.CompareAndSwap(false, true) {
		return
	}
	fyne.Do(func() {
		b.ui.Lock()
		defer b.ui.Unlock()
		b.pending.Store(false)
		q := b.latest.Load()
		if q == nil {
			return
		}
		b.bar.SetValue(q.Fraction())
		b.stage.SetText(b.eta.line(*q, time.Now()))
	})
}

// ShowLater shows fn's work on the UI goroutine from any goroutine (used by
// the autosaver's error callback).
func ShowLater(fn func()) { fyne.Do(fn) }
