package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// Next focuses the next shared passage (N, or → in workshop mode).
func (v *CompareView) Next() {
	if v.cmp == nil || len(v.cmp.Passages) == 0 {
		return
	}
	v.Focus((v.current + 1) % len(v.cmp.Passages))
}

// Previous focuses the previous shared passage (P, or ←).
func (v *CompareView) Previous() {
	if v.cmp == nil || len(v.cmp.Passages) == 0 {
		return
	}
	i := v.current - 1
	if i < 0 {
		i = len(v.cmp.Passages) - 1
	}
	v.Focus(i)
}

// Focus scrolls both sides to passage i (0-based) and draws it stronger.
func (v *CompareView) Focus(i int) {
	if p, ok := v.setCurrent(i); ok {
		v.left.ScrollToOffset(p.A.Start)
		v.right.ScrollToOffset(p.B.Start)
		v.updatePosition()
	}
}

// setCurrent makes passage i the one drawn stronger on both sides.
func (v *CompareView) setCurrent(i int) (sharedPassage, bool) {
	if v.cmp == nil || i < 0 || i >= len(v.cmp.Passages) {
		return sharedPassage{}, false
	}
	v.current = i
	p := v.cmp.Passages[i]
	v.left.SetCurrent(p.N)
	v.right.SetCurrent(p.N)
	return p, true
}

// jump answers a tap on passage i on one side: the other side scrolls to
// its counterpart, the tapped side stays where it is.
func (v *CompareView) jump(i int, fromLeft bool) {
	p, ok := v.setCurrent(i)
	if !ok {
		return
	}
	if fromLeft {
		v.right.ScrollToOffset(p.B.Start)
	} else {
		v.left.ScrollToOffset(p.A.Start)
	}
	v.updatePosition()
}

// updatePosition shows "Passage 3 of 12 · 48 words · 92% identical".
func (v *CompareView) updatePosition() {
	if v.cmp == nil {
		return
	}
	n := len(v.cmp.Passages)
	switch {
	case n == 0:
		v.position.SetText("No shared passages")
	case v.current < 0:
		v.position.SetText(plural(n, "passage", "passages") + " · press N for the first")
	default:
		p := v.cmp.Passages[v.current]
		s := fmt.Sprintf("Passage %d of %d · %d words · %s identical", p.N, n, p.Words, pct(p.Similarity))
		if p.Incidental {
			s += " · incidental"
		}
		v.position.SetText(s)
	}
	v.navRow.Refresh()
}

// swap puts B on the left.
func (v *CompareView) swap() {
	if v.cmp != nil {
		v.nav.Compare(v.cmp.B.ID, v.cmp.A.ID)
	}
}

// fillMutations lists the substantive changes with jump links.
func (v *CompareView) fillMutations() {
	v.mutations.RemoveAll()
	c := v.cmp
	if len(c.Mutations) == 0 {
		v.mutations.Add(&widget.Label{Text: "No altered quotes, numbers, names or attributions found.", Wrapping: fyne.TextWrapWord})
		return
	}
	hide := v.nav.Workshop().HideMetadata
	for _, m := range c.Mutations {
		m := m
		show := &widget.Button{Text: "Show", Icon: theme.SearchIcon(), OnTapped: func() { v.jumpToMutation(m) }}
		title := &widget.Label{Text: mutationTitle(m.Kind, hide), TextStyle: fyne.TextStyle{Bold: true}}
		v.mutations.Add(container.NewBorder(nil, nil, nil, show, title))
		words := fmt.Sprintf("“%s” → “%s”", clip(m.SourceText, 80), clip(m.TargetText, 80))
		if hide { // by side, without an arrow that says which came first
			a, b := m.SourceText, m.TargetText
			if m.Source != c.A.ID {
				a, b = b, a
			}
			words = fmt.Sprintf("A: “%s”\nB: “%s”", clip(a, 80), clip(b, 80))
		}
		v.mutations.Add(&widget.Label{Text: words, Wrapping: fyne.TextWrapWord})
		if m.Explanation != "" {
			v.mutations.Add(&widget.Label{Text: m.Explanation, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
		}
		v.mutations.Add(widget.NewSeparator())
	}
}

// jumpToMutation scrolls both sides to a mutation.
func (v *CompareView) jumpToMutation(m provenance.Mutation) {
	aOff, bOff := m.SourceStart, m.TargetStart
	if m.Source != v.cmp.A.ID {
		aOff, bOff = bOff, aOff
	}
	if p := v.cmp.passageOfIndex(m.Passage); p != nil {
		v.setCurrent(p.N - 1)
		v.updatePosition()
	}
	v.left.ScrollToOffset(aOff)
	v.right.ScrollToOffset(bOff)
}

// mutationTitle names a mutation kind in plain words, as a heading;
// without its direction while outlets and dates are hidden.
func mutationTitle(k provenance.MutationKind, hide bool) string {
	w := k.Words()
	if hide {
		w = hiddenKindWords(k)
	}
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// clip shortens s to at most n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (v *CompareView) onConfirm() { v.setVerdict(store.VerdictConfirmed) }
func (v *CompareView) onDismiss() { v.setVerdict(store.VerdictDismissed) }

// setVerdict records (or, tapped again, clears) the user's verdict.
func (v *CompareView) setVerdict(verdict store.Verdict) {
	l := v.cmp.Link
	if l == nil {
		return
	}
	d := v.decisions.Decision(l.Source, l.Target)
	if d.Verdict == verdict {
		verdict = store.VerdictNone
	}
	d.Verdict, d.At = verdict, time.Now().UTC()
	v.decisions.SetDecision(l.Source, l.Target, d)
	v.refreshText()
}

func (v *CompareView) onNote(s string) {
	if v.cmp == nil || v.cmp.Link == nil {
		return
	}
	l := v.cmp.Link
	d := v.decisions.Decision(l.Source, l.Target)
	d.Note, d.At = s, time.Now().UTC()
	v.decisions.SetDecision(l.Source, l.Target, d)
}
