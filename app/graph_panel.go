package app

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
	"github.com/copytrail/copytrail/provenance/store"
)

// metadataSetter is what the graph panel needs to settle an undecided
// link in one step: set an article's date or role and re-analyse. The main
// window implements it; a screen's test fake may not, and then the panel
// offers no such buttons.
type metadataSetter interface {
	// SetDocField sets field "published" (as typed: read by dates.Parse)
	// or "role" (a provenance.Role) of a document and re-analyses.
	SetDocField(id, field, value string) error
	DateOrder() dates.Order
	Window() fyne.Window
}

// verdictReader gives the user's verdict on a link, for the drawing.
type verdictReader interface {
	Decision(source, target string) store.Decision
}

// showDetails fills the panel for the edge or node last hovered or chosen.
func (v *GraphView) showDetails() {
	v.actions.RemoveAll()
	l := &v.graph.layout
	v.compareBtn.Disable()
	switch {
	case v.shownNode >= 0 && v.shownNode < len(l.Nodes):
		v.details.SetText(v.describeNode(l.Nodes[v.shownNode]))
	case v.shown >= 0 && v.shown < len(l.Edges):
		e := l.Edges[v.shown]
		v.details.SetText(v.describe(e))
		v.compareBtn.Enable()
		v.addSettleButtons(e)
	default:
		msg := "Click an arrow to see who took from whom and why; point at an article for its full title. Double-click an arrow to compare the two texts. Keys: arrows step through the links, Enter compares, + and - zoom, 0 fits."
		if l.Undirected {
			msg = "Click a line to see what two articles share. Double-click it to compare the two texts. Keys: arrows step through the lines, Enter compares, + and - zoom, 0 fits."
		}
		v.details.SetText(msg)
	}
	v.actions.Refresh()
}

// describeAbsent says what a source outside the collection is: the
// articles whose shared text the links say came from it.
func (v *GraphView) describeAbsent(n GraphNode) string {
	l := &v.graph.layout
	var carriers []string
	for _, e := range l.Edges {
		if l.Nodes[e.From].ID == n.ID {
			if d := v.result.Doc(l.Nodes[e.To].ID); d != nil {
				carriers = append(carriers, "• “"+clip(d.Label(), 60)+"”")
			}
		}
	}
	return fmt.Sprintf("%s\nNot in the collection: the texts name it as the source they took their shared text from, and none of them is it.\n\n%s took from it:\n%s\n\nClick a line for the evidence; add the source itself to the library to trace who took from it directly.",
		n.Title, plural(len(carriers), "article", "articles"), strings.Join(carriers, "\n"))
}

// describeNode is an article's full title and metadata (or an outlet's
// article count), and the articles it shares text with, by short name.
func (v *GraphView) describeNode(n GraphNode) string {
	if v.byOutlet {
		return n.Title + "\n" + n.Detail
	}
	if n.Absent {
		return v.describeAbsent(n)
	}
	d := v.result.Doc(n.ID)
	if d == nil {
		return n.Title
	}
	var sb strings.Builder
	sb.WriteString("“" + d.Label() + "”\n")
	if !v.graph.layout.Undirected {
		sb.WriteString(docLine(d, ""))
	} else {
		fmt.Fprintf(&sb, "%d words", d.Words)
	}
	var others []string
	for _, e := range v.graph.layout.Edges {
		other := -1
		switch {
		case v.graph.layout.Nodes[e.From].ID == n.ID:
			other = e.To
		case v.graph.layout.Nodes[e.To].ID == n.ID:
			other = e.From
		}
		if other >= 0 {
			others = append(others, "“"+v.graph.layout.Nodes[other].Title+"”")
		}
	}
	if len(others) > 0 {
		sb.WriteString("\n\nShares text with:\n• " + strings.Join(others, "\n• "))
	}
	sb.WriteString("\n\nClick it to show the article in the library.")
	return sb.String()
}

// docLine is "Outlet · 5 Mar 2025 · wire agency · 335 words"; the outlet
// is left out when it is the article's short name already.
func docLine(d *provenance.Document, short string) string {
	var parts []string
	if o := orUnknown(d.Meta.Outlet.Value, "unknown outlet"); o != short {
		parts = append(parts, o)
	}
	parts = append(parts, orUnknown(showDate(d.Meta.Published.Value), "no date"))
	if r, ok := provenance.ParseRole(d.Meta.Role.Value); ok && r != provenance.RoleNone {
		parts = append(parts, r.Words())
	}
	return strings.Join(append(parts, plural(d.Words, "word", "words")), " · ")
}

