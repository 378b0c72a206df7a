package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// decisionKeeper is the part of the workspace the compare screen writes:
// the user's verdicts and notes on links.
type decisionKeeper interface {
	Decision(source, target string) store.Decision
	SetDecision(source, target string, d store.Decision)
}

// CompareView is the side-by-side comparison of two documents: shared
// passages highlighted and numbered, word diffs inside them, an overview
// strip beside each text, the link's evidence and the mutations.
type CompareView struct {
	nav       Navigator
	decisions decisionKeeper
	cmp       *comparison
	current   int // index into cmp.Passages, -1 before any

	titleA, titleB *widget.Label
	metaA, metaB   *widget.Label
	summary        *widget.Label
	evidence       *widget.Label
	reasons        *widget.Label
	position       *widget.Label
	confirm        *widget.Button
	dismiss        *widget.Button
	note           *widget.Entry
	left, right    *textPane
	stripA, stripB *overviewStrip
	mutations      *fyne.Container
	empty          *widget.Label
	body           *fyne.Container
	navRow         *fyne.Container
	content        fyne.CanvasObject
	// side holds the changes and reasons; sideBtn opens and closes it
	// (closed in workshop mode, so the two texts get the width).
	side    *fyne.Container
	sideBtn *widget.Button
	decide  fyne.CanvasObject // the verdict and note row (not in workshop mode)
	// mutTitle heads the changes: "on the way" says which came first, so
	// not while outlets and dates are hidden.
	mutTitle *widget.Label
}

// NewCompareView builds the compare screen, empty until Show is called.
func NewCompareView(nav Navigator, decisions decisionKeeper) *CompareView {
	v := &CompareView{nav: nav, decisions: decisions, current: -1}
	v.titleA = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	v.titleB = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	v.metaA = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	v.metaB = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	v.summary = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	v.evidence = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	v.reasons = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.position = &widget.Label{Alignment: fyne.TextAlignCenter}
	v.confirm = &widget.Button{Text: "Confirm link", Icon: theme.ConfirmIcon(), OnTapped: v.onConfirm}
	v.dismiss = &widget.Button{Text: "Dismiss link", Icon: theme.CancelIcon(), OnTapped: v.onDismiss}
	v.note = &widget.Entry{PlaceHolder: "Note on this link", OnChanged: v.onNote}
	v.left, v.right = newTextPane(), newTextPane()
	v.left.OnTapPassage = func(n int) { v.jump(n-1, true) }
	v.right.OnTapPassage = func(n int) { v.jump(n-1, false) }
	v.stripA, v.stripB = newOverviewStrip(), newOverviewStrip()
	v.stripA.OnTapAt = v.left.ScrollToFraction
	v.stripB.OnTapAt = v.right.ScrollToFraction
	v.mutations = container.NewVBox()
	// explicit line breaks, no wrapping: a wrapping label laid out at zero
	// width asks for a huge height
	v.empty = &widget.Label{Text: "Choose two articles to compare:\ntap a link in the Graph, a cell in the Matrix,\nor “Compare with closest match” in the Library.", Alignment: fyne.TextAlignCenter}

	v.navRow = container.NewHBox(
		&widget.Button{Text: "Previous", Icon: theme.NavigateBackIcon(), OnTapped: v.Previous},
		v.position,
		&widget.Button{Text: "Next", Icon: theme.NavigateNextIcon(), IconPlacement: widget.ButtonIconTrailingText, OnTapped: v.Next},
		&widget.Button{Text: "Swap sides", Icon: theme.ViewRefreshIcon(), OnTapped: v.swap},
	)
	v.sideBtn = &widget.Button{Text: "Hide changes", Icon: theme.ListIcon(), OnTapped: func() { v.ShowSide(!v.side.Visible()) }}
	v.navRow.Add(v.sideBtn)
	v.decide = container.NewBorder(nil, nil, container.NewHBox(v.confirm, v.dismiss), nil, v.note)
	header := container.NewVBox(v.summary, v.evidence, v.navRow, v.decide)
	sideA := container.NewBorder(container.NewVBox(v.titleA, v.metaA), nil, nil, v.stripA, v.left)
	sideB := container.NewBorder(container.NewVBox(v.titleB, v.metaB), nil, nil, v.stripB, v.right)
	split := container.NewHSplit(sideA, sideB)
	whyTitle := &widget.Label{Text: "Why this link", TextStyle: fyne.TextStyle{Bold: true}}
	v.mutTitle = &widget.Label{Text: "Changes on the way", TextStyle: fyne.TextStyle{Bold: true}}
	mutTitle := v.mutTitle
	// The right padding keeps the Show buttons clear of the scroll bar.
	side := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()+theme.Padding()),
		container.NewVBox(mutTitle, v.mutations, whyTitle, v.reasons)))
	v.side = container.New(sidePanelLayout{}, side)
	main := container.NewBorder(nil, nil, nil, v.side, split)
	v.body = container.NewBorder(header, nil, nil, nil, main)
	v.content = container.NewStack(v.empty, v.body)
	v.body.Hide()
	return v
}

