package pipeline

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/stage"
)

// shingleFn runs stage 1 on one document (stage.ShingleDocument,
// stage.Postings): it emits the postings keyed by n-gram, the document with
// its word count and content hash keyed by index, and its facts.
type shingleFn struct {
	Settings provenance.Settings
}

func (f *shingleFn) ProcessElement(d IDoc, post func(uint64, Post), emit func(uint32, IDoc), fact func(Fact)) {
	sh := stage.ShingleDocument(&d.Doc, f.Settings)
	d.Doc.Words, d.Doc.ContentHash = sh.WordCount, sh.ContentHash
	stage.Postings(d.Index, sh.Shingles, func(p align.Posting) { post(p.Key, Post{Doc: p.Doc, Pos: p.Pos}) })
	emit(d.Index, d)
	fact(Fact{Index: d.Index, Published: d.Doc.Meta.Published.Value, Words: sh.WordCount})
}

// facts gathers every document's facts into stage.Facts' table (one of the
// few single-worker steps: 8 bytes a document), the side input of the
// candidate stage.
func facts(_ []byte, in func(*Fact) bool) []align.DocFacts {
	var all []Fact
	var f Fact
	n := 0
	for in(&f) {
		all = append(all, f)
		n = max(n, int(f.Index)+1)
	}
	docs := make([]provenance.Document, n)
	words := make([]int, n)
	for _, f := range all {
		docs[f.Index].Meta.Published.Value = f.Published
		words[f.Index] = f.Words
	}
	return stage.Facts(docs, words)
}

// candidatesFn runs stage 2 on one n-gram key (stage.SortKey,
// stage.CandidatesForKey): seeds keyed by pair, and for a family key the
// family positions keyed by document. A family key's work is linear in its
// documents (members seeded against two representatives), and its postings
// are the only thing held: 16 bytes a posting, at most three a document.
type candidatesFn struct {
	Settings provenance.Settings
}

func (f *candidatesFn) ProcessElement(key uint64, posts func(*Post) bool, facts []align.DocFacts, seed func(uint64, align.Seed), family func(uint32, int32)) {
	var all []align.Posting
	var p Post
	for posts(&p) {
		all = append(all, align.Posting{Key: key, Doc: p.Doc, Pos: p.Pos})
	}
	if len(all) < 2 {
		return
	}
	stage.SortKey(all)
	limit := stage.FamilyLimit(f.Settings, len(facts))
	kind := stage.CandidatesForKey(all, facts, limit, func(s align.Seed) { seed(pairKey(s.A, s.B), s) })
	if kind == align.KeyFamily {
		for _, p := range all {
			family(p.Doc, p.Pos)
		}
	}
}

// runFn gathers one pair's seeds (stage.SortSeeds) and keeps the pair when
// it is a candidate (stage.Candidate), keyed by its first document.
type runFn struct {
	Settings provenance.Settings
}

func (f *runFn) ProcessElement(_ uint64, seeds func(*align.Seed) bool, emit func(uint32, Run)) {
	var all []align.Seed
	var s align.Seed
	for seeds(&s) {
		all = append(all, s)
	}
	stage.SortSeeds(all)
	if !stage.Candidate(all, f.Settings) {
		return
	}
	emit(all[0].A, Run{A: all[0].A, B: all[0].B, Seeds: all})
}

// commonFn joins a document with its family positions and turns them into
// its common positions (stage.CommonPositions), ready for alignment.
type commonFn struct {
	Settings provenance.Settings
}

func (f *commonFn) ProcessElement(_ uint32, docs func(*IDoc) bool, family func(*int32) bool, emit func(uint32, ADoc)) {
	var d IDoc
	if !docs(&d) {
		return
	}
	a := ADoc{Index: d.Index, Doc: d.Doc}
	var fam []int32
	var p int32
	for family(&p) {
		fam = append(fam, p)
	}
	if len(fam) > 0 {
		w := stage.ShingleDocument(&d.Doc, f.Settings).Words
		a.Common = stage.CommonPositions(&w, fam, f.Settings)
	}
	emit(d.Index, a)
}

func init() {
	register.DoFn4x0[IDoc, func(uint64, Post), func(uint32, IDoc), func(Fact)](&shingleFn{})
	register.Function2x1(facts)
	register.DoFn5x0[uint64, func(*Post) bool, []align.DocFacts, func(uint64, align.Seed), func(uint32, int32)](&candidatesFn{})
	register.DoFn3x0[uint64, func(*align.Seed) bool, func(uint32, Run)](&runFn{})
	register.DoFn4x0[uint32, func(*IDoc) bool, func(*int32) bool, func(uint32, ADoc)](&commonFn{})
	register.Emitter2[uint64, Post]()
	register.Emitter2[uint32, IDoc]()
	register.Emitter1[Fact]()
	register.Emitter2[uint64, align.Seed]()
	register.Emitter2[uint32, int32]()
	register.Emitter2[uint32, Run]()
	register.Emitter2[uint32, ADoc]()
	register.Iter1[Post]()
	register.Iter1[Fact]()
	register.Iter1[align.Seed]()
	register.Iter1[int32]()
	register.Iter1[IDoc]()
}

// index runs stages 1 and 2 and the grouping of seeds by pair: it returns
// the candidate pairs' runs (keyed by document A), the documents ready to
// align (keyed by index) and the documents' facts (a singleton).
func index(s beam.Scope, docs beam.PCollection, st provenance.Settings) (runs, adocs, table beam.PCollection) {
	s = s.Scope("index")
	posts, counted, fs := beam.ParDo3(s, &shingleFn{Settings: st}, docs)
	table = beam.ParDo(s, facts, beam.Impulse(s), beam.SideInput{Input: fs})
	seeds, family := beam.ParDo2(s, &candidatesFn{Settings: st}, beam.GroupByKey(s, posts), beam.SideInput{Input: table})
	runs = beam.ParDo(s, &runFn{Settings: st}, beam.GroupByKey(s, seeds))
	adocs = beam.ParDo(s, &commonFn{Settings: st}, beam.CoGroupByKey(s, counted, family))
	return runs, adocs, table
}
