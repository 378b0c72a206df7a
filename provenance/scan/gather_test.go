package scan

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/stage"
)

// TestGatherShardSortsAsSortPostings checks that a shard gathered by the
// counting sort on the key's next bits comes out as the whole shard
// gathered and sorted by align.SortPostings, duplicates left out — for
// shards too small to split and large enough to split in 4,096 groups.
func TestGatherShardSortsAsSortPostings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 100, 5000, 600000} {
		const workers, docs = 3, 500
		dup := make([]bool, docs)
		for i := range dup {
			dup[i] = rng.IntN(10) == 0
		}
		buckets := make([][]chunks[align.Posting], workers)
		for w := range buckets {
			buckets[w] = make([]chunks[align.Posting], shards)
		}
		var want []align.Posting
		keys := make([]uint64, max(1, size/3)) // keys repeat, as n-grams shared by documents do
		for i := range keys {
			keys[i] = 7<<(64-shardBits) | rng.Uint64()>>shardBits
		}
		for i := 0; i < size; i++ {
			p := align.Posting{Key: keys[rng.IntN(len(keys))], Doc: uint32(rng.IntN(docs)), Pos: rng.Int32N(1000)}
			buckets[rng.IntN(workers)][7].add(p)
			if !dup[p.Doc] {
				want = append(want, p)
			}
		}
		align.SortPostings(want)
		got := gatherShard(buckets, 7, dup)
		if !slices.Equal(got, want) {
			t.Fatalf("%d postings: gathered shard differs from SortPostings' order", size)
		}
		for w := range buckets {
			if buckets[w][7] != nil {
				t.Fatalf("%d postings: worker %d's chunks not freed", size, w)
			}
		}
	}
}

// TestCandidateGroupsAsSortSeeds checks that each range's seeds, gathered
// by first document, filtered and sorted group by group, come out as the
// range's seeds sorted whole by stage.SortSeeds, less the pairs with fewer
// than MinSeeds seeds (those stage.Candidate would not align).
func TestCandidateGroupsAsSortSeeds(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, minSeeds := range []int{1, 2, 3, 300} {
		for _, docs := range []int{2, 7, 64, 65, 1000} {
			sb := &seedBuckets{byWorker: make([][]chunks[align.Seed], 2), docs: docs}
			for w := range sb.byWorker {
				sb.byWorker[w] = make([]chunks[align.Seed], seedRanges)
			}
			all := make([][]align.Seed, seedRanges)
			counts := newPairCounts(2, docs, minSeeds) // one for every range, as alignSeeds does
			for i := 0; i < 20*docs; i++ {
				a := uint32(rng.IntN(docs - 1))
				b := a + 1 + uint32(rng.IntN(min(5, docs-1-int(a))))
				sd := align.Seed{A: a, B: b, PA: rng.Int32N(50), PB: rng.Int32N(50)}
				k := sb.rangeOf(a)
				sb.byWorker[rng.IntN(2)][k].add(sd)
				all[k] = append(all[k], sd)
			}
			for k := 0; k < seedRanges; k++ {
				stage.SortSeeds(all[k])
				var want []align.Seed
				for _, run := range align.PairRuns(all[k]) {
					if len(run) >= minSeeds || minSeeds > 255 { // above 255 candidateGroups keeps all, Candidate decides
						want = append(want, run...)
					}
				}
				seeds, at := sb.gatherByFirst(k)
				got, err := candidateGroups(context.Background(), 2, counts, seeds, at, minSeeds)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) && len(got)+len(want) > 0 {
					t.Fatalf("min seeds %d, %d documents, range %d: the seeds kept and sorted by group differ from SortSeeds' order less the pairs with fewer seeds", minSeeds, docs, k)
				}
			}
		}
	}
}