// CanvasObject returns the screen.
func (v *CompareView) CanvasObject() fyne.CanvasObject { return v.content }

// ShowSide opens or closes the panel of changes and reasons.
func (v *CompareView) ShowSide(show bool) {
	if show {
		v.side.Show()
	} else {
		v.side.Hide()
	}
	v.updateSideButton()
	v.body.Refresh()
}

// updateSideButton names what the side panel holds while it is closed.
func (v *CompareView) updateSideButton() {
	if v.side.Visible() {
		v.sideBtn.SetText("Hide changes")
		return
	}
	n := 0
	if v.cmp != nil {
		n = len(v.cmp.Mutations)
	}
	v.sideBtn.SetText(fmt.Sprintf("Changes (%d) and reasons", n))
}

// SetWorkshop lays the screen out for a projector: the verdict row and
// the side panel go (the panel opens with its button), so the two texts
// get the width.
func (v *CompareView) SetWorkshop(on bool) {
	if on {
		v.decide.Hide()
	} else {
		v.decide.Show()
	}
	v.ShowSide(!on)
}

// Pair returns the IDs shown on the left and right, or "" when empty.
func (v *CompareView) Pair() (a, b string) {
	if v.cmp == nil {
		return "", ""
	}
	return v.cmp.A.ID, v.cmp.B.ID
}

// Current returns the index of the passage in focus, -1 when none.
func (v *CompareView) Current() int { return v.current }

// Show compares documents a (left) and b (right) of the current result.
func (v *CompareView) Show(a, b string) {
	if t, ok := v.nav.(interface{ ensureTexts(ids ...string) }); ok { // a lazily opened workspace
		t.ensureTexts(a, b)
	}
	c := newComparison(v.nav.Result(), a, b)
	v.cmp, v.current = c, -1
	if c == nil {
		v.body.Hide()
		v.empty.Show()
		return
	}
	v.empty.Hide()
	v.body.Show()
	hidden := v.nav.Workshop().hidden
	v.left.SetDoc(buildStyledDoc(c, c.A, true, hidden.Redactions(c.A.ID)))
	v.right.SetDoc(buildStyledDoc(c, c.B, false, hidden.Redactions(c.B.ID)))
	var ma, mb []stripMark
	for _, p := range c.Passages {
		ma = append(ma, stripMark{From: frac(p.A.Start, c.A), To: frac(p.A.End, c.A), N: p.N})
		mb = append(mb, stripMark{From: frac(p.B.Start, c.B), To: frac(p.B.End, c.B), N: p.N})
	}
	v.stripA.SetMarks(ma)
	v.stripB.SetMarks(mb)
	v.fillMutations()
	v.updateSideButton()
	v.refreshText()
}

