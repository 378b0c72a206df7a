package report

import (
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
)

// result is a Result with constant-time look-ups, so a report on 100,000
// articles does not scan them once per link.
type result struct {
	*provenance.Result
	docs  map[string]int
	pairs map[[2]string][]int
}

func index(r *provenance.Result) *result {
	x := &result{Result: r, docs: r.DocIndex(), pairs: map[[2]string][]int{}}
	for _, p := range r.Pairs {
		x.pairs[[2]string{p.A, p.B}] = p.Passages
		x.pairs[[2]string{p.B, p.A}] = p.Passages
	}
	return x
}

// Doc returns the document with the given ID, or nil.
func (x *result) Doc(id string) *provenance.Document {
	if i, ok := x.docs[id]; ok {
		return &x.Documents[i]
	}
	return nil
}

// pairPassages numbers the passages a and b share as export.PairPassages
// does, from the pair summary when there is one.
func (x *result) pairPassages(a, b string) []int {
	if ids, ok := x.pairs[[2]string{a, b}]; ok && len(ids) > 0 {
		return export.OrderPassages(x.Result, a, ids)
	}
	return export.PairPassages(x.Result, a, b)
}
