package report

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/palette"
	"github.com/copytrail/copytrail/provenance/stage"
)

// linkView is one link (or, in a comparison without a link, one pair).
type linkView struct {
	ID                   string
	Num                  int
	Kind, KindText       string
	Confidence           string
	HasLink              bool
	Source, Target       docHead
	Reasons              []string
	ToDecide             []string
	Full                 bool
	Left, Right          []segment
	Passages             []passageView
	SourceRole, TargRole string
	// SharedWords is Result.Shared's word count, as every screen shows it.
	SharedWords int
}

type docHead struct {
	Label, Outlet, Date, Anchor string
	Words                       int
}

// segment is a run of text with one look: plain, greyed (boilerplate or
// front matter), or inside passage N (badge set where the passage starts).
type segment struct {
	Start            int // byte offset of Text in the document
	Text             string
	N                int
	Cls, Badge       string
	Grey, Incidental bool
	// Change is "del" for words only in this (left) side, "ins" for words
	// only in this (right) side, "" otherwise.
	Change string
}

type passageView struct {
	Num, Words int
	Cls        string
	Similarity string
	Incidental bool
	Reason     string
	Diff       []diffOp
}

type diffOp struct{ Op, Text string }

func kindClass(k provenance.LinkKind) string {
	switch k {
	case provenance.LinkCopy:
		return "copy"
	case provenance.LinkCommonSource:
		return "common"
	case provenance.LinkUnknown:
		return "unknown"
	}
	return "none"
}

func kindText(k provenance.LinkKind) string {
	switch k {
	case provenance.LinkCopy:
		return "copied"
	case provenance.LinkCommonSource:
		return "common source"
	case provenance.LinkUnknown:
		return "shared text, direction unknown"
	}
	return "no link drawn"
}

func head(r *result, id string, anchors map[string]string) docHead {
	d := r.Doc(id)
	if d == nil {
		return docHead{Label: id}
	}
	return docHead{Label: d.Label(), Outlet: d.Meta.Outlet.Value, Date: displayDate(d.Meta.Published.Value), Anchor: anchors[id], Words: d.Words}
}

// distinguish tells apart two articles of one title, as reprints keep
// their source's headline: each label gets its outlet when both outlets
// are known and differ, else its file's name.
func distinguish(r *result, a, b *docHead, ida, idb string) {
	if a.Label != b.Label {
		return
	}
	da, db := r.Doc(ida), r.Doc(idb)
	if da == nil || db == nil {
		return
	}
	sa, sb := a.Outlet, b.Outlet
	if sa == "" || sb == "" || sa == sb {
		sa, sb = filepath.Base(da.Path), filepath.Base(db.Path)
	}
	if sa != sb {
		a.Label += " (" + sa + ")"
		b.Label += " (" + sb + ")"
	}
}

func passageClass(n int) string { return fmt.Sprintf("p%d", n%palette.PassageCount) }

