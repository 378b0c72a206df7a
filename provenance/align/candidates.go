package align

import (
	"slices"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/text"
)

// FamilyLimit is the most documents an n-gram may be in and still seed every
// pair of them: max(DFCapMin, DFCap × docs). A key in more documents is a
// family key: its documents are aligned against a few representatives
// instead of each other (see CandidatesForKey), so the work per key stays
// linear in its documents and nothing it carries is dropped.
func FamilyLimit(s provenance.Settings, docs int) int {
	c := int(s.DFCap * float64(docs))
	return max(c, s.DFCapMin, 2)
}

// DocFacts is what the candidate stage knows of one document to choose a
// family's representatives. Runners keep one per document number.
type DocFacts struct {
	// Order ranks documents by publication, earliest first (undated
	// documents after dated ones, then in collection order): 0 is the
	// earliest of the collection. Distinct documents have distinct orders.
	Order uint32 `json:"order"`
	// Words is the document's word count.
	Words uint32 `json:"words"`
}

// Representatives is how many documents of a family key stand for the
// family: the earliest and the longest.
const Representatives = 2

// KeyKind says what CandidatesForKey made of one key.
type KeyKind uint8

// Key kinds.
const (
	KeySingle KeyKind = iota // in fewer than two documents: no candidates
	KeyPairs                 // every pair of its documents seeded
	KeyFamily                // over the limit: members seeded with the representatives
)

// CandidatesForKey turns the postings of one n-gram key (sorted by document
// then position, as SortPostings leaves them) into seeds of candidate pairs.
//
// A key in at most limit documents seeds every pair of distinct documents
// holding it. A key in more documents is a family key (a wire story in
// hundreds of papers, a stock phrase, a shared footer): never dropped, and
// never all of its pairs either. Its representatives — the earliest
// document (facts[doc].Order) and the longest (facts[doc].Words) — are seeded
// with every other member and with each other, so each member is aligned
// against them and the lineage layer sees one family; the work is linear in
// the key's documents. Whether the shared text counts as evidence is decided
// later (CommonPositions, and the incidental verdict of AlignPair).
//
// facts is indexed by Posting.Doc. emit receives each seed with A < B.
func CandidatesForKey(postings []Posting, facts []DocFacts, limit int, emit func(Seed)) KeyKind {
	df := 0
	for i := range postings {
		if i == 0 || postings[i].Doc != postings[i-1].Doc {
			df++
		}
	}
	if df < 2 {
		return KeySingle
	}
	if df <= limit {
		for i := range postings {
			for j := i + 1; j < len(postings); j++ {
				if postings[j].Doc == postings[i].Doc {
					continue
				}
				emit(Seed{A: postings[i].Doc, B: postings[j].Doc, PA: postings[i].Pos, PB: postings[j].Pos})
			}
		}
		return KeyPairs
	}
	reps := representatives(postings, facts)
	for _, r := range reps {
		rp := docPostings(postings, r)
		for i := range postings {
			d := postings[i].Doc
			// each pair once: a representative pairs with another only
			// from the earlier one in reps
			if d == r || (isRep(reps, d) && repIndex(reps, d) < repIndex(reps, r)) {
				continue
			}
			for _, q := range rp {
				emit(orderSeed(d, postings[i].Pos, r, q.Pos))
			}
		}
	}
	return KeyFamily
}

// representatives picks the earliest and the longest document of a key's
// postings (one document when they are the same).
func representatives(postings []Posting, facts []DocFacts) []uint32 {
	earliest, longest := postings[0].Doc, postings[0].Doc
	for _, p := range postings[1:] {
		f := facts[p.Doc]
		if f.Order < facts[earliest].Order {
			earliest = p.Doc
		}
		if lw := facts[longest]; f.Words > lw.Words || (f.Words == lw.Words && f.Order < lw.Order) {
			longest = p.Doc
		}
	}
	if earliest == longest {
		return []uint32{earliest}
	}
	return []uint32{earliest, longest}
}

func isRep(reps []uint32, d uint32) bool { return slices.Contains(reps, d) }

func repIndex(reps []uint32, d uint32) int { return slices.Index(reps, d) }

// docPostings returns the postings of document d (postings sorted by document).
func docPostings(postings []Posting, d uint32) []Posting {
	i, _ := slices.BinarySearchFunc(postings, d, func(p Posting, d uint32) int { return cmpU32(p.Doc, d) })
	j := i
	for j < len(postings) && postings[j].Doc == d {
		j++
	}
	return postings[i:j]
}

func orderSeed(a uint32, pa int32, b uint32, pb int32) Seed {
	if a > b {
		a, b, pa, pb = b, a, pb, pa
	}
	return Seed{A: a, B: b, PA: pa, PB: pb}
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// SortPostings orders postings by key, then document, then position: each
// key's postings become one run, ready for CandidatesForKey.
func SortPostings(postings []Posting) {
	// sort by key alone (cheap), then each key's few postings by document
	slices.SortFunc(postings, func(a, b Posting) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	EachKey(postings, func(run []Posting) {
		if len(run) > 1 {
			slices.SortFunc(run, func(a, b Posting) int {
				if a.Doc != b.Doc {
					return cmpU32(a.Doc, b.Doc)
				}
				return int(a.Pos - b.Pos)
			})
		}
	})
}

// EachKey calls fn with each key's run of postings sorted by key.
func EachKey(postings []Posting, fn func(run []Posting)) {
	for i := 0; i < len(postings); {
		j := i + 1
		for j < len(postings) && postings[j].Key == postings[i].Key {
			j++
		}
		fn(postings[i:j])
		i = j
	}
}

// CommonRun is the fewest content words (words that are not function words)
// a stretch of a document must hold, all of it inside family n-grams, for
// the stretch to count as widely shared text rather than common text: a
// wire story carried by hundreds of papers is the largest family of a news
// archive, while a shared footer, a stock phrase or a standard sign-off is
// short.
const CommonRun = 50

// CommonPositions says which of a document's family n-gram positions
// (positions of keys CandidatesForKey found to be family keys, any order,
// repeats allowed) are common text: those outside any stretch of family
// n-grams holding at least CommonRun content words. The result, sorted, is
// what Doc.Common holds, and the incidental verdict treats passages made
// mostly of it as "built from n-grams common in the collection".
func CommonPositions(w *text.Words, family []int32, n int) []int32 {
	if len(family) == 0 {
		return nil
	}
	fam := slices.Clone(family)
	slices.Sort(fam)
	fam = slices.Compact(fam)
	var out []int32
	for i := 0; i < len(fam); {
		// a stretch: family n-grams that overlap or touch
		j, end := i+1, int(fam[i])+n
		for j < len(fam) && int(fam[j]) <= end {
			end = max(end, int(fam[j])+n)
			j++
		}
		end = min(end, len(w.Hash))
		content := 0
		for k := int(fam[i]); k < end; k++ {
			if !text.FunctionWord(w.Hash[k]) {
				content++
			}
		}
		if content < CommonRun {
			out = append(out, fam[i:j]...)
		}
		i = j
	}
	return out
}
