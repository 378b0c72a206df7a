package app

import (
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// docBuilder writes generated words into a document and remembers offsets.
type docBuilder struct {
	sb    strings.Builder
	words int
}

func (b *docBuilder) word(w string) (start, end int) {
	if b.sb.Len() > 0 {
		if b.words%60 == 0 {
			b.sb.WriteString("\n\n")
		} else {
			b.sb.WriteByte(' ')
		}
	}
	start = b.sb.Len()
	b.sb.WriteString(w)
	b.words++
	return start, b.sb.Len()
}

var syllables = []string{"ka", "lo", "mi", "ter", "an", "vo", "su", "rel", "di", "pon", "ça", "ű"}

func genWord(rng *rand.Rand) string {
	n := 1 + rng.IntN(3)
	var s string
	for range n {
		s += syllables[rng.IntN(len(syllables))]
	}
	return s
}

// synthResult builds two generated articles of about n words each where B
// reuses chunks of A with a few words changed, and the passages, pair, link
// and a mutation an engine would report. The text is generated, never real.
func synthResult(n int) *provenance.Result {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	a, b := &docBuilder{}, &docBuilder{}
	var passages []provenance.Passage
	var mutation provenance.Mutation
	shared := 0
	for a.words < n {
		// own text in both
		for range 30 + rng.IntN(40) {
			a.word(genWord(rng))
		}
		for range 20 + rng.IntN(30) {
			b.word(genWord(rng))
		}
		if a.words >= n {
			break
		}
		// a reused chunk with edits
		p := provenance.Passage{A: "docA", B: "docB", AStart: -1, BStart: -1}
		chunk := 25 + rng.IntN(30)
		var ops []provenance.DiffOp
		add := func(op, w string) {
			if k := len(ops) - 1; k >= 0 && ops[k].Op == op {
				ops[k].Text += " " + w
				return
			}
			ops = append(ops, provenance.DiffOp{Op: op, Text: w})
		}
		for i := range chunk {
			w := genWord(rng)
			as, ae := a.word(w)
			if p.AStart < 0 {
				p.AStart = as
			}
			p.AEnd = ae
			if i%11 == 5 && i+1 < chunk {
				nw := genWord(rng) + "x"
				bs, be := b.word(nw)
				if p.BStart < 0 {
					p.BStart = bs
				}
				p.BEnd = be
				add(provenance.OpDelete, w)
				add(provenance.OpInsert, nw)
				if mutation.Kind == "" {
					mutation = provenance.Mutation{Kind: provenance.MutationNumber, Source: "docA", Target: "docB",
						SourceText: w, TargetText: nw, SourceStart: as, SourceEnd: ae, TargetStart: bs, TargetEnd: be,
						Passage: len(passages), Explanation: "a figure changed between the two versions"}
				}
				continue
			}
			bs, be := b.word(w)
			if p.BStart < 0 {
				p.BStart = bs
			}
			p.BEnd = be
			add(provenance.OpEqual, w)
		}
		p.Diff, p.Words, p.Similarity = ops, chunk, 0.9
		shared += chunk
		passages = append(passages, p)
	}
	docA := provenance.Document{ID: "docA", Path: "/corpus/a.txt", Format: "txt", Text: a.sb.String(), Words: a.words,
		Meta: provenance.Metadata{Title: provenance.Field{Value: "Harbour plan approved", Origin: provenance.OriginFrontMatter},
			Outlet:    provenance.Field{Value: "Coast Courier", Origin: provenance.OriginSidecar},
			Published: provenance.Field{Value: "2024-03-18", Origin: provenance.OriginInferred, Detail: "dateline"}}}
	docB := provenance.Document{ID: "docB", Path: "/corpus/b.txt", Format: "txt", Text: b.sb.String(), Words: b.words,
		Meta: provenance.Metadata{Title: provenance.Field{Value: "Council backs harbour", Origin: provenance.OriginFile},
			Outlet:    provenance.Field{Value: "Daily Wire", Origin: provenance.OriginSidecar},
			Published: provenance.Field{Value: "2024-03-19", Origin: provenance.OriginSidecar}}}
	idx := make([]int, len(passages))
	for i := range idx {
		idx[i] = i
	}
	return &provenance.Result{
		Version:   provenance.ContractVersion,
		Settings:  provenance.Settings{Preset: "balanced", NGram: 5, MinPassageWords: 10},
		Documents: []provenance.Document{docA, docB},
		Passages:  passages,
		Pairs: []provenance.Pair{{A: "docA", B: "docB", ACoverage: float64(shared) / float64(a.words),
			BCoverage: float64(shared) / float64(b.words), SharedWords: shared, Passages: idx}},
		Links: []provenance.Link{{Source: "docA", Target: "docB", Kind: provenance.LinkCopy, Confidence: 0.87,
			Reasons: []string{"A was published a day earlier", "B's passages are edited versions of A's"}, Passages: idx}},
		Mutations: []provenance.Mutation{mutation},
	}
}

// fakeNav is a Navigator over a fixed result for screen tests.
type fakeNav struct {
	r        *provenance.Result
	ws       WorkshopState
	compared [2]string
	dec      map[store.LinkKey]store.Decision
}

func (f *fakeNav) Decision(s, t string) store.Decision {
	return f.dec[store.LinkKey{Source: s, Target: t}]
}
func (f *fakeNav) SetDecision(s, t string, d store.Decision) {
	if f.dec == nil {
		f.dec = map[store.LinkKey]store.Decision{}
	}
	f.dec[store.LinkKey{Source: s, Target: t}] = d
}

func (f *fakeNav) Result() *provenance.Result { return f.r }
func (f *fakeNav) Compare(a, b string)        { f.compared = [2]string{a, b} }
func (f *fakeNav) SelectDocument(string)      {}
func (f *fakeNav) Workshop() WorkshopState    { return f.ws }

// newTestApp starts a headless app with the default theme (the test theme
// panics on monospace bold).
func newTestApp(t *testing.T) fyne.App {
	a := test.NewTempApp(t)
	test.ApplyTheme(t, theme.DefaultTheme())
	return a
}
