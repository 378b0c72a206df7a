package gen

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Build makes a collection with perType cases of every edit type (and
// perType same-topic negative pairs), fixed by seed.
func Build(seed uint64, perType int) *Collection {
	c := &Collection{TypeOf: map[string]string{}}
	b := &builder{w: NewWriter(seed), c: c}
	for _, typ := range EditTypes {
		for i := 0; i < perType; i++ {
			b.add(typ)
		}
	}
	return c
}

// source makes a source document on t of about words words; the n sentences
// of a chunk in its middle carry tags tagOf(i). It returns the document ID,
// the tag spans and the chunk's sentences.
func (b *builder) source(t Topic, words, n int, tagOf func(i int) int) (string, map[int]provenance.Span, []string) {
	ps := b.fresh(t, words)
	k := 2 + b.w.r.IntN(max(1, len(ps)-n-3))
	var chunk []string
	perSentence := n > 1 && tagOf(0) != tagOf(1)
	for i := 0; i < n && k+i < len(ps); i++ {
		if perSentence {
			// sentences reused one by one: long enough to be a passage
			ps[k+i] = whole(b.w.longSentence(t, 14), 0)
		}
		ps[k+i].tag = tagOf(i)
		ps[k+i].hi = len(ps[k+i].text)
		chunk = append(chunk, ps[k+i].text)
	}
	id, spans := b.doc("source", ps)
	return id, spans, chunk
}

// target makes a document of new text on t around the given pieces.
func (b *builder) target(t Topic, middle []piece) (string, map[int]provenance.Span) {
	ps := b.fresh(t, 120+b.w.r.IntN(120))
	ps = append(ps, middle...)
	ps = append(ps, b.fresh(t, 120+b.w.r.IntN(150))...)
	return b.doc("article", ps)
}

func edited(w *Writer, chunk []string, tag int, e Edit) []piece {
	out := make([]piece, len(chunk))
	for i, s := range chunk {
		out[i] = whole(e(w, s), tag)
	}
	return out
}

func same(tag int) func(int) int { return func(int) int { return tag } }
func each(i int) int             { return i + 1 }

// add makes one case of type typ.
func (b *builder) add(typ string) {
	w := b.w
	t := w.NewTopic()
	switch typ {
	case Negative:
		x, _ := b.doc("article", b.fresh(t, 450+w.r.IntN(150)))
		y, _ := b.doc("article", b.fresh(t, 450+w.r.IntN(150)))
		b.c.Negatives = append(b.c.Negatives, [2]string{x, y})
		b.c.TypeOf[PairKey(x, y)] = Negative
	case Reorder, Interleaved:
		src, ss, chunk := b.source(t, 480, 4, each)
		var mid []piece
		for i, s := range chunk {
			mid = append(mid, whole(s, i+1))
			if typ == Interleaved {
				mid = append(mid, whole(w.Sentence(t), 0))
			}
		}
		if typ == Reorder {
			mid[0], mid[1], mid[2], mid[3] = mid[2], mid[0], mid[3], mid[1]
		}
		tgt, ts := b.target(t, mid)
		b.record(typ, src, tgt, ss, ts)
	case TrimmedQuote:
		b.trimmedQuote(t)
	case CopyOfCopy:
		a, sa, chunk := b.source(t, 480, 5, same(1))
		mid := edited(w, chunk, 1, lightEdit)
		bID, sb := b.target(t, mid)
		var again []string
		for _, p := range mid {
			again = append(again, p.text)
		}
		cID, sc := b.target(t, edited(w, again, 1, lightEdit))
		b.record(typ, a, bID, sa, sb)
		b.record(typ, bID, cID, sb, sc)
		b.record(typ, a, cID, sa, sc)
	default:
		e := map[string]Edit{
			Verbatim:     func(_ *Writer, s string) string { return s },
			Substitution: func(w *Writer, s string) string { return w.substitute(s, 0.08) },
			InsertDelete: func(w *Writer, s string) string {
				if w.r.IntN(2) == 0 {
					s = w.insertClause(s)
				}
				if w.r.IntN(2) == 0 {
					s = w.deleteWords(s)
				}
				return s
			},
			Tense: func(_ *Writer, s string) string { return retense(s) },
			Heavy: heavyEdit,
		}[typ]
		if e == nil {
			panic(fmt.Sprintf("gen: unknown case type %q", typ))
		}
		src, ss, chunk := b.source(t, 480, 5, same(1))
		tgt, ts := b.target(t, edited(w, chunk, 1, e))
		b.record(typ, src, tgt, ss, ts)
	}
}

// trimmedQuote reuses the middle of two quotations (their first word and
// last two words cut) inside new sentences.
func (b *builder) trimmedQuote(t Topic) {
	w := b.w
	ps := b.fresh(t, 480)
	var mid []piece
	tag := 0
	for i := range ps {
		s := ps[i].text
		open, close := strings.Index(s, "“"), strings.Index(s, "”")
		if open < 0 || close < open || tag == 2 {
			continue
		}
		words := strings.Fields(s[open+len("“") : close])
		if len(words) < 14 {
			continue
		}
		middle := strings.TrimRight(strings.Join(words[1:len(words)-2], " "), ",")
		lo := strings.Index(s, middle)
		if lo < 0 {
			continue
		}
		tag++
		ps[i].tag, ps[i].lo, ps[i].hi = tag, lo, lo+len(middle)
		intro := t.People[w.r.IntN(len(t.People))] + " warned that "
		mid = append(mid, piece{text: intro + middle + ".", tag: tag, lo: len(intro), hi: len(intro) + len(middle)},
			whole(w.Sentence(t), 0))
	}
	if tag == 0 {
		b.add(TrimmedQuote) // no usable quotation: try another source
		return
	}
	src, ss := b.doc("source", ps)
	tgt, ts := b.target(t, mid)
	b.record(TrimmedQuote, src, tgt, ss, ts)
}
