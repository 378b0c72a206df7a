// Package index is a collection's n-gram index kept between analyses, so
// that one article can be added, removed or looked up without a full
// re-scan: every posting (n-gram key → document number, word position) in
// buckets by the key's top bits, each bucket a compact sorted byte string,
// plus what the candidate stage needs of each document (its order by date
// and its length) and the document IDs by number. It is plain data: the
// workspace store saves it in its own tables, and a query reads only the
// buckets of the keys it needs (provenance/store.IndexFile).
package index

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
)

// Index is the n-gram index of an analysed collection.
type Index struct {
	// NGram and MaxDocBytes are the settings its shingles were made with:
	// an index is only valid for analyses with the same ones (Fits).
	NGram       int `json:"ngram"`
	MaxDocBytes int `json:"max_doc_bytes"`
	// Bits: postings are in 1<<Bits buckets by the top Bits bits of their key.
	Bits uint `json:"bits"`
	// Buckets holds each bucket's postings, sorted by key, document and
	// position, encoded by Encode.
	Buckets [][]byte `json:"-"`
	// IDs are the document IDs by document number; a removed document
	// leaves "" (numbers are never reused while the index lives).
	IDs []string `json:"ids"`
	// Facts are the candidate stage's facts of each document, by number
	// (its order by date and its length), as they stood at the last change.
	Facts []align.DocFacts `json:"-"`
	// Family lists the family keys, sorted: the keys in more documents than
	// the family limit, whose positions make a document's common text
	// (align.CommonPositions) — so a look-up need not count the documents
	// of every key of every candidate.
	Family []uint64 `json:"-"`
}

// IsFamily reports whether key is a family key.
func (ix *Index) IsFamily(key uint64) bool {
	_, ok := slices.BinarySearch(ix.Family, key)
	return ok
}

// SetFamily records whether key is a family key.
func (ix *Index) SetFamily(key uint64, family bool) {
	i, ok := slices.BinarySearch(ix.Family, key)
	switch {
	case family && !ok:
		ix.Family = slices.Insert(ix.Family, i, key)
	case !family && ok:
		ix.Family = slices.Delete(ix.Family, i, i+1)
	}
}

// EncodeKeys writes keys as 8 bytes each (little-endian).
func EncodeKeys(keys []uint64) []byte {
	out := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
	}
	return out
}

// DecodeKeys reads what EncodeKeys wrote.
func DecodeKeys(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("index keys: %d bytes, not a multiple of 8", len(b))
	}
	out := make([]uint64, len(b)/8)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return out, nil
}

// EncodeFacts writes facts as 8 bytes a document (order, words; little-endian).
func EncodeFacts(facts []align.DocFacts) []byte {
	out := make([]byte, 0, 8*len(facts))
	for _, f := range facts {
		out = binary.LittleEndian.AppendUint32(out, f.Order)
		out = binary.LittleEndian.AppendUint32(out, f.Words)
	}
	return out
}

// DecodeFacts reads what EncodeFacts wrote.
func DecodeFacts(b []byte) ([]align.DocFacts, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("index facts: %d bytes, not a multiple of 8", len(b))
	}
	out := make([]align.DocFacts, len(b)/8)
	for i := range out {
		out[i] = align.DocFacts{Order: binary.LittleEndian.Uint32(b[8*i:]), Words: binary.LittleEndian.Uint32(b[8*i+4:])}
	}
	return out, nil
}

// BitsFor is the bucket bits for about postings postings: about a thousand
// postings a bucket, so that looking up one document's keys reads a few
// megabytes whatever the collection's size.
func BitsFor(postings int) uint {
	b := uint(bits.Len(uint(max(1, postings/1024))))
	return min(max(b, 8), 20)
}

// New returns an empty index for settings s, sized for about postings postings.
func New(s provenance.Settings, postings int) *Index {
	ix := &Index{NGram: s.NGram, MaxDocBytes: s.MaxDocBytes, Bits: BitsFor(postings)}
	ix.Buckets = make([][]byte, 1<<ix.Bits)
	return ix
}

// Fits reports whether the index was made with settings s's shingles.
func (ix *Index) Fits(s provenance.Settings) bool {
	return ix != nil && ix.NGram == s.NGram && ix.MaxDocBytes == s.MaxDocBytes && ix.Bits > 0 &&
		(len(ix.Buckets) == 0 || len(ix.Buckets) == 1<<ix.Bits) // none in memory: read by the caller
}

// Bucket is the bucket of key.
func (ix *Index) Bucket(key uint64) int { return int(key >> (64 - ix.Bits)) }

// Num returns the document number of id, or -1.
func (ix *Index) Num(id string) int {
	if id == "" {
		return -1
	}
	return slices.Index(ix.IDs, id)
}

