package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance/store"
)

func newTestCompare(t *testing.T, words int) (*CompareView, *fakeNav, fyne.Window) {
	t.Helper()
	newTestApp(t)
	nav := &fakeNav{r: synthResult(words)}
	v := NewCompareView(nav, nav)
	w := test.NewWindow(v.CanvasObject())
	w.Resize(fyne.NewSize(1000, 640))
	t.Cleanup(w.Close)
	v.Show("docA", "docB")
	return v, nav, w
}

// runsOf returns every run of a pane's lines.
func runsOf(p *textPane) []textRun {
	var out []textRun
	for _, l := range p.lines {
		out = append(out, l.Runs...)
	}
	return out
}

func TestCompareNumbersEveryPassageOnBothSides(t *testing.T) {
	v, nav, _ := newTestCompare(t, 800)
	want := len(nav.r.Passages)
	for _, p := range []*textPane{v.left, v.right} {
		badges := map[int]bool{}
		for _, r := range runsOf(p) {
			if r.Badge > 0 {
				badges[r.Badge] = true
			}
		}
		if len(badges) != want {
			t.Errorf("want %d numbered passages, got %d", want, len(badges))
		}
	}
	if got := v.summary.Text; got == "" || got[0] < '0' || got[0] > '9' {
		t.Errorf("summary should start with a percentage: %q", got)
	}
}

func TestCompareWordDiffMarksDeletedAndInserted(t *testing.T) {
	v, nav, _ := newTestCompare(t, 400)
	m := nav.r.Mutations[0]
	find := func(p *textPane, off int) wordStyle {
		for _, w := range p.doc.Words {
			if w.Start == off {
				return w.Style
			}
		}
		t.Fatalf("no word at %d", off)
		return wordStyle{}
	}
	if st := find(v.left, m.SourceStart); st.Op != '-' || st.Passage == 0 || !st.Mutation {
		t.Errorf("changed word on A: want struck, in a passage, flagged; got %+v", st)
	}
	if st := find(v.right, m.TargetStart); st.Op != '+' || st.Passage == 0 {
		t.Errorf("changed word on B: want underlined in a passage; got %+v", st)
	}
	// words outside passages are plain
	if st := find(v.left, 0); st.Passage != 0 || st.Op != 0 {
		t.Errorf("first word of A is not shared: %+v", st)
	}
}

func TestComparePassageNavigation(t *testing.T) {
	v, nav, _ := newTestCompare(t, 3000)
	n := len(nav.r.Passages)
	v.Next()
	if v.Current() != 0 {
		t.Fatalf("first N should focus passage 0, got %d", v.Current())
	}
	for range 3 {
		v.Next()
	}
	if v.Current() != 3 {
		t.Fatalf("want passage 3, got %d", v.Current())
	}
	p := v.cmp.Passages[3]
	// both sides show the focused passage
	for _, side := range []struct {
		pane *textPane
		off  int
	}{{v.left, p.A.Start}, {v.right, p.B.Start}} {
		y := float32(lineOf(side.pane.lines, side.off)) * side.pane.lineH
		top := side.pane.scroll.Offset.Y
		if y < top || y > top+side.pane.scroll.Size().Height {
			t.Errorf("passage 4 at y=%v not in view [%v, +%v]", y, top, side.pane.scroll.Size().Height)
		}
	}
	v.Previous()
	v.Previous()
	if v.Current() != 1 {
		t.Errorf("want passage 1 after two P, got %d", v.Current())
	}
	v.Focus(0)
	v.Previous()
	if v.Current() != n-1 {
		t.Errorf("P on the first passage wraps to the last: got %d", v.Current())
	}
}

func TestCompareTapPassageScrollsOtherSide(t *testing.T) {
	v, _, _ := newTestCompare(t, 3000)
	last := v.cmp.Passages[len(v.cmp.Passages)-1]
	v.left.ScrollToOffset(last.A.Start)
	// find the run of the last passage on the left and tap it
	li := lineOf(v.left.lines, last.A.Start)
	var run textRun
	for _, r := range v.left.lines[li].Runs {
		if r.Style.Passage == last.N && r.Badge == 0 {
			run = r
			break
		}
	}
	if run.Text == "" {
		t.Fatalf("no run of passage %d on line %d", last.N, li)
	}
	before := v.right.scroll.Offset.Y
	pos := fyne.NewPos(run.X+run.W/2+4, float32(li)*v.left.lineH+v.left.lineH/2+4)
	test.TapAt(v.left.body, pos)
	if v.Current() != last.N-1 {
		t.Fatalf("tap should focus passage %d, got %d", last.N-1, v.Current())
	}
	y := float32(lineOf(v.right.lines, last.B.Start)) * v.right.lineH
	top := v.right.scroll.Offset.Y
	if top == before || y < top || y > top+v.right.scroll.Size().Height {
		t.Errorf("right side did not scroll to the counterpart: y=%v top=%v (before %v)", y, top, before)
	}
}