// Refresh re-reads the current result (after a new analysis or a workshop
// toggle), keeping the same pair when both documents still exist.
func (v *CompareView) Refresh(r *provenance.Result) {
	if v.cmp == nil {
		// Nothing chosen yet: open on the strongest link rather than on
		// an instruction (two articles on a projector compare at once).
		if a, b, ok := strongestPair(r); ok {
			v.Show(v.nav.Workshop().hidden.ordered(a, b))
		}
		return
	}
	cur := v.current
	v.Show(v.cmp.A.ID, v.cmp.B.ID)
	if v.cmp != nil && cur >= 0 && cur < len(v.cmp.Passages) {
		v.Focus(cur)
	}
}

// strongestPair is the pair of the collection's strongest link whose two
// texts are at hand: a copy before a common source before an undecided
// link, then the most confident, then the first; source first.
func strongestPair(r *provenance.Result) (a, b string, ok bool) {
	rank := func(k provenance.LinkKind) int {
		switch k {
		case provenance.LinkCopy:
			return 0
		case provenance.LinkCommonSource:
			return 1
		}
		return 2
	}
	doc := r.DocFinder()
	hasText := func(id string) bool {
		d := doc(id)
		return d != nil && d.Text != ""
	}
	best := -1
	for i, l := range r.Links {
		if !hasText(l.Source) || !hasText(l.Target) {
			continue // a lazily opened workspace reads no text before it is asked for
		}
		if best < 0 || rank(l.Kind) < rank(r.Links[best].Kind) ||
			rank(l.Kind) == rank(r.Links[best].Kind) && l.Confidence > r.Links[best].Confidence {
			best = i
		}
	}
	if best < 0 {
		return "", "", false
	}
	return r.Links[best].Source, r.Links[best].Target, true
}

func frac(off int, d *provenance.Document) float64 {
	if len(d.Text) == 0 {
		return 0
	}
	return float64(off) / float64(len(d.Text))
}

// refreshText fills the labels from the comparison and the workshop state.
func (v *CompareView) refreshText() {
	c, hide := v.cmp, v.nav.Workshop().HideMetadata
	v.titleA.SetText("A · " + c.A.Label())
	v.titleB.SetText("B · " + c.B.Label())
	v.metaA.SetText(docMeta(c.A, hide))
	v.metaB.SetText(docMeta(c.B, hide))
	v.summary.SetText(coverageSentence(c, hide))
	v.mutTitle.SetText("Changes on the way")
	if hide {
		v.mutTitle.SetText("Where the two differ")
	}
	head, why := evidenceText(c, hide)
	v.evidence.SetText(head)
	v.reasons.SetText(why)
	v.updatePosition()
	d := store.Decision{}
	if c.Link != nil && !hide { // a verdict or a note would give the answer away
		d = v.decisions.Decision(c.Link.Source, c.Link.Target)
	}
	v.confirm.Importance, v.dismiss.Importance = widget.MediumImportance, widget.MediumImportance
	switch d.Verdict {
	case store.VerdictConfirmed:
		v.confirm.Importance = widget.SuccessImportance
	case store.VerdictDismissed:
		v.dismiss.Importance = widget.DangerImportance
	}
	v.confirm.Refresh()
	v.dismiss.Refresh()
	if c.Link == nil || hide {
		v.confirm.Disable()
		v.dismiss.Disable()
		v.note.Disable()
	} else {
		v.confirm.Enable()
		v.dismiss.Enable()
		v.note.Enable()
	}
	v.note.OnChanged = nil
	v.note.SetPlaceHolder("Note on this link")
	if hide {
		v.note.SetPlaceHolder("Notes and verdicts are hidden until the reveal")
	}
	v.note.SetText(d.Note)
	v.note.OnChanged = v.onNote
	v.body.Refresh()
}

