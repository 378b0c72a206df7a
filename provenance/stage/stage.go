// Package stage is the one place where the heavy stages of the passage
// engine are defined, as plain functions over plain values, so that every
// runner calls the same code: scan.Scanner (goroutines, a worker per core, on
// one machine) and cmd/copytrail-beam (Apache Beam, for archives of millions).
// Nothing here reaches for global state, files, clocks or the UI; every input
// and output is a value made of numbers, strings, slices and structs of them
// (no pointers into shared state, no maps, no funcs except emit callbacks), so
// a distributed runner can encode them between workers.
//
// The pipeline, in order, with the grouping a runner does between stages:
//
//  1. ShingleDocument — one document → its words (kept for alignment) and its
//     shingles; Postings turns the shingles into key → (document, position)
//     records. Document numbers (uint32) are the runner's: any dense
//     numbering, the same in every stage. Facts gives each document the
//     order and length the candidate stage needs (a collection-wide sort by
//     publication date; a small side input: 8 bytes a document).
//     Duplicates (same ContentHash) are the runner's to drop before stage 2.
//  2. Group postings by key (a shuffle), SortKey each group, then
//     CandidatesForKey — one key's postings → seeds of candidate pairs. A key
//     in more than FamilyLimit documents is a family key: its members are
//     seeded against the family's representatives (the earliest and the
//     longest document), never all pairs and never dropped. The positions of
//     family keys go, per document, to CommonPositions.
//  3. Group seeds by pair (A, B) (a shuffle), SortSeeds each group; keep the
//     pairs that are Candidate (at least MinSeeds seeds); AlignPair — one
//     pair's two documents and seeds → its passages with word diffs and
//     incidental verdicts; Summarise — the pair's passages → its coverage.
//  4. Lineage — the whole result (documents, passages, pairs) → links,
//     families, mutations. It needs every pair of the collection at once:
//     a runner gathers the pairs (small next to the texts) and calls it once.
//
// See docs/engine.md for what each stage does and why, and
// provenance/scan for the in-process runner, which calls exactly these.
package stage

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/text"
)

// Shingled is what stage 1 makes of one document.
type Shingled struct {
	// Words are the document's word tokens (hash, byte span, weak flag):
	// what alignment needs besides the text.
	Words text.Words `json:"words"`
	// Shingles are its hashed word n-grams sorted by key (at most
	// align.MaxPerKey of one key).
	Shingles []align.Shingle `json:"shingles"`
	// WordCount is Document.Words: the words outside ignored spans (all of
	// them, even beyond MaxDocBytes).
	WordCount int `json:"word_count"`
	// ContentHash is the document's ContentHash, or a hash of its words
	// when it has none: documents with equal hashes are duplicates.
	ContentHash string `json:"content_hash"`
}

// ShingleDocument tokenizes one document (at most s.MaxDocBytes of it,
// skipping its Boilerplate and Skip spans) and shingles its words into
// s.NGram-word n-grams.
func ShingleDocument(d *provenance.Document, s provenance.Settings) Shingled {
	w := text.AnalyzeDocument(d, s.MaxDocBytes)
	out := Shingled{Words: w, Shingles: align.Shingles(w, s.NGram), WordCount: w.Len(), ContentHash: d.ContentHash}
	if s.MaxDocBytes > 0 && len(d.Text) > s.MaxDocBytes {
		out.WordCount = text.CountWords(d)
	}
	if out.ContentHash == "" {
		out.ContentHash = fmt.Sprintf("%016x", align.NGramKey(w.Hash))
	}
	return out
}

// Postings calls emit with the posting (key → document, position) of each
// of document doc's shingles.
func Postings(doc uint32, shingles []align.Shingle, emit func(align.Posting)) {
	for _, s := range shingles {
		emit(align.Posting{Key: s.Key, Doc: doc, Pos: s.Pos})
	}
}

