package scan

import (
	"slices"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// Group is one connected group of an analysis: documents joined, directly
// or through others, by non-incidental passages. The lineage of a group
// depends on nothing outside it (lineage.AnalyzeGroup).
type Group struct {
	// Docs are the group's document IDs, in collection order.
	Docs []string
	// Passages counts its non-incidental passages, Links its links.
	Passages, Links int
	// Words is the most words any of its passages has.
	Words int
}

// Groups lists the connected groups of r with at least two documents,
// largest first (documents, then passages, then the first document): the
// overview of an archive that a graph of every node cannot give.
func Groups(r *provenance.Result) []Group {
	var sets provenance.DisjointSets[string]
	for _, p := range r.Passages {
		if !p.Incidental {
			sets.Union(p.A, p.B)
		}
	}
	byRoot := map[string]*Group{}
	for _, d := range r.Documents {
		if !sets.Has(d.ID) {
			continue
		}
		root := sets.Find(d.ID)
		g := byRoot[root]
		if g == nil {
			g = &Group{}
			byRoot[root] = g
		}
		g.Docs = append(g.Docs, d.ID)
	}
	for _, p := range r.Passages {
		if g := byRoot[sets.Find(p.A)]; !p.Incidental && g != nil {
			g.Passages++
			g.Words = max(g.Words, p.Words)
		}
	}
	for _, l := range r.Links {
		if sets.Has(l.Source) {
			if g := byRoot[sets.Find(l.Source)]; g != nil {
				g.Links++
			}
		}
	}
	out := make([]Group, 0, len(byRoot))
	for _, g := range byRoot {
		if len(g.Docs) > 1 {
			out = append(out, *g)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.Docs) != len(b.Docs) {
			return len(a.Docs) > len(b.Docs)
		}
		if a.Passages != b.Passages {
			return a.Passages > b.Passages
		}
		return a.Docs[0] < b.Docs[0]
	})
	return out
}

// Neighbourhood lists the documents within depth steps of document id
// (one step: a pair sharing a non-incidental passage), id first, then by
// distance, then by words shared with the nearer document: what a graph
// centred on one article shows.
func Neighbourhood(r *provenance.Result, id string, depth int) []string {
	shared := map[string]map[string]int{}
	for _, p := range r.Pairs {
		if p.SharedWords == 0 {
			continue
		}
		for _, ab := range [][2]string{{p.A, p.B}, {p.B, p.A}} {
			if shared[ab[0]] == nil {
				shared[ab[0]] = map[string]int{}
			}
			shared[ab[0]][ab[1]] = max(shared[ab[0]][ab[1]], p.SharedWords)
		}
	}
	out := []string{id}
	seen := map[string]bool{id: true}
	frontier := []string{id}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		type next struct {
			id    string
			words int
		}
		var ring []next
		for _, x := range frontier {
			for y, w := range shared[x] {
				if !seen[y] {
					seen[y] = true
					ring = append(ring, next{y, w})
				}
			}
		}
		slices.SortFunc(ring, func(a, b next) int {
			if a.words != b.words {
				return b.words - a.words
			}
			if a.id < b.id {
				return -1
			}
			return 1
		})
		frontier = frontier[:0]
		for _, n := range ring {
			out = append(out, n.id)
			frontier = append(frontier, n.id)
		}
	}
	return out
}
