package app

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
)

// FamiliesView lists the passages that travel across several articles, by
// reach, and shows the chosen one's earliest witness, a timeline of who
// carried it when, and the mutations along the way.
type FamiliesView struct {
	nav      Navigator
	result   *provenance.Result
	order    []int  // indexes into result.Families, widest reach first
	selected int    // position in order; -1 for none
	shownID  string // ID of the family in the detail pane

	list      *navList
	heading   *widget.Label
	snippet   *widget.Label
	witness   *widget.Label
	strip     *fyne.Container // holds the timeline strip, when there is one
	timeline  *fyne.Container
	mutations *fyne.Container
	empty     *widget.Label // the empty state's message
	pane      *emptyPane
	// rows is how many carriers and changes of family rowsOf are listed.
	rows   int
	rowsOf string
}

// timelineEntry is one member of a family on its timeline.
type timelineEntry struct {
	Doc    string
	Label  string // title, with the outlet unless hidden
	When   string // publication day, "undated", or "" when hidden
	Dated  bool
	After  string // time since the first dated member, e.g. "+33 h"; "" for the first
	time   time.Time
	Origin bool // the family's earliest witness
}

// sinceFirst puts the delay between the first carrier and a later one in words.
func sinceFirst(d time.Duration) string {
	switch {
	case d <= 0:
		return "same time"
	case d < time.Hour:
		return fmt.Sprintf("+%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("+%d h", int(d.Hours()))
	default:
		return fmt.Sprintf("+%d days", int(d.Hours()/24))
	}
}

// familyReach is the number of distinct documents carrying a family.
func familyReach(f provenance.Family) int {
	seen := map[string]bool{}
	for _, m := range f.Members {
		seen[m.Doc] = true
	}
	return len(seen)
}

// familyOrder sorts families by reach, then length, then ID.
func familyOrder(r *provenance.Result) []int {
	order := make([]int, len(r.Families))
	reach := make([]int, len(r.Families))
	for i, f := range r.Families {
		order[i], reach[i] = i, familyReach(f)
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := r.Families[order[a]], r.Families[order[b]]
		if reach[order[a]] != reach[order[b]] {
			return reach[order[a]] > reach[order[b]]
		}
		if fa.Words != fb.Words {
			return fa.Words > fb.Words
		}
		return fa.ID < fb.ID
	})
	return order
}

// familyTimeline lists a family's documents by publication time, undated
// ones last. With hide (workshop guessing) dates and outlets are left out
// and members are sorted by title, so the list gives nothing away.
func familyTimeline(r *provenance.Result, f provenance.Family, hide bool) []timelineEntry {
	docs := r.DocIndex()
	seen := map[string]bool{}
	var out []timelineEntry
	for _, m := range f.Members {
		if seen[m.Doc] {
			continue
		}
		seen[m.Doc] = true
		e := timelineEntry{Doc: m.Doc, Label: m.Doc, Origin: m.Doc == f.Origin && !hide}
		if i, ok := docs[m.Doc]; ok {
			d := &r.Documents[i]
			e.Label = d.Label()
			if !hide {
				e.Label += " — " + outletOf(d)
				e.time, e.Dated = d.Meta.PublishedTime()
				e.When = dateLabel(d)
			}
		} else if !hide {
			e.When = "undated"
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		switch {
		case hide:
			return x.Label < y.Label
		case x.Dated != y.Dated:
			return x.Dated
		}
		if x.Dated && !x.time.Equal(y.time) {
			return x.time.Before(y.time)
		}
		return x.Label < y.Label
	})
	if !hide && len(out) > 0 && out[0].Dated {
		for i := 1; i < len(out) && out[i].Dated; i++ {
			out[i].After = sinceFirst(out[i].time.Sub(out[0].time))
		}
	}
	return out
}

// familyMutations are the mutations whose target span lies in a member's
// copy of the family text and whose source is also a member.
func familyMutations(r *provenance.Result, f provenance.Family) []provenance.Mutation {
	spans := map[string][]provenance.Span{}
	for _, m := range f.Members {
		spans[m.Doc] = append(spans[m.Doc], provenance.Span{Start: m.Start, End: m.End})
	}
	inside := func(doc string, start, end int) bool {
		for _, s := range spans[doc] {
			if start < s.End && s.Start < end || start == end && s.Start <= start && start <= s.End {
				return true
			}
		}
		return false
	}
	var out []provenance.Mutation
	for _, mu := range r.Mutations {
		if _, ok := spans[mu.Source]; ok && inside(mu.Target, mu.TargetStart, mu.TargetEnd) {
			out = append(out, mu)
		}
	}
	return out
}