// docMeta is the outlet · date · words line under a title.
func docMeta(d *provenance.Document, hide bool) string {
	parts := []string{}
	if hide {
		parts = append(parts, "outlet and date hidden")
	} else {
		parts = append(parts, orUnknown(d.Meta.Outlet.Value, "unknown outlet"), orUnknown(showDate(d.Meta.Published.Value), "no date"))
	}
	parts = append(parts, fmt.Sprintf("%d words", d.Words))
	return strings.Join(parts, " · ")
}

func orUnknown(s, unknown string) string {
	if strings.TrimSpace(s) == "" {
		return unknown
	}
	return s
}

// coverageSentence is the header: "62% of B is from A · 21% of A is in B ·
// 3 shared passages, 137 shared words".
func coverageSentence(c *comparison, hide bool) string {
	pa, pb := pct(c.ACoverage), pct(c.BCoverage)
	shared := sharedText(c.Shared)
	if c.Link != nil && c.Link.Kind == provenance.LinkCopy && !hide {
		if c.Link.Source == c.A.ID {
			return fmt.Sprintf("%s of B is from A · %s of A is in B · %s", pb, pa, shared)
		}
		return fmt.Sprintf("%s of A is from B · %s of B is in A · %s", pa, pb, shared)
	}
	return fmt.Sprintf("%s of B is shared with A · %s of A is shared with B · %s", pb, pa, shared)
}

// sharedText puts Result.Shared in words, the same on every screen:
// "3 shared passages (1 incidental), 137 shared words".
func sharedText(c provenance.SharedCounts) string {
	s := plural(c.Passages, "shared passage", "shared passages")
	if c.Incidental > 0 {
		s += fmt.Sprintf(" (%d incidental)", c.Incidental)
	}
	return s + ", " + plural(c.Words, "shared word", "shared words")
}

func pct(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }

// evidenceText is the link's direction, kind and confidence (head) and
// its reasons, one per line (why).
func evidenceText(c *comparison, hide bool) (head, why string) {
	l := c.Link
	if l == nil {
		if len(c.Passages) == 0 {
			return "These articles share no passages.", "Nothing to explain."
		}
		return "No link drawn", "The shared text is too little or only incidental (names, stock phrases), so Copytrail claims nothing."
	}
	src, tgt := "A", "B"
	if l.Source == c.B.ID {
		src, tgt = "B", "A"
	}
	switch l.Kind {
	case provenance.LinkCopy:
		head = fmt.Sprintf("Direction %s → %s: %s reused text from %s · confidence %s", src, tgt, tgt, src, pct(l.Confidence))
	case provenance.LinkCommonSource:
		head = "Common source: both took this text from a source not in the collection · confidence " + pct(l.Confidence)
	default: // no confidence: there is no direction to be confident about
		head = "Direction undecided: the evidence does not say who took the text from whom"
	}
	if hide {
		return "Who took the text from whom? Guess, then reveal (View ▸ Reveal outlets and dates).", "Hidden until the reveal."
	}
	names := map[string]*provenance.Document{"A": c.A, "B": c.B}
	var lines []string
	for _, r := range l.Reasons {
		lines = append(lines, "• "+shortenNames(r, names, c.Others...))
	}
	if len(lines) == 0 {
		lines = append(lines, "The engine gave no reasons.")
	}
	if l.Kind == provenance.LinkUnknown && len(l.ToDecide) > 0 {
		lines = append(lines, "", "What would decide it:")
		for _, s := range l.ToDecide {
			lines = append(lines, "• "+shortenNames(s, names, c.Others...))
		}
	}
	return head, strings.Join(lines, "\n")
}

// sidePanelLayout gives the side panel room for about 18 characters of the
// current text size (wider in workshop mode), at least 300 pixels.
type sidePanelLayout struct{}

// Layout stacks the objects over the full size.
func (sidePanelLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the panel width and the tallest object's height.
func (sidePanelLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(max(300, 18*theme.TextSize()), h)
}
