package export

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/palette"
)

// PairPassages returns the indexes (into r.Passages) of the passages a and
// b share, in reading order of a. The k-th (from 0) is "passage k+1" and
// is drawn in palette.Passage(k) everywhere: app, report and pictures.
func PairPassages(r *provenance.Result, a, b string) []int {
	var out []int
	for i, p := range r.Passages {
		if (p.A == a && p.B == b) || (p.A == b && p.B == a) {
			out = append(out, i)
		}
	}
	return OrderPassages(r, a, out)
}

// OrderPassages sorts passage indexes (e.g. a Pair's Passages, which it
// copies) into reading order of document a, then of the other side: the
// numbering PairPassages gives, without scanning every passage.
func OrderPassages(r *provenance.Result, a string, ids []int) []int {
	out := make([]int, 0, len(ids))
	for _, i := range ids {
		if i >= 0 && i < len(r.Passages) {
			out = append(out, i)
		}
	}
	start := func(i int) (int, int) {
		p := r.Passages[i]
		if p.A == a {
			return p.AStart, p.BStart
		}
		return p.BStart, p.AStart
	}
	sort.SliceStable(out, func(i, j int) bool {
		ai, bi := start(out[i])
		aj, bj := start(out[j])
		if ai != aj {
			return ai < aj
		}
		return bi < bj
	})
	return out
}

// Marks returns, for document doc, the spans of the pair's passages with
// their numbers (0-based, as PairPassages orders them).
func Marks(r *provenance.Result, doc string, pair []int) []Mark {
	var ms []Mark
	for k, i := range pair {
		p := r.Passages[i]
		s := p.ASpan()
		if p.A != doc {
			s = p.BSpan()
		}
		ms = append(ms, Mark{Span: s, N: k, Incidental: p.Incidental})
	}
	return ms
}

// Mark is a numbered passage span in one document.
type Mark struct {
	provenance.Span
	N          int  // passage number from 0; shown as N+1
	Incidental bool // incidental passages are shown but do not count as evidence
}

// MarkAt returns the number of the first mark covering byte offset i, or -1.
func MarkAt(ms []Mark, i int) int {
	for _, m := range ms {
		if i >= m.Start && i < m.End {
			return m.N
		}
	}
	return -1
}

// ComparisonPNG draws two documents side by side as a 1920×1080 PNG: the
// source on the left, the reuser on the right (by the link between them,
// else as given), their shared passages highlighted in palette colours
// with their numbers, and the link's kind, confidence and first reason.
func ComparisonPNG(w io.Writer, r *provenance.Result, a, b string) error {
	da, db := r.Doc(a), r.Doc(b)
	if da == nil || db == nil {
		return fmt.Errorf("comparison png: documents %q and %q are not both in the analysis", a, b)
	}
	var link *provenance.Link
	for i := range r.Links {
		l := &r.Links[i]
		if (l.Source == a && l.Target == b) || (l.Source == b && l.Target == a) {
			link = l
			break
		}
	}
	if link != nil && link.Source == b {
		da, db = db, da
	}
	c, err := newCanvas(SlideWidth, SlideHeight)
	if err != nil {
		return fmt.Errorf("comparison png: %w", err)
	}
	pair := PairPassages(r, da.ID, db.ID)
	head := "These two articles share no passage"
	if link != nil {
		head = fmt.Sprintf("%s · confidence %.0f%% · %s", kindPhrase(link.Kind), link.Confidence*100, plural(len(pair), "shared passage"))
	} else if len(pair) > 0 {
		head = plural(len(pair), "shared passage") + ", no link drawn"
	}
	c.text(c.face(34, true), 60, 64, fit(c.face(34, true), head, SlideWidth-120), palette.Ink)
	if link != nil && len(link.Reasons) > 0 {
		c.text(c.face(21, false), 60, 100, fit(c.face(21, false), link.Reasons[0], SlideWidth-120), palette.Muted)
	}
	const colW, gap, top = 870.0, 60.0, 130.0
	roles := [2]string{"SOURCE", "REUSED BY"}
	if link == nil || link.Kind != provenance.LinkCopy {
		roles = [2]string{"ARTICLE A", "ARTICLE B"}
	}
	for side, d := range []*provenance.Document{da, db} {
		x := 60 + float64(side)*(colW+gap)
		fr := c.face(16, true)
		c.roundRect(x, top, measure(fr, roles[side])+20, 28, 6, palette.Ink)
		c.text(fr, x+10, top+20, roles[side], palette.Paper)
		ft := c.face(24, true)
		c.text(ft, x, top+62, fit(ft, d.Label(), colW), palette.Ink)
		fm := c.face(19, false)
		c.text(fm, x, top+90, fit(fm, JoinKnown(" · ", d.Meta.Outlet.Value, DateOnly(d.Meta.Published.Value), fmt.Sprintf("%d words", d.Words)), colW), palette.Muted)
		c.rect(x, top+104, colW, 2, palette.Rule)
		var changed []provenance.Span
		for _, pi := range pair {
			onlyA, onlyB := ChangedSpans(r, pi)
			if r.Passages[pi].A == d.ID {
				changed = append(changed, onlyA...)
			} else {
				changed = append(changed, onlyB...)
			}
		}
		flow(c, d, Marks(r, d.ID, pair), changed, side == 1, x, top+140, colW, 1000)
	}
	c.rect(60+colW+gap/2, top, 1.5, 1000-top, palette.Rule)
	f := c.face(19, false)
	c.text(f, 60, 1045, "Highlighted: passages both share, numbered alike on both sides · struck through: only on the left · underlined: only on the right · Copytrail, Okabe–Ito colours", palette.Muted)
	return encodePNG(w, c)
}

