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
	w := NewWriter(seed)
	docs := make([]provenance.Document, 0, n)
	sents := make([][]string, 0, n)
	var t Topic
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			t = w.NewTopic()
		}
		ss := w.Sentences(t, words)
		if i%5 == 4 {
			src := sents[w.r.IntN(len(sents))]
			k := w.r.IntN(max(1, len(src)-6))
			var reused []string
			for _, s := range src[k:min(len(src), k+6)] {
				reused = append(reused, lightEdit(w, s))
			}
			at := w.r.IntN(len(ss))
			ss = append(ss[:at:at], append(reused, ss[at:]...)...)
		}
		sents = append(sents, ss)
		id := fmt.Sprintf("c%06d", i)
		text, _ := w.Render(capitalise(t.Subject)+" in "+t.Place, ss)
		docs = append(docs, provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text,
			Meta: provenance.Metadata{Title: provenance.Field{Value: strings.SplitN(text, "\n", 2)[0]}}})
	}
	return docs
}
