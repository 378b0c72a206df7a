// Package scan runs the passage engine over a collection: it tokenizes and
// shingles every document, builds the n-gram index, finds candidate pairs,
// aligns them, summarises each pair and hands the result to the lineage
// layer. The heavy stages are the plain functions of provenance/text and
// provenance/align; this package is the small in-process runner that calls
// them on a worker per core, reports progress and honours cancellation.
package scan

import (
	"context"
	"fmt"
	"slices"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/stage"
)

// shardBits: the index is cut into 1<<shardBits shards by key.
const shardBits = 8

const shards = 1 << shardBits

// Scanner runs scans. The zero value works: a worker per core, no cache.
type Scanner struct {
	// Workers is the number of goroutines (<= 0: one per core).
	Workers int
	// Cache, when set, keeps words and shingles between scans.
	Cache *Cache
	// Decided, when set, is called from Run's goroutine as each stage's
	// values are decided, with the result as it stands, so a writer can
	// stream them (copytrail scan --jsonl): "documents" (Documents with
	// their word counts and hashes, and Duplicates), "passages" (Passages
	// and Pairs), "lineage" (Links, Families, Mutations, OutletEdges).
	Decided func(stage string, r *provenance.Result)
	// Checkpoint, when set, records each seed range aligned and reads back
	// those an earlier, stopped scan of the same input finished.
	Checkpoint Checkpoint
}

func (sc *Scanner) decided(stage string, r *provenance.Result) {
	if sc.Decided != nil {
		sc.Decided(stage, r)
	}
}

// Run scans docs with settings s using a fresh Scanner (see Scanner.Run).
func Run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, error) {
	return (&Scanner{}).Run(ctx, docs, s, progress)
}

// RunIndexed is Run that also returns the collection's n-gram index, for
// Add, Remove and Query later (and for the workspace to keep).
func (sc *Scanner) RunIndexed(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, *index.Index, error) {
	var ix *index.Index
	r, err := sc.run(ctx, docs, s, progress, &ix)
	return r, ix, err
}

// Run finds the passages docs share and returns the result with Words,
// Passages and Pairs filled, then lineage.Analyze's links, families and
// mutations. Documents with the same text (same ContentHash, or the same
// words when it is empty) are recorded in Duplicates and not matched with
// each other or anything else. progress may be nil; it is called from one
// goroutine and never waited for by the workers.
func (sc *Scanner) Run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, error) {
	return sc.run(ctx, docs, s, progress, nil)
}

// run is Run; when ixOut is not nil it builds the index into *ixOut.
func (sc *Scanner) run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress), ixOut **index.Index) (*provenance.Result, error) {
	if err := Validate(s); err != nil {
		return nil, fmt.Errorf("scan settings: %w", err)
	}
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: s,
		Documents: slices.Clone(docs)}
	n := len(r.Documents)
	ad := make([]align.Doc, n)
	workers := workerCount(sc.Workers)
	// Stage 1 on the workers: each document's words stay (alignment needs
	// them); its shingles go straight into the worker's shard buckets.
	buckets := make([][]chunks[align.Posting], workers)
	for w := range buckets {
		buckets[w] = make([]chunks[align.Posting], shards)
	}
	err := parallel(ctx, n, workers, "indexing", progress, func(w, i int) {
		d := &r.Documents[i]
		key := cacheKey(d, s)
		e, ok := sc.Cache.get(key)
		if !ok {
			e = stage.ShingleDocument(d, s)
			sc.Cache.put(key, e)
		}
		d.Words = e.WordCount
		d.ContentHash = e.ContentHash
		ad[i] = align.Doc{ID: d.ID, Text: d.Text, Words: e.Words}
		ad[i].Words.Weak = nil // only shingling needs it
		b := buckets[w]
		stage.Postings(uint32(i), e.Shingles, func(p align.Posting) {
			b[align.Shard(p.Key, shardBits)].add(p)
		})
	})
	if err != nil {
		return nil, err
	}
	var dup []bool
	r.Duplicates, dup = markDuplicates(r.Documents)
	words := make([]int, n)
	for i := range r.Documents {
		words[i] = r.Documents[i].Words
	}
	sc.decided("documents", r)
	facts := stage.Facts(r.Documents, words)
	var ix *index.Index
	if ixOut != nil {
		total := 0
		for w := range buckets {
			for k := range buckets[w] {
				total += buckets[w][k].len()
			}
		}
		ix = index.New(s, total)
		ix.Facts = facts
		ix.IDs = make([]string, n)
		for i := range r.Documents {
			ix.IDs[i] = r.Documents[i].ID
		}
		*ixOut = ix
	}
	seeds, err := findSeeds(ctx, workers, buckets, dup, facts, stage.FamilyLimit(s, n-len(r.Duplicates)), ad, s, ix, progress)
	if err != nil {
		return nil, err
	}
	if err := alignSeeds(ctx, workers, seeds, ad, r, s, sc.Checkpoint, progress); err != nil {
		return nil, err
	}
	sc.decided("passages", r)
	if progress != nil {
		progress(provenance.Progress{Stage: "linking"})
	}
	if err := stage.Lineage(ctx, r); err != nil {
		return r, fmt.Errorf("lineage: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	sc.decided("lineage", r)
	return r, nil
}

// markDuplicates records documents whose ContentHash repeats an earlier one;
// dup marks them, so they match nothing.
func markDuplicates(docs []provenance.Document) ([]provenance.Duplicate, []bool) {
	var dups []provenance.Duplicate
	dup := make([]bool, len(docs))
	first := map[string]int{}
	for i := range docs {
		h := docs[i].ContentHash
		if j, ok := first[h]; ok && docs[i].Words > 0 {
			dups = append(dups, provenance.Duplicate{Doc: docs[i].ID, Original: docs[j].ID, Reason: "identical text"})
			dup[i] = true
			continue
		}
		first[h] = i
	}
	return dups, dup
}
