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

// TestSeedGroupsSortAsSortSeeds checks that each range's seeds, gathered by
// first document and sorted group by group, come out as the range's seeds
// sorted whole by stage.SortSeeds.
func TestSeedGroupsSortAsSortSeeds(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, docs := range []int{1, 7, 64, 65, 1000} {
		sb := &seedBuckets{byWorker: make([][]chunks[align.Seed], 2), docs: docs}
		for w := range sb.byWorker {
			sb.byWorker[w] = make([]chunks[align.Seed], seedRanges)
		}
		want := make([][]align.Seed, seedRanges)
		for i := 0; i < 20*docs; i++ {
			a := uint32(rng.IntN(docs))
			sd := align.Seed{A: a, B: a + 1 + uint32(rng.IntN(5)), PA: rng.Int32N(50), PB: rng.Int32N(50)}
			k := sb.rangeOf(a)
			sb.byWorker[rng.IntN(2)][k].add(sd)
			want[k] = append(want[k], sd)
		}
		for k := 0; k < seedRanges; k++ {
			stage.SortSeeds(want[k])
			got, at := sb.gatherByFirst(k)
			if err := sortGroups(context.Background(), 2, got, at); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want[k]) && len(got)+len(want[k]) > 0 {
				t.Fatalf("%d documents, range %d: seeds sorted by group differ from SortSeeds' order", docs, k)
			}
		}
	}
}
