package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
)

func familiesWindow(t *testing.T, nav *viewsNav) (*FamiliesView, fyne.Window) {
	t.Helper()
	viewsApp(t)
	v := NewFamiliesView(nav)
	return v, viewsWindow(t, v.CanvasObject(), 900, 600)
}

// timelineButtons are the member links of the shown timeline, in order.
func timelineButtons(v *FamiliesView) []*widget.Hyperlink {
	var out []*widget.Hyperlink
	for _, o := range visibleObjects(v.timeline) {
		if b, ok := o.(*widget.Hyperlink); ok {
			out = append(out, b)
		}
	}
	return out
}

// tapLink clicks on a link's text (a hyperlink ignores clicks beside it).
func tapLink(h *widget.Hyperlink) {
	test.TapAt(h, fyne.NewPos(3*theme.Padding(), h.Size().Height/2))
}

func TestFamilyOrder_ByReachThenWords(t *testing.T) {
	r := viewsResult()
	r.Families = append(r.Families,
		provenance.Family{ID: "f-long-pair", Words: 99, Members: []provenance.FamilyMember{{Doc: "w"}, {Doc: "b"}}},
		// The same document twice still counts once.
		provenance.Family{ID: "f-repeat", Words: 5, Members: []provenance.FamilyMember{{Doc: "w"}, {Doc: "w", Start: 50}, {Doc: "w", Start: 90}}})
	var got []string
	for _, i := range familyOrder(r) {
		got = append(got, r.Families[i].ID)
	}
	if s := strings.Join(got, ","); s != "f-wide,f-long-pair,f-short,f-repeat" {
		t.Errorf("order %s", s)
	}
}

func TestFamilyTimeline_ByDateUndatedLast(t *testing.T) {
	r := viewsResult()
	f := r.Families[1]
	var got []string
	for _, e := range familyTimeline(r, f, false) {
		got = append(got, strings.TrimSpace(e.Doc+"@"+e.When+" "+e.After))
	}
	if s := strings.Join(got, " "); s != "r@1 Mar 2024 w@2 Mar 2024 +33 h b@3 Mar 2024 +2 days u@undated" {
		t.Errorf("timeline %s", s)
	}
	hidden := familyTimeline(r, f, true)
	var labels []string
	for _, e := range hidden {
		if e.When != "" || e.After != "" || e.Origin || strings.Contains(e.Label, "—") {
			t.Errorf("workshop timeline leaks metadata: %+v", e)
		}
		labels = append(labels, e.Label)
	}
	if s := strings.Join(labels, "|"); s != "Ferry terminal opens after delays|Harbour opens new ferry terminal|Our view on the ferry terminal|Undated note on harbour works" {
		t.Errorf("workshop order %s", s)
	}
}

func TestFamilyMutations_OnlyInsideMembers(t *testing.T) {
	r := viewsResult()
	got := familyMutations(r, r.Families[1])
	if len(got) != 1 || got[0].Kind != provenance.MutationNumber {
		t.Errorf("family mutations %+v, want the number change only", got)
	}
	if got := familyMutations(r, r.Families[0]); len(got) != 0 {
		t.Errorf("the common-source family has mutations %+v", got)
	}
}