func buildLink(r *result, l provenance.Link, i int, full bool, anchors map[string]string) linkView {
	v := linkView{
		ID: fmt.Sprintf("link-%d", i+1), Num: i + 1, Kind: kindClass(l.Kind), KindText: kindText(l.Kind),
		HasLink: l.Kind != "", Confidence: fmt.Sprintf("%.0f%%", l.Confidence*100),
		Source: head(r, l.Source, anchors), Target: head(r, l.Target, anchors), Reasons: l.Reasons, ToDecide: l.ToDecide, Full: full,
		SourceRole: "Source", TargRole: "Reused by",
	}
	if l.Kind != provenance.LinkCopy {
		v.SourceRole, v.TargRole = "Article A", "Article B"
	}
	distinguish(r, &v.Source, &v.Target, l.Source, l.Target)
	v.SharedWords = r.Shared(l.Source, l.Target).Words
	pair := r.pairPassages(l.Source, l.Target)
	for k, pi := range pair {
		p := r.Passages[pi]
		pv := passageView{Num: k + 1, Words: p.Words, Cls: passageClass(k), Similarity: fmt.Sprintf("%.0f%%", p.Similarity*100),
			Incidental: p.Incidental, Reason: p.IncidentalReason}
		flip := p.A != l.Source
		// an incidental passage is kept without its diff: rebuilt here
		diff := p.Diff
		if diff == nil {
			if da, db := r.Doc(p.A), r.Doc(p.B); da != nil && db != nil {
				diff = stage.PassageDiff(da, db, p, r.Settings)
			}
		}
		for _, op := range diff {
			o := "eq"
			switch op.Op {
			case provenance.OpDelete:
				o = "del"
			case provenance.OpInsert:
				o = "ins"
			}
			if flip && o != "eq" {
				o = map[string]string{"del": "ins", "ins": "del"}[o]
			}
			pv.Diff = append(pv.Diff, diffOp{o, strings.ToValidUTF8(op.Text, "\uFFFD")})
		}
		v.Passages = append(v.Passages, pv)
	}
	if full {
		for side, id := range []string{l.Source, l.Target} {
			d := r.Doc(id)
			if d == nil {
				continue
			}
			marks := export.Marks(r.Result, id, pair)
			for j := range marks {
				marks[j].Incidental = r.Passages[pair[marks[j].N]].Incidental
			}
			var changed []provenance.Span
			for _, pi := range pair {
				onlyA, onlyB := export.ChangedSpans(r.Result, pi)
				if r.Passages[pi].A == id {
					changed = append(changed, onlyA...)
				} else {
					changed = append(changed, onlyB...)
				}
			}
			segs := segments(d.Text, marks, d.Boilerplate, d.Skip)
			segs = validUTF8(markChanges(segs, changed, [2]string{"del", "ins"}[side]))
			if side == 0 {
				v.Left = segs
			} else {
				v.Right = segs
			}
		}
	}
	return v
}

// segments cuts text at every mark and grey span boundary; adjacent runs
// with the same look are merged. Text in skip (front matter, not article
// text) is left out; the appendix shows the metadata it held.
func segments(text string, marks []export.Mark, grey, skip []provenance.Span) []segment {
	clamp := func(i int) int { return min(max(i, 0), len(text)) }
	cuts := []int{0, len(text)}
	for _, m := range marks {
		cuts = append(cuts, clamp(m.Start), clamp(m.End))
	}
	for _, g := range append(append([]provenance.Span(nil), grey...), skip...) {
		cuts = append(cuts, clamp(g.Start), clamp(g.End))
	}
	sort.Ints(cuts)
	inc := map[int]bool{}
	for _, m := range marks {
		inc[m.N] = m.Incidental
	}
	var out []segment
	prev := -1
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b || export.InSpans(a, skip) {
			continue
		}
		n := export.MarkAt(marks, a)
		s := segment{N: n, Start: a, Grey: export.InSpans(a, grey), Incidental: n >= 0 && inc[n]}
		if n >= 0 {
			s.Cls = passageClass(n)
			if n != prev {
				s.Badge = fmt.Sprint(n + 1)
			}
		}
		prev = n
		if k := len(out) - 1; k >= 0 && s.Badge == "" && out[k].N == s.N && out[k].Grey == s.Grey {
			out[k].Text += text[a:b]
			continue
		}
		s.Text = text[a:b]
		out = append(out, s)
	}
	return out
}

// validUTF8 replaces invalid bytes in the segments' text (after all cuts
// by byte offset are made).
func validUTF8(segs []segment) []segment {
	for i := range segs {
		segs[i].Text = strings.ToValidUTF8(segs[i].Text, "\uFFFD")
	}
	return segs
}

// markChanges splits segments at the changed spans and tags the changed
// runs with kind ("del" or "ins").
func markChanges(segs []segment, changed []provenance.Span, kind string) []segment {
	if len(changed) == 0 {
		return segs
	}
	var out []segment
	for _, s := range segs {
		off := s.Start
		cuts := []int{0, len(s.Text)}
		for _, c := range changed {
			for _, x := range []int{c.Start - off, c.End - off} {
				if x > 0 && x < len(s.Text) {
					cuts = append(cuts, x)
				}
			}
		}
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			if a == b {
				continue
			}
			part := s
			part.Text = s.Text[a:b]
			part.Start = off + a
			if a > 0 {
				part.Badge = ""
			}
			if s.N >= 0 && export.InSpans(off+a, changed) {
				part.Change = kind
			}
			out = append(out, part)
		}
	}
	return out
}
