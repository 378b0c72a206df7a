package main

import (
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
)

// truth knows which pairs share reused text: the cases themselves, and
// pairs joined through them (a copy of a copy, two copies of one source)
// where the reused spans overlap.
type truth struct {
	cases  map[string]bool
	groups map[string][]int // document → groups of reused text it holds
}

func newTruth(c *gen.Collection) *truth {
	t := &truth{cases: map[string]bool{}, groups: map[string][]int{}}
	type node struct {
		doc  string
		span provenance.Span
	}
	var nodes []node
	for _, cs := range c.Cases {
		t.cases[pairOf(cs.Source, cs.Target)] = true
		nodes = append(nodes, node{cs.Source, cs.Src}, node{cs.Target, cs.Tgt})
	}
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i+1 < len(nodes); i += 2 {
		parent[find(i)] = find(i + 1)
	}
	byDoc := map[string][]int{}
	for i, n := range nodes {
		byDoc[n.doc] = append(byDoc[n.doc], i)
	}
	for _, idx := range byDoc {
		for x := range idx {
			for y := x + 1; y < len(idx); y++ {
				a, b := nodes[idx[x]].span, nodes[idx[y]].span
				if a.Start < b.End && b.Start < a.End {
					parent[find(idx[x])] = find(idx[y])
				}
			}
		}
	}
	for i, n := range nodes {
		t.groups[n.doc] = append(t.groups[n.doc], find(i))
	}
	return t
}

func (t *truth) shares(pair string) bool {
	if t.cases[pair] {
		return true
	}
	a, b, _ := strings.Cut(pair, "|")
	for _, g := range t.groups[a] {
		for _, h := range t.groups[b] {
			if g == h {
				return true
			}
		}
	}
	return false
}

func (t *truth) recall(m measure) float64 {
	if len(t.cases) == 0 || m.pairs == nil {
		return -1
	}
	found := 0
	for p := range t.cases {
		if m.pairs[p] {
			found++
		}
	}
	return float64(found) / float64(len(t.cases))
}

func (t *truth) precision(m measure) float64 {
	if len(m.pairs) == 0 {
		return -1
	}
	right := 0
	for p := range m.pairs {
		if t.shares(p) {
			right++
		}
	}
	return float64(right) / float64(len(m.pairs))
}