// NewFamiliesView builds the families screen; call Refresh with a result to fill it.
func NewFamiliesView(nav Navigator) *FamiliesView {
	v := &FamiliesView{nav: nav, selected: -1}
	v.list = newNavList(func() int { return len(v.order) }, v.createItem, v.updateItem, v.onSelected)
	v.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	v.snippet = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}}
	v.witness = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.strip = container.NewStack()
	v.timeline = container.NewVBox()
	v.mutations = container.NewVBox()
	// The right padding keeps the buttons clear of the scroll bar.
	detail := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()+theme.Padding()), container.NewVBox(
		v.heading, v.snippet, v.witness,
		&widget.Label{Text: "Who carried it when", TextStyle: fyne.TextStyle{Bold: true}},
		v.strip,
		v.timeline,
		&widget.Label{Text: "Changes along the way", TextStyle: fyne.TextStyle{Bold: true}},
		v.mutations,
	)))
	split := container.NewHSplit(v.list, detail)
	split.Offset = 0.35
	v.pane = newEmptyPane(split)
	v.empty = v.pane.message
	v.Refresh(nav.Result())
	return v
}

// CanvasObject is the screen's root object.
func (v *FamiliesView) CanvasObject() fyne.CanvasObject { return v.pane.box }

// Refresh shows r (nil shows the empty state) and selects the family shown
// before if it is still there, else the widest.
// It re-reads the workshop state, so call it after toggling workshop mode.
func (v *FamiliesView) Refresh(r *provenance.Result) {
	if r == nil {
		r = &provenance.Result{}
	}
	v.result = r
	v.order = familyOrder(r)
	switch {
	case len(v.order) > 0:
		v.pane.show("")
	case len(r.Documents) == 0:
		v.pane.show("No articles yet. Add articles and Copytrail lists here the passages that travel from one to the next.")
	default:
		v.pane.show(fmt.Sprintf("No passage travels across several of the %s. Families appear when the same text turns up in three or more articles, or in two with a clear line of descent.", plural(len(r.Documents), "article", "articles")))
	}
	keep := 0 // the family shown before, if it is still there
	if v.selected >= 0 && v.selected < len(v.order) && v.shownID != "" {
		for i, fi := range v.order {
			if r.Families[fi].ID == v.shownID {
				keep = i
			}
		}
	}
	v.list.UnselectAll()
	v.list.Refresh()
	v.selected = -1
	if len(v.order) > 0 {
		v.list.Select(keep)
	}
}

func (v *FamiliesView) createItem() fyne.CanvasObject {
	return container.NewVBox(
		&widget.Label{Text: "reach", TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: "snippet", Truncation: fyne.TextTruncateEllipsis},
	)
}

func (v *FamiliesView) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	f := v.result.Families[v.order[i]]
	box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s", plural(familyReach(f), "article", "articles"), plural(f.Words, "word", "words")))
	box.Objects[1].(*widget.Label).SetText(snippetOf(f))
}

// snippetOf is the family's snippet on one line, or a placeholder.
func snippetOf(f provenance.Family) string {
	if s := strings.Join(strings.Fields(f.Snippet), " "); s != "" {
		return "“" + s + "”"
	}
	return "(no snippet)"
}

func (v *FamiliesView) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(v.order) {
		return
	}
	v.selected = i
	v.shownID = v.result.Families[v.order[i]].ID
	v.showFamily(v.result.Families[v.order[i]])
}

