package pipeline

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/stage"
)

// The index is cut into shards by key, as the local runner cuts it: a
// document's postings travel in one batch per shard it touches, and each
// shard is sorted and cut into keys on one worker. Batches keep the number
// of elements a runner handles near the number of documents times the
// shards, instead of one element per posting; the shard count grows with
// the collection so a shard stays near a million postings.

// shardBits is log2 of the number of index shards for a collection.
func shardBits(docs int) uint {
	bits := uint(6)
	for bits < 16 && docs>>bits > 1500 {
		bits++
	}
	return bits
}

// shingleFn runs stage 1 on one document (stage.ShingleDocument,
// stage.Postings): it emits the postings in one batch per index shard, the
// document with its word count and content hash keyed by index, and its
// facts.
type shingleFn struct {
	Settings provenance.Settings
}

func (f *shingleFn) ProcessElement(ctx context.Context, d IDoc, docs int, post func(int, []align.Posting), emit func(uint32, IDoc), fact func(Fact)) {
	defer meterShingle.start(ctx)()
	sh := stage.ShingleDocument(&d.Doc, f.Settings)
	d.Doc.Words, d.Doc.ContentHash = sh.WordCount, sh.ContentHash
	bits := shardBits(docs)
	batch := map[int][]align.Posting{}
	stage.Postings(d.Index, sh.Shingles, func(p align.Posting) {
		k := align.Shard(p.Key, bits)
		batch[k] = append(batch[k], p)
	})
	for k, ps := range batch {
		post(k, ps)
	}
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

// candidatesFn runs stage 2 on one index shard: its postings sorted and cut
// into keys (align.SortPostings, align.EachKey, as the local runner does),
// then stage.CandidatesForKey on each key: seeds keyed by pair, and for a
// family key the family positions keyed by document. A family key's work
// is linear in its documents (members seeded against two representatives):
// a text carried by thousands of documents adds their postings to one
// shard (16 bytes a posting, at most three a document), never the square
// of their number.
type candidatesFn struct {
	Settings provenance.Settings
}

func (f *candidatesFn) ProcessElement(ctx context.Context, _ int, batches func(*[]align.Posting) bool, facts []align.DocFacts, seed func(uint64, []align.Seed), family func(uint32, []int32)) {
	defer meterCandidate.start(ctx)()
	var all []align.Posting
	var b []align.Posting
	for batches(&b) {
		all = append(all, b...)
	}
	align.SortPostings(all)
	limit := stage.FamilyLimit(f.Settings, len(facts))
	byPair := map[uint64][]align.Seed{} // one batch per pair and shard
	emit := func(s align.Seed) { k := pairKey(s.A, s.B); byPair[k] = append(byPair[k], s) }
	fam := map[uint32][]int32{} // one batch per document and shard
	align.EachKey(all, func(run []align.Posting) {
		if len(run) > 1 && stage.CandidatesForKey(run, facts, limit, emit) == align.KeyFamily {
			for _, p := range run {
				fam[p.Doc] = append(fam[p.Doc], p.Pos)
			}
		}
	})
	for k, ss := range byPair {
		seed(k, ss)
	}
	for d, ps := range fam {
		family(d, ps)
	}
}

// runFn gathers one pair's seeds (stage.SortSeeds) and keeps the pair when
// it is a candidate (stage.Candidate), keyed by its first document.
type runFn struct {
	Settings provenance.Settings
}

func (f *runFn) ProcessElement(ctx context.Context, _ uint64, seeds func(*[]align.Seed) bool, emit func(uint32, Run)) {
	defer meterRun.start(ctx)()
	var all []align.Seed
	var s []align.Seed
	for seeds(&s) {
		all = append(all, s...)
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

func (f *commonFn) ProcessElement(ctx context.Context, _ uint32, docs func(*IDoc) bool, family func(*[]int32) bool, emit func(uint32, ADoc)) {
	defer meterCommon.start(ctx)()
	var d IDoc
	if !docs(&d) {
		return
	}
	a := ADoc{Index: d.Index, Doc: d.Doc}
	var fam, ps []int32
	for family(&ps) {
		fam = append(fam, ps...)
	}
	if len(fam) > 0 {
		w := stage.ShingleDocument(&d.Doc, f.Settings).Words
		a.Common = stage.CommonPositions(&w, fam, f.Settings)
	}
	emit(d.Index, a)
}

func init() {
	register.DoFn6x0[context.Context, IDoc, int, func(int, []align.Posting), func(uint32, IDoc), func(Fact)](&shingleFn{})
	register.Function2x1(facts)
	register.DoFn6x0[context.Context, int, func(*[]align.Posting) bool, []align.DocFacts, func(uint64, []align.Seed), func(uint32, []int32)](&candidatesFn{})
	register.DoFn4x0[context.Context, uint64, func(*[]align.Seed) bool, func(uint32, Run)](&runFn{})
	register.DoFn5x0[context.Context, uint32, func(*IDoc) bool, func(*[]int32) bool, func(uint32, ADoc)](&commonFn{})
	register.Emitter2[int, []align.Posting]()
	register.Emitter2[uint32, IDoc]()
	register.Emitter1[Fact]()
	register.Emitter2[uint64, []align.Seed]()
	register.Emitter2[uint32, []int32]()
	register.Emitter2[uint32, Run]()
	register.Emitter2[uint32, ADoc]()
	register.Iter1[[]align.Posting]()
	register.Iter1[Fact]()
	register.Iter1[[]align.Seed]()
	register.Iter1[[]int32]()
	register.Iter1[IDoc]()
}

// index runs stages 1 and 2 and the grouping of seeds by pair: it returns
// the candidate pairs' runs (keyed by document A), the documents ready to
// align (keyed by index) and the documents' facts (a singleton).
func index(s beam.Scope, docs, count beam.PCollection, st provenance.Settings) (runs, adocs, table beam.PCollection) {
	s = s.Scope("index")
	posts, counted, fs := beam.ParDo3(s, &shingleFn{Settings: st}, docs, beam.SideInput{Input: count})
	table = beam.ParDo(s, facts, beam.Impulse(s), beam.SideInput{Input: fs})
	seeds, family := beam.ParDo2(s, &candidatesFn{Settings: st}, beam.GroupByKey(s, posts), beam.SideInput{Input: table})
	runs = beam.ParDo(s, &runFn{Settings: st}, beam.GroupByKey(s, seeds))
	adocs = beam.ParDo(s, &commonFn{Settings: st}, beam.CoGroupByKey(s, counted, family))
	return runs, adocs, table
}