// Facts returns the candidate stage's facts of each document: its order by
// publication (earliest first, undated after dated, ties in collection
// order) and its word count (words[i], the WordCount of ShingleDocument).
func Facts(docs []provenance.Document, words []int) []align.DocFacts {
	type dated struct {
		i    int
		ok   bool
		unix int64
	}
	ds := make([]dated, len(docs))
	for i := range docs {
		t, ok := docs[i].Meta.PublishedTime()
		ds[i] = dated{i: i, ok: ok, unix: t.UnixNano()}
	}
	sort.SliceStable(ds, func(x, y int) bool {
		a, b := ds[x], ds[y]
		if a.ok != b.ok {
			return a.ok
		}
		return a.ok && a.unix < b.unix
	})
	facts := make([]align.DocFacts, len(docs))
	for rank, d := range ds {
		facts[d.i].Order = uint32(rank)
	}
	for i := range facts {
		if i < len(words) {
			facts[i].Words = uint32(max(0, words[i]))
		}
	}
	return facts
}

// FamilyLimit is the most documents a key may be in and still seed all its
// pairs, for a collection of docs documents (duplicates left out).
func FamilyLimit(s provenance.Settings, docs int) int { return align.FamilyLimit(s, docs) }

// SortKey orders one key's postings by document, then position, as
// CandidatesForKey wants them.
func SortKey(postings []align.Posting) {
	slices.SortFunc(postings, func(a, b align.Posting) int {
		if a.Doc != b.Doc {
			if a.Doc < b.Doc {
				return -1
			}
			return 1
		}
		return int(a.Pos - b.Pos)
	})
}

// CandidatesForKey turns one key's postings (sorted by SortKey) into seeds of
// candidate pairs; see align.CandidatesForKey. When it returns
// align.KeyFamily, the postings' positions are family positions of their
// documents, for CommonPositions.
func CandidatesForKey(postings []align.Posting, facts []align.DocFacts, limit int, emit func(align.Seed)) align.KeyKind {
	return align.CandidatesForKey(postings, facts, limit, emit)
}

// CommonPositions turns one document's family positions into its common
// positions (align.Doc.Common); see align.CommonPositions.
func CommonPositions(w *text.Words, family []int32, s provenance.Settings) []int32 {
	return align.CommonPositions(w, family, s.NGram)
}

// SortSeeds orders one pair's seeds (or any seeds) by pair, then position.
func SortSeeds(seeds []align.Seed) { align.SortSeeds(seeds) }

// Candidate reports whether a pair with these seeds is aligned: it shares
// at least s.MinSeeds of them (passim's min-match).
func Candidate(seeds []align.Seed, s provenance.Settings) bool {
	return len(seeds) > 0 && len(seeds) >= s.MinSeeds
}

// AlignPair aligns two documents from their seeds (sorted by SortSeeds) and
// returns their passages, each with its word diff, similarity and
// incidental verdict, ordered by start in a.
func AlignPair(a, b *align.Doc, seeds []align.Seed, s provenance.Settings) []provenance.Passage {
	return align.AlignPair(a, b, seeds, align.ParamsOf(s))
}

// PassageDiff returns the word diff of passage p of documents a (p.A) and b
// (p.B): the diff of a passage summarised without one (an incidental
// passage keeps its spans, length, similarity and reason, not its diff), for
// a view or a report that shows it. It tokenizes both documents again.
func PassageDiff(a, b *provenance.Document, p provenance.Passage, s provenance.Settings) []provenance.DiffOp {
	if p.Diff != nil {
		return p.Diff
	}
	da := align.Doc{ID: a.ID, Text: a.Text, Words: text.AnalyzeDocument(a, s.MaxDocBytes)}
	db := align.Doc{ID: b.ID, Text: b.Text, Words: text.AnalyzeDocument(b, s.MaxDocBytes)}
	return align.DiffOf(&da, &db, p)
}

// Summarise builds the pair summary of a and b from their passages; idx
// gives the passages' indexes in the final Result.Passages (all holds them
// at those indexes).
func Summarise(a, b *align.Doc, wordsA, wordsB int, all []provenance.Passage, idx []int) provenance.Pair {
	return align.Summarise(a, b, wordsA, wordsB, all, idx)
}

// Lineage fills r.Links, r.Families, r.Mutations and r.OutletEdges from
// r.Documents (with their texts), r.Passages and r.Pairs.
func Lineage(ctx context.Context, r *provenance.Result) error { return lineage.Analyze(ctx, r) }
