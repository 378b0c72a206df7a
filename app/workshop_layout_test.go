package app

import (
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// fullLineWords counts the words of each line of p that the wrapping
// ended (not one a line break in the text ended), as they are drawn.
func fullLineWords(p *textPane) []int {
	breaks := map[int]int{} // word start → line breaks before it
	for _, w := range p.doc.Words {
		breaks[w.Start] = w.Breaks
	}
	var out []int
	for i, l := range p.lines {
		if i+1 >= len(p.lines) || len(l.Runs) == 0 || len(p.lines[i+1].Runs) == 0 || breaks[p.lines[i+1].Start] > 0 {
			continue // a line the text itself ends is short by nature
		}
		n := 0
		for _, r := range l.Runs {
			if r.Badge == 0 {
				n += len(strings.Fields(r.Text))
			}
		}
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// A projector-size window in workshop mode gives the two texts the width:
// the library collapses, the side panel closes, and each text holds at
// least ten words a line at workshop type size.
func TestWorkshopLayoutOnAProjector(t *testing.T) {
	u := demoUI(t)
	u.win.Resize(fyne.NewSize(1280, 720))
	u.ToggleWorkshop()
	best := u.ws.Result.Links[0]
	u.Compare(best.Source, best.Target)
	u.ShowScreen(ScreenCompare)
	u.win.Resize(fyne.NewSize(1280, 721))
	u.win.Resize(fyne.NewSize(1280, 720))
	if u.libraryShown || u.compare.side.Visible() || u.compare.decide.Visible() {
		t.Fatalf("workshop mode keeps the library %v, side panel %v, verdict row %v", u.libraryShown, u.compare.side.Visible(), u.compare.decide.Visible())
	}
	for side, p := range map[string]*textPane{"A": u.compare.left, "B": u.compare.right} {
		words := fullLineWords(p)
		if len(words) < 5 {
			t.Fatalf("side %s: %d full lines", side, len(words))
		}
		median := words[len(words)/2]
		t.Logf("side %s: %.0f px wide, wrap %.0f, text %.0f px, words a line %v", side, p.Size().Width, p.wrapW, p.size, words)
		if median < 10 {
			t.Errorf("side %s: median %d words a line at workshop size (%v), want ≥ 10", side, median, words)
		}
	}
	// Leaving workshop mode brings the library and the panel back.
	u.ToggleWorkshop()
	if !u.libraryShown || !u.compare.side.Visible() || !u.compare.decide.Visible() {
		t.Errorf("after workshop mode: library %v, side panel %v, verdict row %v", u.libraryShown, u.compare.side.Visible(), u.compare.decide.Visible())
	}
}
