// Package app is Copytrail's Fyne desktop UI: one file per screen, plus the
// bridge that runs the engine off the UI goroutine and hands its results and
// progress to the widgets (the only place that calls fyne.Do).
package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/copytrail/copytrail"
	"github.com/copytrail/copytrail/assets"
	_ "github.com/copytrail/copytrail/internal/localefix" // C/POSIX locales read as English
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
)

// Options are the window's command-line options.
type Options struct {
	// Paths are a workspace file or articles and folders to open.
	Paths []string
	// Demo opens the demo corpus even when a last workspace exists.
	Demo bool
	// Screen is the tab to show first (library, graph, matrix, compare,
	// families, settings).
	Screen string
	// Compare is "A,B" (document IDs, file names or title words) or "top"
	// (the strongest link) to open in the comparison.
	Compare string
	// Passage focuses that passage (1-based) in the comparison.
	Passage int
	// Mutation jumps to the first mutation of that kind (e.g.
	// attribution-changed) in the comparison.
	Mutation string
	// Workshop starts in workshop mode; Hide hides outlets and dates.
	Workshop, Hide bool
	// Width and Height size the window.
	Width, Height float32
}

// ParseArgs reads the window's options.
func ParseArgs(args []string, stderr io.Writer) (Options, error) {
	var o Options
	fs := flag.NewFlagSet("copytrail", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.Demo, "demo", false, "open the embedded demo corpus")
	fs.StringVar(&o.Screen, "screen", "", "screen to show first: library, graph, matrix, compare, families, settings")
	fs.StringVar(&o.Compare, "compare", "", `articles to compare: "A,B" (IDs, file names or title words) or "top"`)
	fs.IntVar(&o.Passage, "passage", 0, "passage to focus in the comparison (1-based)")
	fs.StringVar(&o.Mutation, "mutation", "", "jump to the first mutation of this kind in the comparison (e.g. attribution-changed)")
	fs.BoolVar(&o.Workshop, "workshop", false, "start in workshop mode (large type, high contrast)")
	fs.BoolVar(&o.Hide, "hide", false, "hide outlets and dates (workshop guessing round)")
	w := fs.Float64("width", 1400, "window width")
	h := fs.Float64("height", 900, "window height")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.Paths, o.Width, o.Height = fs.Args(), float32(*w), float32(*h)
	return o, nil
}

// Run opens the main window and blocks until it is closed. args are the
// command-line options and paths to open (a workspace or articles); with
// none, the last workspace or, on first run, the embedded demo corpus.
func Run(args []string) int {
	o, err := ParseArgs(args, os.Stderr)
	if err != nil {
		return 2
	}
	a := fyneapp.NewWithID(copytrail.AppID())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Copytrail")
	w.Resize(fyne.NewSize(o.Width, o.Height))
	u := NewUI(a, w, DefaultEngine())
	u.Start(o)
	w.ShowAndRun()
	u.saver.Wait() // an autosave still writing when the window went
	return 0
}

// Start opens what the options ask for: paths, else the last workspace,
// else the demo corpus; then the requested screen and comparison once the
// analysis is ready.
func (u *UI) Start(o Options) {
	u.pendingStart = &o
	last := u.app.Preferences().String(prefLast)
	switch {
	case len(o.Paths) == 1 && strings.HasSuffix(o.Paths[0], ".copytrail"):
		u.OpenWorkspace(o.Paths[0])
	case len(o.Paths) == 1 && export.IsJSONLExport(o.Paths[0]):
		u.OpenExport(o.Paths[0])
	case len(o.Paths) > 0:
		u.AddPaths(o.Paths)
	case !o.Demo && last != "" && fileExists(last):
		u.OpenWorkspace(last)
	default:
		u.LoadDemo(assets.Demo())
	}
}

// applyStart shows the screen and comparison asked for on the command line,
// once the first analysis is in.
func (u *UI) applyStart() {
	o := u.pendingStart
	if o == nil || u.ws.Result == nil {
		return
	}
	u.pendingStart = nil
	r := u.ws.Result
	if o.Workshop && !u.workshop.On {
		u.ToggleWorkshop()
	}
	if o.Hide && !u.workshop.HideMetadata {
		u.ToggleHideMetadata()
	}
	if o.Compare != "" {
		if a, b, err := resolvePair(r, o.Compare); err == nil {
			u.Compare(a, b)
			if o.Passage > 0 {
				u.compare.Focus(o.Passage - 1)
			}
			for _, m := range u.compare.cmp.Mutations {
				if string(m.Kind) == o.Mutation {
					u.compare.jumpToMutation(m)
					break
				}
			}
		} else {
			fmt.Fprintln(os.Stderr, "copytrail:", err)
		}
	}
	if o.Screen == ScreenLibrary {
		u.showcaseLibrary()
	} else if o.Screen != "" {
		u.ShowScreen(o.Screen)
	}
	signalReady()
}

// showcaseLibrary is --screen library: the library widened, one article
// selected with the origin of each of its fields showing, and beside it
// the comparison with its closest match (what "Compare with closest match"
// opens).
func (u *UI) showcaseLibrary() {
	u.ShowLibrary(true)
	u.split.SetOffset(0.42)
	id := u.library.Showcase()
	if id == "" {
		return
	}
	if b := bestPartner(u.Result(), id); b != "" {
		u.Compare(b, id)
	}
}

// signalReady writes the file named by $COPYTRAIL_READY a moment after the
// first analysis is on screen, so scripts/screenshots.sh knows when to shoot.
func signalReady() {
	path := os.Getenv("COPYTRAIL_READY")
	if path == "" {
		return
	}
	time.AfterFunc(1500*time.Millisecond, func() {
		if err := os.WriteFile(path, []byte("ready\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "copytrail:", err)
		}
	})
}

// resolvePair finds the two documents named by spec: "top" is the link with
// the most confidence (then most shared words); otherwise "A,B".
func resolvePair(r *provenance.Result, spec string) (a, b string, err error) {
	if spec == "top" {
		best := -1
		for i, l := range r.Links {
			if best < 0 || l.Confidence > r.Links[best].Confidence {
				best = i
			}
		}
		if best < 0 {
			return "", "", fmt.Errorf("no links to compare")
		}
		return r.Links[best].Source, r.Links[best].Target, nil
	}
	parts := strings.SplitN(spec, ",", 2)
	if len(parts) != 2 {
		return "", "", fmt.Errorf("--compare wants A,B or top, not %q", spec)
	}
	if a, err = resolveDoc(r, parts[0]); err != nil {
		return "", "", err
	}
	b, err = resolveDoc(r, parts[1])
	return a, b, err
}

// resolveDoc finds a document by ID, file name (with or without extension),
// or a case-insensitive piece of its title or outlet.
func resolveDoc(r *provenance.Result, name string) (string, error) {
	name = strings.TrimSpace(name)
	low := strings.ToLower(name)
	for _, d := range r.Documents {
		base := baseName(d.Path)
		if d.ID == name || base == name || strings.TrimSuffix(base, extOf(base)) == name {
			return d.ID, nil
		}
	}
	for _, d := range r.Documents {
		if strings.EqualFold(d.Meta.Outlet.Value, name) {
			return d.ID, nil
		}
	}
	for _, d := range r.Documents {
		if strings.Contains(strings.ToLower(d.Label()), low) || strings.Contains(strings.ToLower(d.Meta.Outlet.Value), low) {
			return d.ID, nil
		}
	}
	return "", fmt.Errorf("no article matches %q", name)
}

func extOf(p string) string {
	if i := strings.LastIndexByte(p, '.'); i > 0 {
		return p[i:]
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
