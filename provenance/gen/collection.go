package gen

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Edit types of the generated reuse cases.
const (
	Verbatim     = "verbatim"
	Substitution = "substitution"
	InsertDelete = "insert-delete"
	Tense        = "tense-attribution"
	Reorder      = "reorder"
	TrimmedQuote = "trimmed-quote"
	Interleaved  = "interleaved"
	CopyOfCopy   = "copy-of-copy"
	Heavy        = "heavy"
	Negative     = "same-topic-negative"
)

// EditTypes lists every case type in table order.
var EditTypes = []string{Verbatim, Substitution, InsertDelete, Tense, Reorder, TrimmedQuote,
	Interleaved, CopyOfCopy, Heavy, Negative}

// Case is one reused span recorded in both documents: the ground truth.
type Case struct {
	Type   string          `json:"type"`
	Source string          `json:"source"` // document IDs
	Target string          `json:"target"`
	Src    provenance.Span `json:"source_span"`
	Tgt    provenance.Span `json:"target_span"`
}

// Collection is a generated test collection with its ground truth.
type Collection struct {
	Docs  []provenance.Document `json:"-"`
	Cases []Case                `json:"cases"`
	// Negatives are pairs of independent same-topic documents (hard
	// negatives): they share no passage.
	Negatives [][2]string `json:"negatives"`
	// TypeOf says which case type made each document pair ("a|b", a < b).
	TypeOf map[string]string `json:"-"`
}

// PairKey is the order-free key of a document pair.
func PairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}

// piece is a sentence of a document being built; when it carries reused
// text, tag names the case part and [lo,hi) the reused bytes in it.
type piece struct {
	text   string
	tag    int // 0: new text
	lo, hi int
}

func whole(s string, tag int) piece { return piece{text: s, tag: tag, lo: 0, hi: len(s)} }

// builder assembles documents and records spans of tagged pieces.
type builder struct {
	w    *Writer
	c    *Collection
	next int
}

// doc renders pieces into a new document and returns its ID and the byte
// span of each tag (from the first tagged byte to the last).
func (b *builder) doc(kind string, pieces []piece) (string, map[int]provenance.Span) {
	b.next++
	id := fmt.Sprintf("g%04d", b.next)
	sents := make([]string, len(pieces))
	for i, p := range pieces {
		sents[i] = p.text
	}
	text, spans := b.w.Render(fmt.Sprintf("%s report %d", capitalise(kind), b.next), sents)
	tags := map[int]provenance.Span{}
	for i, p := range pieces {
		if p.tag == 0 {
			continue
		}
		hi := p.hi
		if hi == 0 {
			hi = len(p.text)
		}
		sp := provenance.Span{Start: spans[i][0] + p.lo, End: spans[i][0] + hi}
		if old, ok := tags[p.tag]; ok {
			sp.Start, sp.End = min(old.Start, sp.Start), max(old.End, sp.End)
		}
		tags[p.tag] = sp
	}
	b.c.Docs = append(b.c.Docs, provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text,
		Meta: provenance.Metadata{Title: provenance.Field{Value: strings.SplitN(text, "\n", 2)[0], Origin: provenance.OriginFile}}})
	return id, tags
}

func (b *builder) fresh(t Topic, words int) []piece {
	var out []piece
	for _, s := range b.w.Sentences(t, words) {
		out = append(out, whole(s, 0))
	}
	return out
}

func (b *builder) record(typ, src, tgt string, ss, ts map[int]provenance.Span) {
	for tag, sp := range ss {
		if tp, ok := ts[tag]; ok {
			b.c.Cases = append(b.c.Cases, Case{Type: typ, Source: src, Target: tgt, Src: sp, Tgt: tp})
		}
	}
	b.c.TypeOf[PairKey(src, tgt)] = typ
}