func TestCompareDecisionsAndNotes(t *testing.T) {
	v, nav, _ := newTestCompare(t, 300)
	test.Tap(v.confirm)
	if d := nav.Decision("docA", "docB"); d.Verdict != store.VerdictConfirmed {
		t.Fatalf("confirm: got %+v", d)
	}
	test.Tap(v.dismiss)
	if d := nav.Decision("docA", "docB"); d.Verdict != store.VerdictDismissed {
		t.Fatalf("dismiss: got %+v", d)
	}
	test.Type(v.note, "checked with the editor")
	if d := nav.Decision("docA", "docB"); d.Note != "checked with the editor" || d.Verdict != store.VerdictDismissed {
		t.Fatalf("note: got %+v", d)
	}
}

func TestCompareHidesDatesInWorkshop(t *testing.T) {
	v, nav, _ := newTestCompare(t, 300)
	nav.ws = WorkshopState{On: true, HideMetadata: true}
	v.Show("docA", "docB")
	for _, s := range []string{v.metaA.Text, v.metaB.Text, v.evidence.Text, v.reasons.Text} {
		for _, leak := range []string{"2024", "Coast Courier", "Daily Wire", "earlier"} {
			if contains(s, leak) {
				t.Errorf("hidden metadata %q shown in %q", leak, s)
			}
		}
	}
	nav.ws.HideMetadata = false
	v.Show("docA", "docB")
	if !contains(v.metaA.Text, "Coast Courier") || !contains(v.metaA.Text, "18 Mar 2024") {
		t.Errorf("reveal should show outlet and date: %q", v.metaA.Text)
	}
}

func TestCompareInvertsPassagesStoredTheOtherWay(t *testing.T) {
	newTestApp(t)
	r := synthResult(300)
	c := newComparison(r, "docB", "docA")
	p, q := c.Passages[0], r.Passages[0]
	if p.A != q.BSpan() || p.B != q.ASpan() {
		t.Fatalf("spans not swapped: %+v vs %+v", p, q)
	}
	for i, op := range p.Diff {
		want := map[string]string{"=": "=", "-": "+", "+": "-"}[q.Diff[i].Op]
		if op.Op != want {
			t.Errorf("op %d: want %s got %s", i, want, op.Op)
		}
	}
	if c.ACoverage != r.Pairs[0].BCoverage {
		t.Errorf("coverage not swapped")
	}
}

func contains(s, sub string) bool { return len(sub) > 0 && strings.Contains(s, sub) }

// A diff run that ends inside a word as the eye splits them ("(" and
// "LOA)") or a spelling the other side writes differently must not shift
// the marks: words both texts have are never marked as one side's.
func TestDiffMarksOnlyTheWordsOneSideHas(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	common := " approved the filter plan for the eastern villages after a winter of tests at the reservoir, and its inspectors will start work in the spring. "
	a := "The Lake Ombra Authority (LOA) on Monday" + common + "The regional water agency signed off on the two-stage filters that the Riverton council ordered last year for every school."
	b := "The Lake Ombra Authority on Monday" + common + "The Kestovian regional water agency signed off on the two-stage filters that the Riverton council ordered last year for every school."
	u.AddDocument(u.eng.FromText(a, pastedMeta("Filter plan approved", "Ombra Wire", "2025-03-01")))
	u.bridge.Wait()
	u.AddDocument(u.eng.FromText(b, pastedMeta("Villages get filters", "Riverton Post", "2025-03-02")))
	u.bridge.Wait()
	if len(u.ws.Documents) != 2 || len(u.ws.Result.Passages) == 0 {
		t.Fatalf("%d documents, %d passages", len(u.ws.Documents), len(u.ws.Result.Passages))
	}
	da, db := u.ws.Documents[0], u.ws.Documents[1]
	u.Compare(da.ID, db.ID)
	marked := func(sd *styledDoc) map[string]bool {
		m := map[string]bool{}
		for _, w := range sd.Words {
			if w.Style.Op != 0 {
				m[sd.Text[w.Start:w.End]] = true
			}
		}
		return m
	}
	left, right := marked(u.compare.left.doc), marked(u.compare.right.doc)
	if !left["(LOA)"] {
		t.Errorf("A's own “(LOA)” is not struck through: %v", left)
	}
	if !right["Kestovian"] {
		t.Errorf("B's own “Kestovian” is not underlined: %v", right)
	}
	for _, w := range []string{"regional", "water", "agency", "signed", "off", "Monday", "filters"} {
		if left[w] || right[w] {
			t.Errorf("%q is in both texts but marked as one side's (A %v, B %v)", w, left, right)
		}
	}
}