func TestFamiliesView_ShowsWidestFamilyAndComparesMembers(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, _ := familiesWindow(t, nav)
	if v.selected != 0 || v.result.Families[v.order[0]].ID != "f-wide" {
		t.Fatalf("selected %d, first %v", v.selected, v.order)
	}
	if v.heading.Text != "Carried by 4 articles · 12 words" {
		t.Errorf("heading %q", v.heading.Text)
	}
	if v.snippet.Text != "“the terminal will carry two thousand passengers”" {
		t.Errorf("snippet %q", v.snippet.Text)
	}
	if !strings.Contains(v.witness.Text, "Harbour opens new ferry terminal — Port Authority, 1 Mar 2024") {
		t.Errorf("witness %q", v.witness.Text)
	}
	buttons := timelineButtons(v)
	if len(buttons) != 4 || !strings.HasSuffix(buttons[0].Text, "(earliest witness)") ||
		!strings.HasPrefix(buttons[3].Text, "4. Undated note") {
		var texts []string
		for _, b := range buttons {
			texts = append(texts, b.Text)
		}
		t.Fatalf("timeline buttons %q", texts)
	}
	// The strip above the list places the three dated members on a time axis.
	if len(v.strip.Objects) != 1 {
		t.Fatalf("strip holds %d objects", len(v.strip.Objects))
	}
	strip := v.strip.Objects[0].(*fyne.Container).Layout.(*timelineStrip)
	if got := strip.fractions; len(got) != 3 || got[0] != 0 || got[2] != 1 || got[1] <= 0 || got[1] >= 1 {
		t.Errorf("strip positions %v, want 0 < middle < 1", got)
	}
	var undated bool
	for _, o := range visibleObjects(v.timeline) {
		if l, ok := o.(*widget.Label); ok && l.Text == "undated" {
			undated = true
		}
	}
	if !undated {
		t.Error("the undated member is not marked undated")
	}
	tapLink(buttons[2])
	if len(nav.compared) != 1 || nav.compared[0] != [2]string{"r", "b"} {
		t.Errorf("tapping the blog compared %v, want [[r b]]", nav.compared)
	}
	tapLink(buttons[0])
	if len(nav.selected) != 1 || nav.selected[0] != "r" {
		t.Errorf("tapping the origin selected %v", nav.selected)
	}
	var mutations []string
	for _, o := range visibleObjects(v.mutations) {
		if l, ok := o.(*widget.Label); ok {
			mutations = append(mutations, l.Text)
		}
	}
	if len(mutations) != 1 || !strings.HasPrefix(mutations[0], "number changed: “two thousand” → “three thousand”") {
		t.Errorf("mutations %q", mutations)
	}
	for _, o := range visibleObjects(v.mutations) {
		if b, ok := o.(*widget.Button); ok {
			test.Tap(b)
		}
	}
	if n := len(nav.compared); n != 2 || nav.compared[1] != [2]string{"r", "w"} {
		t.Errorf("the mutation's compare button opened %v, want [r w] last", nav.compared)
	}
}

func TestFamiliesView_NoOriginComparesAgainstEarliest(t *testing.T) {
	nav := &viewsNav{result: viewsResult()}
	v, _ := familiesWindow(t, nav)
	v.list.Select(1)
	if !strings.Contains(v.witness.Text, "undecided") {
		t.Errorf("witness %q", v.witness.Text)
	}
	v.Refresh(nav.result)
	if v.selected != 1 || v.shownID != "f-short" {
		t.Errorf("refresh moved the selection to %d (%s)", v.selected, v.shownID)
	}
	buttons := timelineButtons(v)
	if len(buttons) != 2 {
		t.Fatalf("%d buttons", len(buttons))
	}
	tapLink(buttons[1])
	if len(nav.compared) != 1 || nav.compared[0] != [2]string{"r", "u"} {
		t.Errorf("compared %v, want [[r u]]", nav.compared)
	}
	if got := v.mutations.Objects[0].(*widget.Label).Text; !strings.HasPrefix(got, "None found") {
		t.Errorf("mutations %q", got)
	}
}

func TestFamiliesView_WorkshopHidesWitness(t *testing.T) {
	nav := &viewsNav{result: viewsResult(), ws: WorkshopState{On: true, HideMetadata: true}}
	v, _ := familiesWindow(t, nav)
	if !strings.Contains(v.witness.Text, "hidden") || len(v.strip.Objects) != 0 {
		t.Errorf("witness %q, %d strip objects: the order must stay hidden", v.witness.Text, len(v.strip.Objects))
	}
	for _, b := range timelineButtons(v) {
		if strings.Contains(b.Text, "Port Authority") || strings.Contains(b.Text, "earliest") {
			t.Errorf("workshop timeline shows %q", b.Text)
		}
	}
}

func TestFamiliesView_EmptyStates(t *testing.T) {
	v, _ := familiesWindow(t, &viewsNav{result: &provenance.Result{}})
	if !v.empty.Visible() || !strings.HasPrefix(v.empty.Text, "No articles yet") {
		t.Errorf("no documents: %q", v.empty.Text)
	}
	r := viewsResult()
	r.Families = nil
	v.Refresh(r)
	if !v.empty.Visible() || !strings.Contains(v.empty.Text, "No passage travels") {
		t.Errorf("no families: %q", v.empty.Text)
	}
	v.Refresh(viewsResult())
	if v.empty.Visible() || v.selected != 0 {
		t.Errorf("with families: empty %v, selected %d", v.empty.Visible(), v.selected)
	}
}

