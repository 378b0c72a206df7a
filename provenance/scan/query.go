package scan

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/stage"
)

// Source is what a look-up in an analysed collection reads: its index and
// its documents, by document number. An open result with its index
// (NewSource) and a workspace file (store.OpenIndex) both serve it; the
// file reads only the buckets and documents a look-up needs.
type Source interface {
	// Index is the index's settings and document IDs; its Buckets may be
	// empty when ReadBucket reads them from elsewhere.
	Index() *index.Index
	// ReadBucket returns one bucket's encoded postings.
	ReadBucket(b int) ([]byte, error)
	// Document returns document number num (with its text).
	Document(num uint32) (*provenance.Document, error)
	// Facts are the candidate stage's facts of every document, by number.
	Facts() ([]align.DocFacts, error)
	// Settings are the collection's analysis settings.
	Settings() provenance.Settings
}

// NewSource serves an analysed result and its index to Query.
func NewSource(r *provenance.Result, ix *index.Index) Source { return &memSource{r: r, ix: ix} }

// memSource is a result in memory with its index.
type memSource struct {
	r    *provenance.Result
	ix   *index.Index
	byID map[string]int
}

func (m *memSource) Index() *index.Index              { return m.ix }
func (m *memSource) Settings() provenance.Settings    { return m.r.Settings }
func (m *memSource) ReadBucket(b int) ([]byte, error) { return m.ix.Buckets[b], nil }

func (m *memSource) Document(num uint32) (*provenance.Document, error) {
	if m.byID == nil || len(m.byID) != len(m.r.Documents) {
		m.byID = m.r.DocIndex()
	}
	if int(num) >= len(m.ix.IDs) {
		return nil, fmt.Errorf("no document number %d", num)
	}
	i, ok := m.byID[m.ix.IDs[num]]
	if !ok {
		return nil, fmt.Errorf("document %d (%q) is not in the result", num, m.ix.IDs[num])
	}
	return &m.r.Documents[i], nil
}

func (m *memSource) Facts() ([]align.DocFacts, error) {
	byID := m.r.DocIndex()
	docs := make([]provenance.Document, len(m.ix.IDs))
	words := make([]int, len(m.ix.IDs))
	for n, id := range m.ix.IDs {
		if i, ok := byID[id]; ok && id != "" {
			docs[n], words[n] = m.r.Documents[i], m.r.Documents[i].Words
		}
	}
	return stage.Facts(docs, words), nil
}

// Match is one article of the collection that shares passages with a
// queried text.
type Match struct {
	// Document is the article (with its text).
	Document *provenance.Document
	// Pair summarises what they share: A is the article, B the queried
	// text (ACoverage: the share of the article, BCoverage: the share of
	// the queried text; SharedWords: the article's words in them).
	Pair provenance.Pair
	// Passages are the passages they share (A the article, B the text);
	// Pair.Passages indexes them.
	Passages []provenance.Passage
}

