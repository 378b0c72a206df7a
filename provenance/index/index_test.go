package index

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var ps []align.Posting
	for i := 0; i < 5000; i++ {
		ps = append(ps, align.Posting{Key: r.Uint64() >> uint(r.IntN(3)*20), Doc: uint32(r.IntN(1 << 20)), Pos: int32(r.IntN(1 << 22))})
	}
	ps = append(ps, ps[0], align.Posting{Key: ps[0].Key, Doc: ps[0].Doc, Pos: ps[0].Pos + 1})
	SortPostings(ps)
	got, err := Decode(nil, Encode(ps))
	if err != nil || !reflect.DeepEqual(got, ps) {
		t.Fatalf("round trip: %v, equal %v", err, reflect.DeepEqual(got, ps))
	}
	if n := len(Encode(ps)); n > len(ps)*16 {
		t.Fatalf("%d bytes for %d postings: no smaller than plain", n, len(ps))
	}
	if _, err := Decode(nil, []byte{0xff}); err == nil {
		t.Fatal("a cut varint decoded")
	}
}

func TestAddRemoveLookup(t *testing.T) {
	ix := New(provenance.Settings{NGram: 5}, 10)
	keys := []uint64{1 << 60, 3 << 60, 3<<60 + 7, 1<<63 + 5}
	var ps []align.Posting
	for d := uint32(0); d < 4; d++ {
		for _, k := range keys[:d+1] {
			ps = append(ps, align.Posting{Key: k, Doc: d, Pos: int32(d)})
		}
	}
	if err := ix.Add(ps); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Lookup([]uint64{keys[2], keys[0], keys[2]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []align.Posting{{Key: keys[0], Doc: 0, Pos: 0}, {Key: keys[0], Doc: 1, Pos: 1}, {Key: keys[0], Doc: 2, Pos: 2}, {Key: keys[0], Doc: 3, Pos: 3}, {Key: keys[2], Doc: 2, Pos: 2}, {Key: keys[2], Doc: 3, Pos: 3}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("lookup %v\nwant %v", got, want)
	}
	if err := ix.Remove(2, keys); err != nil {
		t.Fatal(err)
	}
	got, _ = ix.Lookup(keys, nil)
	for _, p := range got {
		if p.Doc == 2 {
			t.Fatalf("document 2 still indexed: %v", got)
		}
	}
	if len(got) != len(ps)-3 {
		t.Fatalf("%d postings after removing document 2's 3, want %d", len(got), len(ps)-3)
	}
	if !ix.Fits(provenance.Settings{NGram: 5}) || ix.Fits(provenance.Settings{NGram: 4}) {
		t.Fatal("Fits")
	}
}