func kindPhrase(k provenance.LinkKind) string {
	switch k {
	case provenance.LinkCopy:
		return "Copied"
	case provenance.LinkCommonSource:
		return "Common source"
	default:
		return "Shared text, direction unknown"
	}
}

// flow lays out text in a column from y to bottom with the marks
// highlighted and numbered. It starts a little before the first mark and
// ends with an ellipsis when the column is full.
// Words in changed are struck through in palette.Deleted on the left
// (inserted false) or underlined in palette.Inserted on the right.
func flow(c *canvas, d *provenance.Document, ms []Mark, changed []provenance.Span, inserted bool, x, y, w, bottom float64) {
	const size, lineH = 20.0, 29.0
	text := d.Text
	f, fb := c.face(size, false), c.face(14, true)
	start := 0
	if len(ms) > 0 {
		first := ms[0].Start
		for _, m := range ms {
			first = min(first, m.Start)
		}
		start = max(0, first-240)
		if nl := strings.LastIndexByte(text[:min(start+1, len(text))], '\n'); nl >= 0 && first-nl < 600 {
			start = nl + 1
		} else if sp := strings.IndexByte(text[start:], ' '); start > 0 && sp >= 0 {
			start += sp + 1
		}
	}
	// Never start inside front matter: start after it, without an ellipsis.
	body := 0
	for _, sk := range d.Skip {
		if sk.Start <= body && sk.End > body {
			body = sk.End
		}
	}
	if start <= body {
		start = body
	}
	cx, cy := x, y
	space := measure(f, " ")
	prev := -1
	newline := func(gap float64) bool {
		cx, cy = x, cy+lineH+gap
		return cy <= bottom
	}
	if start > body {
		c.text(f, cx, cy, "…", palette.Muted)
		cx += measure(f, "… ")
	}
	for _, wd := range words(text, start) {
		if InSpans(wd.start, d.Skip) {
			continue
		}
		grey := InSpans(wd.start, d.Boilerplate)
		if wd.breaks > 0 {
			if cx > x && !newline(float64(min(wd.breaks-1, 1))*lineH*0.4) {
				return
			}
		}
		n := MarkAt(ms, wd.start)
		badge := ""
		if n >= 0 && n != prev {
			badge = strconv.Itoa(n + 1)
		}
		ww := measure(f, wd.text)
		bwid := 0.0
		if badge != "" {
			bwid = measure(fb, badge) + 12
		}
		if cx > x && cx+bwid+ww > x+w {
			if !newline(0) {
				c.text(f, x+w-measure(f, "…"), cy-lineH, "…", palette.Muted)
				return
			}
		}
		if n >= 0 {
			pad := 0.0
			if n == prev && cx > x {
				pad = space // join the highlight with the previous word
			}
			c.rect(cx-pad, cy-size+1, ww+bwid+pad, lineH-2, palette.PassageTint(n))
		}
		if badge != "" {
			c.roundRect(cx+1, cy-size+3, bwid-4, lineH-6, 5, palette.Passage(n))
			c.text(fb, cx+5, cy-3, badge, palette.TextOn(palette.Passage(n)))
			cx += bwid
		}
		ink := palette.Ink
		if grey && n < 0 {
			ink = palette.Muted
		}
		if n >= 0 && InSpans(wd.start, changed) {
			if inserted {
				ink = palette.Inserted
				c.rect(cx, cy+3, ww, 2.5, ink)
			} else {
				ink = palette.Deleted
				c.rect(cx, cy-size*0.33, ww, 2.5, ink)
			}
		}
		c.text(f, cx, cy, wd.text, ink)
		cx += ww + space
		prev = n
	}
}

type word struct {
	text   string
	start  int // byte offset in the document text
	breaks int // line breaks before the word
}

// words splits text from offset start into words, counting line breaks.
func words(text string, start int) []word {
	var out []word
	breaks := 0
	i := start
	for i < len(text) {
		switch text[i] {
		case '\n':
			breaks++
			i++
			continue
		case ' ', '\t', '\r', '\f', '\v':
			i++
			continue
		}
		j := i
		for j < len(text) && !strings.ContainsRune(" \t\r\n\f\v", rune(text[j])) {
			j++
		}
		out = append(out, word{text: text[i:j], start: i, breaks: breaks})
		breaks = 0
		i = j
	}
	return out
}
