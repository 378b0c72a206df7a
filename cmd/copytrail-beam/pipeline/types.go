package pipeline

import (
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
)

// The values that travel between the pipeline's steps. Every field is
// exported and plain (numbers, strings, slices, the engine's model types),
// so Beam's schema coder encodes them and any worker can decode them.

// DocRec is a document as read, with its order key: the collection order
// the local runner uses (Load's walk order: path components compared one by
// one), so both runners number documents alike.
type DocRec struct {
	Order string
	Doc   provenance.Document
}

// OrderID is what numbering needs of a document.
type OrderID struct {
	Order string
	ID    string
}

// IDoc is a document with its index in collection order.
type IDoc struct {
	Index uint32
	Doc   provenance.Document
}

// Fact is what the candidate stage's document facts need of one document.
type Fact struct {
	Index     uint32
	Published string
	Words     int
}

// Run is the seeds of one candidate pair (A < B, document indexes), sorted
// as align.SortSeeds sorts them.
type Run struct {
	A, B  uint32
	Seeds []align.Seed
}

// ADoc is what aligning needs of one document: the document and the word
// positions that start n-grams too common to seed (sorted).
type ADoc struct {
	Index  uint32
	Doc    provenance.Document
	Common []int32
}

// Half is a pair run carrying its first document to where the second is.
type Half struct {
	Run Run
	A   Packed
}

// PassageOut is one passage and what its passages.jsonl line shows of its
// documents.
type PassageOut struct {
	Passage        provenance.Passage
	ATitle, BTitle string
	AText, BText   string
}

// PairOut is one aligned pair: its summary and passages (in AlignPair's
// order). Index and First are its place among all pairs and the index of
// its first passage among all passages, set once every pair is counted.
type PairOut struct {
	A, B     uint32
	Pair     provenance.Pair
	Passages []PassageOut
	Index    int
	First    int
}

// PairCount is what numbering pairs and passages needs of a pair.
type PairCount struct {
	Key uint64
	N   int
}

// Place is a pair's index and its first passage's index.
type Place struct {
	Index int
	First int
}

// Edge joins two documents that share a non-incidental passage.
type Edge struct{ A, B uint32 }

// Lineage is what one connected group of documents decided, in Analyze's
// order within the group.
type Lineage struct {
	Links       []provenance.Link
	Mutations   []provenance.Mutation
	Families    []provenance.Family
	OutletEdges []provenance.OutletEdge
}

// Line is one line of an output file with its place: Index orders the lines
// of the file (a document's, passage's or pair's index).
type Line struct {
	Index int
	Text  string
}

// DupRec is a duplicate with the order key of the document left out.
type DupRec struct {
	Order string
	Dup   provenance.Duplicate
}

// ErrRec is a file error with the order key of what failed.
type ErrRec struct {
	Order string
	Err   provenance.FileError
}

// Totals are the collection's counts once every stage has run.
type Totals struct {
	Documents, Pairs, Passages int
}

func pairKey(a, b uint32) uint64 { return uint64(a)<<32 | uint64(b) }

func init() {
	for _, t := range []any{DocRec{}, OrderID{}, IDoc{}, Run{}, ADoc{}, Packed{}, Half{}, PassageOut{}, PairOut{},
		Fact{}, PairCount{}, Place{}, Edge{}, Lineage{}, Line{}, DupRec{}, ErrRec{}, Totals{},
		provenance.FileError{}, align.Seed{}, align.Posting{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
}