// showFamily fills the detail pane for f.
func (v *FamiliesView) showFamily(f provenance.Family) {
	ws := v.nav.Workshop()
	v.heading.SetText(fmt.Sprintf("Carried by %s · %s", plural(familyReach(f), "article", "articles"), plural(f.Words, "word", "words")))
	v.snippet.SetText(snippetOf(f))
	entries := familyTimeline(v.result, f, ws.HideMetadata)
	origin := v.referenceDoc(f, entries)
	switch {
	case ws.HideMetadata:
		v.witness.SetText("Earliest witness: hidden until the reveal. Which one came first?")
	case f.Origin == "":
		v.witness.SetText("Earliest witness: undecided — the dates and the text do not show which came first.")
	default:
		label := f.Origin
		if d := v.result.Doc(f.Origin); d != nil {
			label = d.Label() + " — " + outletOf(d) + ", " + dateLabel(d)
		}
		v.witness.SetText("Earliest witness: " + label)
	}
	v.strip.RemoveAll()
	if strip := newTimelineStrip(entries); strip != nil {
		v.strip.Add(strip)
	}
	v.timeline.Layout = layout.NewVBoxLayout()
	if !ws.HideMetadata {
		v.timeline.Layout = layout.NewFormLayout() // dates in one column
	}
	if f.ID != v.rowsOf {
		v.rowsOf, v.rows = f.ID, familyRows
	}
	// A wire story carried by hundreds lists its first carriers, with a
	// button for more: every row is a widget laid out and shaped.
	var objs []fyne.CanvasObject
	for i, e := range entries[:min(len(entries), v.rows)] {
		text := strconv.Itoa(i+1) + ". " + e.Label
		if e.Origin {
			text += "  (earliest witness)"
		}
		btn := &widget.Hyperlink{Text: text, Truncation: fyne.TextTruncateEllipsis, OnTapped: v.memberTapped(origin, e.Doc)}
		if !ws.HideMetadata {
			when := &widget.Label{Text: strings.TrimSpace(e.When + "  " + e.After)}
			if !e.Dated {
				when.Importance = widget.WarningImportance
			}
			objs = append(objs, when)
		}
		objs = append(objs, btn)
	}
	if more := len(entries) - v.rows; more > 0 {
		if !ws.HideMetadata {
			objs = append(objs, layout.NewSpacer())
		}
		objs = append(objs, v.moreButton(f, more, "carrier", "carriers"))
	}
	v.timeline.Objects = objs
	muts := familyMutations(v.result, f)
	objs = nil
	if len(muts) == 0 {
		objs = append(objs, &widget.Label{Text: "None found: the text travelled without substantive changes.", Importance: widget.LowImportance})
	}
	for _, mu := range muts[:min(len(muts), v.rows)] {
		open := &widget.Button{Icon: theme.ViewRestoreIcon(), Importance: widget.LowImportance,
			OnTapped: func() { v.nav.Compare(mu.Source, mu.Target) }}
		objs = append(objs, container.NewBorder(nil, nil, nil, open,
			&widget.Label{Text: v.describeMutation(mu, ws.HideMetadata), Wrapping: fyne.TextWrapWord}))
	}
	if more := len(muts) - v.rows; more > 0 {
		objs = append(objs, v.moreButton(f, more, "change", "changes"))
	}
	v.mutations.Objects = objs
	v.timeline.Refresh()
	v.mutations.Refresh()
}

// familyRows is how many carriers and changes of a family are listed at
// first, and how many more each "Show more" adds.
const familyRows = 50

// moreButton lists familyRows more of f's carriers and changes; more is
// how many are not listed yet.
func (v *FamiliesView) moreButton(f provenance.Family, more int, one, many string) fyne.CanvasObject {
	text := fmt.Sprintf("Show %d more of the %s not listed", min(more, familyRows), plural(more, one, many))
	if more <= familyRows {
		text = "Show the " + plural(more, "other "+one, "other "+many)
	}
	return &widget.Button{Text: text, Icon: theme.MoreVerticalIcon(), Importance: widget.LowImportance, OnTapped: func() {
		v.rows += familyRows
		v.showFamily(f)
	}}
}

// referenceDoc is what members are compared against: the origin, else the
// first member on the timeline.
func (v *FamiliesView) referenceDoc(f provenance.Family, entries []timelineEntry) string {
	if f.Origin != "" {
		return f.Origin
	}
	if len(entries) > 0 {
		return entries[0].Doc
	}
	return ""
}

// memberTapped opens the comparison of the reference with a member; the
// reference itself is shown in the library instead.
func (v *FamiliesView) memberTapped(origin, member string) func() {
	return func() {
		if member == origin || origin == "" {
			v.nav.SelectDocument(member)
			return
		}
		v.nav.Compare(origin, member)
	}
}

// describeMutation puts a mutation in one line of plain words.
func (v *FamiliesView) describeMutation(mu provenance.Mutation, hide bool) string {
	name := func(id string) string {
		if d := v.result.Doc(id); d != nil {
			if hide {
				return d.Label()
			}
			return d.Label() + " (" + outletOf(d) + ")"
		}
		return id
	}
	if hide { // by article, with no arrow saying which came first
		return fmt.Sprintf("%s: %s “%s” · %s “%s”", hiddenKindWords(mu.Kind), name(mu.Source), mu.SourceText, name(mu.Target), mu.TargetText)
	}
	kind := mu.Kind.Words()
	s := fmt.Sprintf("%s: “%s” → “%s”  (%s → %s)", kind, mu.SourceText, mu.TargetText, name(mu.Source), name(mu.Target))
	if mu.Explanation != "" {
		s += "\n" + mu.Explanation
	}
	return s
}