// Query finds which articles of an analysed collection share passages with
// one text, and how much, without changing anything: the text is shingled,
// its n-grams looked up in the index (the same pair and family rules as a
// scan; the text counts as the latest document, so it is never a family's
// earliest representative), and aligned with each candidate. Matches come
// with the most shared words first; those sharing only incidental passages
// (names, stock phrases) last, with SharedWords 0.
func Query(ctx context.Context, src Source, d provenance.Document) ([]Match, error) {
	s := src.Settings()
	ix := src.Index()
	if !ix.Fits(s) {
		return nil, fmt.Errorf("query: the workspace's index does not fit its settings: analyse it again")
	}
	if d.ID == "" {
		d.ID = "query"
	}
	sh := stage.ShingleDocument(&d, s)
	d.Words, d.ContentHash = sh.WordCount, sh.ContentHash
	facts, err := src.Facts()
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	facts = append(slices.Clip(facts), align.DocFacts{Order: math.MaxUint32, Words: uint32(d.Words)})
	found, err := alignNew(ctx, src, &d, uint32(len(ix.IDs)), sh, facts)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	out := make([]Match, 0, len(found))
	for _, f := range found {
		idx := make([]int, len(f.passages))
		for i := range idx {
			idx[i] = i
		}
		out = append(out, Match{Document: f.otherDoc, Passages: f.passages,
			Pair: stage.Summarise(f.other, f.doc, f.otherWords, d.Words, f.passages, idx)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pair, out[j].Pair
		if a.SharedWords != b.SharedWords {
			return a.SharedWords > b.SharedWords
		}
		return a.BCoverage > b.BCoverage
	})
	return out, ctx.Err()
}

// newMatch is one candidate a new document was aligned with.
type newMatch struct {
	other, doc *align.Doc
	otherDoc   *provenance.Document
	otherWords int
	passages   []provenance.Passage
}

// alignNew finds the candidates of document d (number num, not in the index
// yet) and aligns it with each, in order of document number. facts, when
// nil, are read from src (and must then cover num).
func alignNew(ctx context.Context, src Source, d *provenance.Document, num uint32, sh stage.Shingled, facts []align.DocFacts) ([]newMatch, error) {
	s := src.Settings()
	ix := src.Index()
	if facts == nil {
		var err error
		if facts, err = src.Facts(); err != nil {
			return nil, err
		}
	}
	if int(num) >= len(facts) {
		return nil, fmt.Errorf("no facts for document %d", num)
	}
	live := 0
	for _, id := range ix.IDs {
		if id != "" {
			live++
		}
	}
	limit := stage.FamilyLimit(s, live)
	keys := make([]uint64, len(sh.Shingles))
	for i, x := range sh.Shingles {
		keys[i] = x.Key
	}
	postings, err := ix.Lookup(keys, src.ReadBucket)
	if err != nil {
		return nil, err
	}
	bySeeds := map[uint32][]align.Seed{}
	var famPos []int32
	family := map[uint64]bool{} // the new document's family keys
	emit := func(sd align.Seed) {
		if sd.B == num {
			bySeeds[sd.A] = append(bySeeds[sd.A], sd)
		}
	}
	var run []align.Posting
	for i, j := 0, 0; i < len(sh.Shingles); {
		k := sh.Shingles[i].Key
		for j < len(postings) && postings[j].Key < k {
			j++
		}
		run = run[:0]
		for ; j < len(postings) && postings[j].Key == k; j++ {
			run = append(run, postings[j])
		}
		mine := i
		for ; i < len(sh.Shingles) && sh.Shingles[i].Key == k; i++ {
			run = append(run, align.Posting{Key: k, Doc: num, Pos: sh.Shingles[i].Pos})
		}
		if len(run) > i-mine && stage.CandidatesForKey(run, facts, limit, emit) == align.KeyFamily {
			for _, x := range sh.Shingles[mine:i] {
				famPos = append(famPos, x.Pos)
			}
			family[k] = true
		}
	}
	nd := &align.Doc{ID: d.ID, Text: d.Text, Words: sh.Words}
	nd.Common = stage.CommonPositions(&nd.Words, famPos, s)
	others := make([]uint32, 0, len(bySeeds))
	for o, seeds := range bySeeds {
		if stage.Candidate(seeds, s) {
			others = append(others, o)
		}
	}
	slices.Sort(others)
	var out []newMatch
	for _, o := range others {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		od, err := src.Document(o)
		if err != nil {
			return nil, err
		}
		other := alignDocOf(src, od, family)
		seeds := bySeeds[o]
		stage.SortSeeds(seeds)
		if ps := stage.AlignPair(other, nd, seeds, s); len(ps) > 0 {
			out = append(out, newMatch{other: other, doc: nd, otherDoc: od, otherWords: od.Words, passages: ps})
		}
	}
	return out, nil
}

// alignDocOf is what alignment needs of an indexed document: its words
// and its common positions, from the index's family keys and the new
// document's (family: keys the new document makes family keys).
func alignDocOf(src Source, d *provenance.Document, family map[uint64]bool) *align.Doc {
	s := src.Settings()
	ix := src.Index()
	sh := stage.ShingleDocument(d, s)
	var fam []int32
	for _, x := range sh.Shingles {
		if family[x.Key] || ix.IsFamily(x.Key) {
			fam = append(fam, x.Pos)
		}
	}
	out := &align.Doc{ID: d.ID, Text: d.Text, Words: sh.Words}
	out.Common = stage.CommonPositions(&out.Words, fam, s)
	return out
}
