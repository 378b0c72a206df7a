package gen

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Corpus makes n articles of about words words each for benchmarks: one
// topic per ten articles, and every fifth article reusing a lightly edited
// run of sentences from an earlier one (so the engine has work to do).
func Corpus(n, words int, seed uint64) []provenance.Document {
	return CorpusCollection(n, words, seed).Docs
}

// CorpusCollection is Corpus with its ground truth: a "light-edit" case for
// every reused run of sentences (the source's sentences and the target's
// edited copies of them).
func CorpusCollection(n, words int, seed uint64) *Collection {
	w := NewWriter(seed)
	c := &Collection{Docs: make([]provenance.Document, 0, n), TypeOf: map[string]string{}}
	sents := make([][]string, 0, n)
	spans := make([][][2]int, 0, n)
	var t Topic
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			t = w.NewTopic()
		}
		ss := w.Sentences(t, words)
		src, k, at, reused := -1, 0, 0, 0
		if i%5 == 4 {
			src = w.r.IntN(len(sents))
			k = w.r.IntN(max(1, len(sents[src])-6))
			var copied []string
			for _, s := range sents[src][k:min(len(sents[src]), k+6)] {
				copied = append(copied, lightEdit(w, s))
			}
			reused = len(copied)
			at = w.r.IntN(len(ss))
			ss = append(ss[:at:at], append(copied, ss[at:]...)...)
		}
		id := fmt.Sprintf("c%06d", i)
		text, sp := w.Render(capitalise(t.Subject)+" in "+t.Place, ss)
		sents = append(sents, ss)
		spans = append(spans, sp)
		c.Docs = append(c.Docs, provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text,
			Meta: provenance.Metadata{Title: provenance.Field{Value: strings.SplitN(text, "\n", 2)[0]}}})
		if src >= 0 && reused > 0 {
			s0, s1 := spans[src][k], spans[src][k+reused-1]
			t0, t1 := sp[at], sp[at+reused-1]
			cs := Case{Type: "light-edit", Source: c.Docs[src].ID, Target: id,
				Src: provenance.Span{Start: s0[0], End: s1[1]}, Tgt: provenance.Span{Start: t0[0], End: t1[1]}}
			c.Cases = append(c.Cases, cs)
			c.TypeOf[PairKey(cs.Source, cs.Target)] = cs.Type
		}
	}
	return c
}

// WireCollection is CorpusCollection(n, 600, seed) with one wire story of at
// least storyWords words carried verbatim by carriers of the articles (every
// n/carriers-th, in the middle of its text): the largest family of the
// collection. Its cases run from the first carrier to each other one.
func WireCollection(n, carriers, storyWords int, seed uint64) *Collection {
	c := CorpusCollection(n, 600, seed)
	w := NewWriter(seed ^ 0xA6E7C7)
	story := strings.Join(w.Sentences(w.NewTopic(), storyWords), " ")
	step := max(1, n/max(1, carriers))
	first := ""
	var firstSpan provenance.Span
	for i, got := 0, 0; i < n && got < carriers; i, got = i+step, got+1 {
		d := &c.Docs[i]
		mid := strings.Index(d.Text[len(d.Text)/2:], "\n\n")
		at := len(d.Text)
		if mid >= 0 {
			at = len(d.Text)/2 + mid + 2
		}
		d.Text = d.Text[:at] + story + "\n\n" + d.Text[at:]
		span := provenance.Span{Start: at, End: at + len(story)}
		if first == "" {
			first, firstSpan = d.ID, span
			continue
		}
		c.Cases = append(c.Cases, Case{Type: "wire", Source: first, Target: d.ID, Src: firstSpan, Tgt: span})
		c.TypeOf[PairKey(first, d.ID)] = "wire"
	}
	// the corpus cases' spans in carriers after their insertion point moved:
	// recompute is not needed for pair-level scoring, so drop the stale ones
	kept := c.Cases[:0]
	for _, cs := range c.Cases {
		if cs.Type == "wire" || (!carries(c, cs.Source, story) && !carries(c, cs.Target, story)) {
			kept = append(kept, cs)
		}
	}
	c.Cases = kept
	return c
}

func carries(c *Collection, id, story string) bool {
	for i := range c.Docs {
		if c.Docs[i].ID == id {
			return strings.Contains(c.Docs[i].Text, story)
		}
	}
	return false
}
