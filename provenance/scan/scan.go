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
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/text"
)

// shardBits: the index is cut into 1<<shardBits shards by key.
const shardBits = 8

// Scanner runs scans. The zero value works: a worker per core, no cache.
type Scanner struct {
	// Workers is the number of goroutines (<= 0: one per core).
	Workers int
	// Cache, when set, keeps words and shingles between scans.
	Cache *Cache
}

// Run scans docs with settings s using a fresh Scanner (see Scanner.Run).
func Run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, error) {
	return (&Scanner{}).Run(ctx, docs, s, progress)
}

// Run finds the passages docs share and returns the result with Words,
// Passages and Pairs filled, then lineage.Analyze's links, families and
// mutations. Documents with the same text (same ContentHash, or the same
// words when it is empty) are recorded in Duplicates and not matched with
// each other or anything else. progress may be nil; it is called from one
// goroutine and never waited for by the workers.
func (sc *Scanner) Run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, error) {
	if err := Validate(s); err != nil {
		return nil, fmt.Errorf("scan settings: %w", err)
	}
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: s,
		Documents: slices.Clone(docs)}
	n := len(r.Documents)
	ad := make([]align.Doc, n)
	shingles := make([][]align.Shingle, n)

	err := parallel(ctx, n, sc.Workers, "indexing", progress, func(_, i int) {
		d := &r.Documents[i]
		key := cacheKey(d, s)
		e, ok := sc.Cache.get(key)
		if !ok {
			e.words = text.AnalyzeDocument(d, s.MaxDocBytes)
			e.shingles = align.Shingles(e.words, s.NGram)
			sc.Cache.put(key, e)
		}
		d.Words = e.words.Len()
		if s.MaxDocBytes > 0 && len(d.Text) > s.MaxDocBytes {
			d.Words = text.CountWords(d)
		}
		if d.ContentHash == "" {
			d.ContentHash = fmt.Sprintf("%016x", align.NGramKey(e.words.Hash))
		}
		ad[i] = align.Doc{ID: d.ID, Text: d.Text, Words: e.words}
		shingles[i] = e.shingles
	})
	if err != nil {
		return nil, err
	}
	r.Duplicates = markDuplicates(r.Documents, shingles)

	seeds, err := findSeeds(ctx, sc.Workers, shingles, align.DFLimit(s, n-len(r.Duplicates)), ad, progress)
	if err != nil {
		return nil, err
	}
	runs := align.PairRuns(seeds)
	if s.MinSeeds > 1 {
		runs = slices.DeleteFunc(runs, func(r []align.Seed) bool { return len(r) < s.MinSeeds })
	}
	params := align.ParamsOf(s)
	found := make([][]provenance.Passage, len(runs))
	err = parallel(ctx, len(runs), sc.Workers, "aligning", progress, func(_, i int) {
		run := runs[i]
		found[i] = align.AlignPair(&ad[run[0].A], &ad[run[0].B], run, params)
	})
	if err != nil {
		return nil, err
	}
	for i, ps := range found {
		if len(ps) == 0 {
			continue
		}
		a, b := runs[i][0].A, runs[i][0].B
		idx := make([]int, len(ps))
		for k := range ps {
			idx[k] = len(r.Passages) + k
		}
		r.Passages = append(r.Passages, ps...)
		r.Pairs = append(r.Pairs, align.Summarise(&ad[a], &ad[b], r.Documents[a].Words, r.Documents[b].Words, r.Passages, idx))
	}
	if progress != nil {
		progress(provenance.Progress{Stage: "linking"})
	}
	if err := lineage.Analyze(ctx, r); err != nil {
		return r, fmt.Errorf("lineage: %w", err)
	}
	return r, ctx.Err()
}

// markDuplicates records documents whose ContentHash repeats an earlier one
// and drops their shingles so they match nothing.
func markDuplicates(docs []provenance.Document, shingles [][]align.Shingle) []provenance.Duplicate {
	var dups []provenance.Duplicate
	first := map[string]int{}
	for i := range docs {
		h := docs[i].ContentHash
		if j, ok := first[h]; ok && docs[i].Words > 0 {
			dups = append(dups, provenance.Duplicate{Doc: docs[i].ID, Original: docs[j].ID, Reason: "identical text"})
			shingles[i] = nil
			continue
		}
		first[h] = i
	}
	return dups
}

// findSeeds shards every document's shingles by key, turns each shard's
// postings into seeds on the workers, marks the positions of n-grams over
// the DF limit in ad[*].Common, and returns the seeds sorted by pair.
func findSeeds(ctx context.Context, workers int, shingles [][]align.Shingle, limit int, ad []align.Doc, progress func(provenance.Progress)) ([]align.Seed, error) {
	const shards = 1 << shardBits
	counts := make([]int, shards)
	for _, sh := range shingles {
		for _, s := range sh {
			counts[align.Shard(s.Key, shardBits)]++
		}
	}
	postings := make([][]align.Posting, shards)
	for i, c := range counts {
		postings[i] = make([]align.Posting, 0, c)
	}
	for d, sh := range shingles {
		for _, s := range sh {
			k := align.Shard(s.Key, shardBits)
			postings[k] = append(postings[k], align.Posting{Key: s.Key, Doc: uint32(d), Pos: s.Pos})
		}
	}
	seeds := make([][]align.Seed, shards)
	common := make([][]align.Posting, shards)
	err := parallel(ctx, shards, workers, "matching", progress, func(_, i int) {
		seeds[i], common[i] = align.SeedsOfShard(postings[i], limit)
		postings[i] = nil
	})
	if err != nil {
		return nil, err
	}
	for _, cs := range common {
		for _, c := range cs {
			ad[c.Doc].Common = append(ad[c.Doc].Common, c.Pos)
		}
	}
	for i := range ad {
		slices.Sort(ad[i].Common)
	}
	// Counting sort by document A, then each A's seeds sorted on a worker:
	// the result is ordered as align.SortSeeds orders it.
	starts := make([]int, len(ad)+1)
	for _, ss := range seeds {
		for _, s := range ss {
			starts[s.A+1]++
		}
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	all := make([]align.Seed, starts[len(ad)])
	next := slices.Clone(starts[:len(ad)])
	for k, ss := range seeds {
		for _, s := range ss {
			all[next[s.A]] = s
			next[s.A]++
		}
		seeds[k] = nil
	}
	err = parallel(ctx, len(ad), workers, "matching", nil, func(_, a int) {
		align.SortSeeds(all[starts[a]:starts[a+1]])
	})
	return all, err
}