// describe puts an edge in plain words: what it claims, the two articles
// under the short names the rest of the text uses, the confidence (or, for
// an undecided direction, that there is none to give), the shared counts,
// the user's verdict, the reasons and what would decide an undecided link.
// While outlets and dates are hidden it says only what the two share.
func (v *GraphView) describe(e GraphEdge) string {
	l := &v.graph.layout
	a, b := l.Nodes[e.From], l.Nodes[e.To]
	if l.Undirected {
		return fmt.Sprintf("%s and %s share text: %s.\n\nWho took from whom? Compare the texts, guess, then reveal (View ▸ Reveal outlets and dates).\n\nDouble-click the line or press Compare to see the texts side by side.",
			a.Title, b.Title, sharedText(v.result.Shared(a.ID, b.ID)))
	}
	if e.Link < 0 { // an outlet edge
		var sb strings.Builder
		fmt.Fprintf(&sb, "Copy between outlets\n%s reused text from %s.\n\nConfidence: %.0f%% (%s), the strongest of its article links\nWords in the evidence: %d",
			b.Title, a.Title, e.Confidence*100, confidenceWord(e.Confidence), e.Words)
		for _, r := range e.Reasons {
			sb.WriteString("\n• " + r)
		}
		sb.WriteString("\n\nDouble-click the arrow or press Compare to see the strongest article link side by side.")
		return sb.String()
	}
	ida, idb := v.edgeDocs(e)
	da, db := v.result.Doc(ida), v.result.Doc(idb)
	if da == nil || db == nil {
		return a.Title + " — " + b.Title
	}
	na, nb := shortNames(da, db)
	var sb strings.Builder
	switch e.Kind {
	case provenance.LinkCommonSource:
		fmt.Fprintf(&sb, "Common source: %s and %s both took text from a source that is not in the collection.", na, nb)
	case provenance.LinkUnknown:
		fmt.Fprintf(&sb, "Direction undecided: %s and %s share text, but the evidence does not say who took it from whom.", na, nb)
	default:
		fmt.Fprintf(&sb, "Copy: %s reused text from %s.", nb, na)
	}
	fmt.Fprintf(&sb, "\n\n%s: “%s”\n%s\n\n%s: “%s”\n%s", na, da.Label(), docLine(da, na), nb, db.Label(), docLine(db, nb))
	if e.Kind == provenance.LinkUnknown {
		fmt.Fprintf(&sb, "\n\nNo confidence is given: the clues fall short of the %.0f%% needed to name a source (Settings ▸ Lowest link confidence).",
			v.result.Settings.Lineage.MinConfidence*100)
	} else {
		fmt.Fprintf(&sb, "\n\nConfidence: %.0f%% (%s)", e.Confidence*100, confidenceWord(e.Confidence))
	}
	fmt.Fprintf(&sb, "\nShared: %s", sharedText(v.result.Shared(ida, idb)))
	switch e.Verdict {
	case store.VerdictConfirmed:
		sb.WriteString("\nYour verdict: confirmed")
	case store.VerdictDismissed:
		sb.WriteString("\nYour verdict: dismissed")
	}
	if len(e.Reasons) > 0 {
		sb.WriteString("\n\nWhy:")
		for _, r := range e.Reasons {
			sb.WriteString("\n• " + shortenNames(r, map[string]*provenance.Document{na: da, nb: db}, v.result.Documents...))
		}
	}
	if e.Kind == provenance.LinkUnknown && e.Link < len(v.result.Links) {
		if td := v.result.Links[e.Link].ToDecide; len(td) > 0 {
			sb.WriteString("\n\nWhat would decide it:")
			for _, s := range td {
				sb.WriteString("\n• " + shortenNames(s, map[string]*provenance.Document{na: da, nb: db}, v.result.Documents...))
			}
		}
	}
	sb.WriteString("\n\nDouble-click the arrow or press Compare to see the texts side by side.")
	return sb.String()
}