// Encode writes postings (sorted by key, document, position) as a compact
// byte string: per posting the key's difference from the previous key, the
// document (its difference from the previous one under the same key) and
// the position, as unsigned varints.
func Encode(postings []align.Posting) []byte {
	out := make([]byte, 0, len(postings)*8)
	var prevKey uint64
	var prevDoc uint32
	for i, p := range postings {
		dk := p.Key - prevKey
		if i == 0 {
			dk = p.Key
		}
		out = binary.AppendUvarint(out, dk)
		d := p.Doc
		if i > 0 && dk == 0 {
			d = p.Doc - prevDoc
		}
		out = binary.AppendUvarint(out, uint64(d))
		out = binary.AppendUvarint(out, uint64(uint32(p.Pos)))
		prevKey, prevDoc = p.Key, p.Doc
	}
	return out
}

// Decode reads a byte string written by Encode and appends its postings to dst.
func Decode(dst []align.Posting, b []byte) ([]align.Posting, error) {
	var key uint64
	var doc uint32
	for i := 0; len(b) > 0; i++ {
		dk, n := binary.Uvarint(b)
		if n <= 0 {
			return dst, fmt.Errorf("index bucket: bad key at posting %d", i)
		}
		b = b[n:]
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return dst, fmt.Errorf("index bucket: bad document at posting %d", i)
		}
		b = b[n:]
		pos, n := binary.Uvarint(b)
		if n <= 0 {
			return dst, fmt.Errorf("index bucket: bad position at posting %d", i)
		}
		b = b[n:]
		if i == 0 {
			key, doc = dk, uint32(d)
		} else if dk == 0 {
			doc += uint32(d)
		} else {
			key += dk
			doc = uint32(d)
		}
		dst = append(dst, align.Posting{Key: key, Doc: doc, Pos: int32(uint32(pos))})
	}
	return dst, nil
}

// SortPostings orders postings by key, document and position (Encode's order).
func SortPostings(ps []align.Posting) {
	slices.SortFunc(ps, func(a, b align.Posting) int {
		switch {
		case a.Key != b.Key:
			if a.Key < b.Key {
				return -1
			}
			return 1
		case a.Doc != b.Doc:
			if a.Doc < b.Doc {
				return -1
			}
			return 1
		}
		return int(a.Pos - b.Pos)
	})
}

// Add puts postings (any order) into their buckets.
func (ix *Index) Add(postings []align.Posting) error {
	return ix.edit(postings, func(old []align.Posting, add []align.Posting) []align.Posting {
		out := append(old, add...)
		SortPostings(out)
		return out
	})
}

// Remove deletes document doc's postings from the buckets of keys.
func (ix *Index) Remove(doc uint32, keys []uint64) error {
	ps := make([]align.Posting, len(keys))
	for i, k := range keys {
		ps[i] = align.Posting{Key: k, Doc: doc}
	}
	return ix.edit(ps, func(old []align.Posting, _ []align.Posting) []align.Posting {
		return slices.DeleteFunc(old, func(p align.Posting) bool { return p.Doc == doc })
	})
}

// edit rewrites each bucket the postings fall in with fn(decoded, postings of that bucket).
func (ix *Index) edit(postings []align.Posting, fn func(old, add []align.Posting) []align.Posting) error {
	byBucket := map[int][]align.Posting{}
	for _, p := range postings {
		b := ix.Bucket(p.Key)
		byBucket[b] = append(byBucket[b], p)
	}
	for b, add := range byBucket {
		old, err := Decode(nil, ix.Buckets[b])
		if err != nil {
			return fmt.Errorf("bucket %d: %w", b, err)
		}
		ix.Buckets[b] = Encode(fn(old, add))
	}
	return nil
}

// Lookup returns the postings of keys (any order, repeats allowed), sorted
// by key, document and position, reading each bucket once with read (the
// in-memory buckets when read is nil).
func (ix *Index) Lookup(keys []uint64, read func(bucket int) ([]byte, error)) ([]align.Posting, error) {
	if read == nil {
		read = func(b int) ([]byte, error) { return ix.Buckets[b], nil }
	}
	want := slices.Clone(keys)
	slices.Sort(want)
	want = slices.Compact(want)
	var out []align.Posting
	for i := 0; i < len(want); {
		b := ix.Bucket(want[i])
		j := i
		for j < len(want) && ix.Bucket(want[j]) == b {
			j++
		}
		raw, err := read(b)
		if err != nil {
			return nil, err
		}
		ps, err := Decode(nil, raw)
		if err != nil {
			return nil, fmt.Errorf("bucket %d: %w", b, err)
		}
		for _, p := range ps {
			if _, ok := slices.BinarySearch(want[i:j], p.Key); ok {
				out = append(out, p)
			}
		}
		i = j
	}
	return out, nil
}