// wireFamily is a result of n dated articles all carrying one passage: a
// wire story, with a change of a number in every second copy.
func wireFamily(n int) *provenance.Result {
	r := &provenance.Result{}
	f := provenance.Family{ID: "wire", Origin: "d000", Words: 40, Snippet: "the council approved the budget"}
	t0 := time.Date(2024, 3, 1, 6, 0, 0, 0, time.UTC)
	for i := range n {
		id := fmt.Sprintf("d%03d", i)
		r.Documents = append(r.Documents, provenance.Document{ID: id, Text: strings.Repeat("word ", 60), Words: 60,
			Meta: provenance.Metadata{Title: provenance.Field{Value: fmt.Sprintf("Budget story %d", i)},
				Outlet:    provenance.Field{Value: fmt.Sprintf("Paper %d", i)},
				Published: provenance.Field{Value: t0.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)}}})
		f.Members = append(f.Members, provenance.FamilyMember{Doc: id, Start: 0, End: 200})
		if i > 0 && i%2 == 0 {
			r.Mutations = append(r.Mutations, provenance.Mutation{Kind: provenance.MutationNumber, Source: "d000", Target: id,
				SourceText: "12", TargetText: "13", SourceStart: 10, SourceEnd: 12, TargetStart: 10, TargetEnd: 12})
		}
	}
	r.Families = []provenance.Family{f, {ID: "local", Origin: "d001", Words: 30, Snippet: "a local note",
		Members: []provenance.FamilyMember{{Doc: "d001", End: 100}, {Doc: "d003", End: 100}, {Doc: "d005", End: 100}}}}
	return r
}

// TestFamilyOfHundredsListsItsFirstCarriers: a family carried by 130
// articles lists its first 50 carriers (earliest first) and changes, and a
// button lists 50 more each time until all are; after another family it
// starts again at 50.
func TestFamilyOfHundredsListsItsFirstCarriers(t *testing.T) {
	nav := &viewsNav{result: wireFamily(130)}
	v, _ := familiesWindow(t, nav)
	more := func(c *fyne.Container) *widget.Button {
		for _, o := range c.Objects {
			if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Show") {
				return b
			}
		}
		return nil
	}
	for _, want := range []int{50, 100, 130} {
		buttons := timelineButtons(v)
		if len(buttons) != want || !strings.HasPrefix(buttons[0].Text, "1. Budget story 0") ||
			!strings.HasPrefix(buttons[want-1].Text, fmt.Sprintf("%d. Budget story %d", want, want-1)) {
			t.Fatalf("%d carriers listed (first %q), want %d", len(buttons), buttons[0].Text, want)
		}
		changes := 0
		for _, o := range v.mutations.Objects {
			if _, ok := o.(*fyne.Container); ok {
				changes++
			}
		}
		if wantChanges := min(want, 64); changes != wantChanges {
			t.Errorf("%d changes listed, want %d", changes, wantChanges)
		}
		b := more(v.timeline)
		if want == 130 {
			if b != nil {
				t.Errorf("every carrier is listed, yet %q", b.Text)
			}
			break
		}
		if b == nil || !strings.Contains(b.Text, fmt.Sprint(130-want)) || !strings.Contains(b.Text, "carriers") {
			t.Fatalf("no button for the %d carriers not listed: %v", 130-want, b)
		}
		test.Tap(b)
	}
	// The strip above holds all 130 on its width, numbered where a number
	// clears the last one shown.
	strip := v.strip.Objects[0].(*fyne.Container)
	strip.Resize(fyne.NewSize(600, stripHeight))
	lastEnd, shown := float32(-1), 0
	for i, o := range strip.Objects[1:] {
		if i%2 == 0 { // a dot
			if o.Position().X < 0 || o.Position().X+o.Size().Width > 600 {
				t.Fatalf("dot %d at %v is off the strip", i/2+1, o.Position())
			}
			continue
		}
		if o.Visible() {
			if o.Position().X < lastEnd {
				t.Fatalf("number %q overlaps the one before it", o.(*canvas.Text).Text)
			}
			lastEnd, shown = o.Position().X+o.Size().Width, shown+1
		}
	}
	if shown < 10 || shown == 130 {
		t.Errorf("%d of 130 numbers shown on a 600 px strip", shown)
	}
	v.list.Select(1)
	if n := len(timelineButtons(v)); n != 3 {
		t.Fatalf("the other family lists %d carriers", n)
	}
	v.list.Select(0)
	if n := len(timelineButtons(v)); n != 50 {
		t.Errorf("shown again, %d carriers listed", n)
	}
}