// addSettleButtons offers, under an undecided link, to set either article's
// date or role: the analysis re-runs and the panel shows how the link
// decides.
func (v *GraphView) addSettleButtons(e GraphEdge) {
	set, ok := v.nav.(metadataSetter)
	if !ok || e.Kind != provenance.LinkUnknown || e.Link < 0 || v.graph.layout.Undirected {
		return
	}
	ida, idb := v.edgeDocs(e)
	da, db := v.result.Doc(ida), v.result.Doc(idb)
	if da == nil || db == nil {
		return
	}
	na, nb := shortNames(da, db)
	v.actions.Add(&widget.Label{Text: "Settle it: give an article its date or role", TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	for _, side := range []struct {
		name string
		doc  *provenance.Document
	}{{na, da}, {nb, db}} {
		doc, name := side.doc, side.name
		pair := [2]string{da.ID, db.ID}
		date := &widget.Button{Text: name + ": date…", Icon: theme.CalendarIcon(), OnTapped: func() { v.askDate(set, doc, name, pair) }}
		role := &widget.Button{Text: name + ": role…", Icon: theme.AccountIcon(), OnTapped: func() { v.askRole(set, doc, name, pair) }}
		// One above the other: side by side, two outlets' names made the
		// panel so wide the graph beside it shrank to a strip.
		v.actions.Add(date)
		v.actions.Add(role)
	}
}

// askDate asks for an article's publication date, read as every date is.
func (v *GraphView) askDate(set metadataSetter, d *provenance.Document, name string, pair [2]string) {
	entry := newNavEntry()
	entry.PlaceHolder = "e.g. 1 June 2021"
	entry.SetText(d.Meta.Published.Value)
	entry.Validator = func(s string) error { _, err := dates.Parse(s, set.DateOrder()); return err }
	dialog.ShowForm("Publication date of "+name, "Set and re-analyse", "Cancel",
		[]*widget.FormItem{{Text: "Published", Widget: entry, HintText: "“" + clip(d.Label(), 60) + "”"}}, func(ok bool) {
			if ok {
				v.keepPair = pair
				if err := set.SetDocField(d.ID, "published", entry.Text); err != nil {
					dialog.ShowError(err, set.Window())
				}
			}
		}, set.Window())
}

// askRole asks for the role of an article's outlet.
func (v *GraphView) askRole(set metadataSetter, d *provenance.Document, name string, pair [2]string) {
	choice := newNavSelect(roleOptions(), nil)
	choice.SetSelected(roleWords(d.Meta.Role.Value))
	dialog.ShowForm("Role of "+name, "Set and re-analyse", "Cancel",
		[]*widget.FormItem{{Text: "Role", Widget: choice, HintText: "what the outlet of “" + clip(d.Label(), 50) + "” is"}}, func(ok bool) {
			if ok {
				v.keepPair = pair
				if err := set.SetDocField(d.ID, "role", string(roleFromWords(choice.Selected))); err != nil {
					dialog.ShowError(err, set.Window())
				}
			}
		}, set.Window())
}

// shortNames names two articles for the panel's sentences: each by its
// outlet when both are known and differ, else by the first words of its
// title.
func shortNames(a, b *provenance.Document) (string, string) {
	oa, ob := strings.TrimSpace(a.Meta.Outlet.Value), strings.TrimSpace(b.Meta.Outlet.Value)
	if oa != "" && ob != "" && !strings.EqualFold(oa, ob) {
		return oa, ob
	}
	na, nb := firstWords(a.Label(), 4), firstWords(b.Label(), 4)
	if na == nb {
		na, nb = na+" (1)", nb+" (2)"
	}
	return na, nb
}

// firstWords is s cut to n words, with an ellipsis when cut.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}

// quotedName matches a name the engine quotes in a reason: “…”.
var quotedName = regexp.MustCompile(`“([^”]{3,})”`)

// shortenNames puts the short names in place of the long quoted names the
// engine writes in its reasons ("“CAJ News: Mali: UN mission …”"): a quoted
// text that begins one of the named articles' names (its title, or its
// outlet and title) becomes that article's short name; one that names
// another article of others becomes its outlet, or its title's first words.
func shortenNames(reason string, docs map[string]*provenance.Document, others ...provenance.Document) string {
	matches := func(stem string, d *provenance.Document) bool {
		for _, f := range []string{d.Label(), d.Meta.Outlet.Value + ": " + d.Label()} {
			if len(stem) >= 8 && strings.HasPrefix(f, stem) || stem == f {
				return true
			}
		}
		return false
	}
	// A quoted name that begins the names of several articles stays as the
	// engine wrote it: a short name must never point at the wrong one.
	return quotedName.ReplaceAllStringFunc(reason, func(m string) string {
		if strings.HasSuffix(m, " …”") {
			// A passage's first words ("shared passages: “Whole Foods
			// Market ranked #28 and Amazon …”"), cut at a word: the text,
			// not a name, though it may begin like an article's title.
			return m
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(m, "“"), "”"), "…")
		found, short := 0, ""
		seen := map[string]bool{}
		for s, d := range docs {
			if matches(stem, d) {
				found, short, seen[d.ID] = found+1, s, true
			}
		}
		for i := range others {
			if d := &others[i]; !seen[d.ID] && matches(stem, d) {
				found++
				if o := strings.TrimSpace(d.Meta.Outlet.Value); o != "" {
					short = o
				} else {
					short = "“" + firstWords(d.Label(), 4) + "”"
				}
			}
		}
		if found != 1 {
			return m
		}
		return short
	})
}
