package lineage

import (
	"sort"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// node is one side of a non-incidental passage: a span in one document.
type node struct {
	doc  string
	span provenance.Span
}

// unionFind joins nodes into families.
type unionFind []int

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(i, j int) { u[u.find(i)] = u.find(j) }

// buildFamilies groups reused text into families: the two sides of every
// non-incidental passage belong together, and spans of one document that
// overlap are the same text. Each family gets its members' spans (overlaps
// merged per document), its propagation DAG from the copy links, its
// earliest witness and a snippet.
func buildFamilies(r *provenance.Result, infos map[string]*docInfo) []provenance.Family {
	var nodes []node
	for _, p := range r.Passages {
		if p.Incidental || !validSpans(p, r, infos) {
			continue
		}
		nodes = append(nodes, node{p.A, p.ASpan()}, node{p.B, p.BSpan()})
	}
	u := make(unionFind, len(nodes))
	for i := range u {
		u[i] = i
	}
	for i := 0; i+1 < len(nodes); i += 2 {
		u.union(i, i+1)
	}
	byDoc := map[string][]int{}
	for i, n := range nodes {
		byDoc[n.doc] = append(byDoc[n.doc], i)
	}
	for _, idx := range byDoc {
		sort.Slice(idx, func(a, b int) bool { return nodes[idx[a]].span.Start < nodes[idx[b]].span.Start })
		end, last := -1, -1
		for _, i := range idx {
			if nodes[i].span.Start < end {
				u.union(last, i)
			}
			if nodes[i].span.End > end {
				end, last = nodes[i].span.End, i
			}
		}
	}
	groups := map[int][]int{}
	for i := range nodes {
		groups[u.find(i)] = append(groups[u.find(i)], i)
	}
	bySource := map[string][]provenance.Link{}
	for _, l := range r.Links {
		if l.Kind == provenance.LinkCopy {
			bySource[l.Source] = append(bySource[l.Source], l)
		}
	}
	var fams []provenance.Family
	for _, g := range groups {
		f := familyOf(nodes, g, bySource, infos)
		if len(docsOf(f)) >= 2 {
			fams = append(fams, f)
		}
	}
	RankFamilies(fams)
	return fams
}

// familyOf builds one family from its nodes.
func familyOf(nodes []node, g []int, bySource map[string][]provenance.Link, infos map[string]*docInfo) provenance.Family {
	var f provenance.Family
	spans := map[string][]provenance.Span{}
	for _, i := range g {
		spans[nodes[i].doc] = append(spans[nodes[i].doc], nodes[i].span)
	}
	docs := make([]string, 0, len(spans))
	for d := range spans {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	in := map[string]bool{}
	for _, d := range docs {
		in[d] = true
		for _, s := range mergeSpans(spans[d]) {
			f.Members = append(f.Members, provenance.FamilyMember{Doc: d, Start: s.Start, End: s.End})
		}
	}
	// The propagation DAG: copy links between members, strongest first,
	// skipping any that would close a cycle.
	links := make([]provenance.Link, 0)
	for _, d := range docs {
		for _, l := range bySource[d] {
			if in[l.Target] {
				links = append(links, l)
			}
		}
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].Confidence > links[j].Confidence })
	hasParent := map[string]bool{}
	for _, l := range links {
		if reaches(f.Edges, l.Target, l.Source) {
			continue
		}
		f.Edges = append(f.Edges, provenance.FamilyEdge{Source: l.Source, Target: l.Target})
		hasParent[l.Target] = true
	}
	f.Origin = originOf(docs, hasParent, infos)
	// The snippet and length come from the origin's longest span, else the
	// longest span of any member.
	best := f.Members[0]
	for _, m := range f.Members {
		better := m.End-m.Start > best.End-best.Start
		switch {
		case f.Origin != "" && m.Doc == f.Origin && (best.Doc != f.Origin || better):
			best = m
		case (f.Origin == "" || best.Doc != f.Origin) && better:
			best = m
		}
	}
	if d := infos[best.Doc]; d != nil {
		text := spanText(d.doc.Text, provenance.Span{Start: best.Start, End: best.End})
		f.Words = len(tokenize(text, provenance.Span{Start: 0, End: len(text)}))
		f.Snippet = strings.Trim(snippet(text, 14), "“”")
	}
	return f
}

// originOf is the family's earliest witness: the one member no copy link
// points to, or among several such, the only one with the earliest known
// date. "" when undecidable.
func originOf(docs []string, hasParent map[string]bool, infos map[string]*docInfo) string {
	var roots []string
	for _, d := range docs {
		if !hasParent[d] {
			roots = append(roots, d)
		}
	}
	if len(roots) == 1 {
		return roots[0]
	}
	best, tie := "", false
	for _, d := range roots {
		di := infos[d]
		if di == nil || !di.dated {
			return ""
		}
		switch {
		case best == "" || di.when.Before(infos[best].when):
			best, tie = d, false
		case di.when.Equal(infos[best].when):
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// reaches reports whether edges lead from a to b.
func reaches(edges []provenance.FamilyEdge, a, b string) bool {
	seen := map[string]bool{a: true}
	stack := []string{a}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == b {
			return true
		}
		for _, e := range edges {
			if e.Source == n && !seen[e.Target] {
				seen[e.Target] = true
				stack = append(stack, e.Target)
			}
		}
	}
	return false
}

// mergeSpans unions overlapping spans.
func mergeSpans(s []provenance.Span) []provenance.Span {
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	var out []provenance.Span
	for _, x := range s {
		if n := len(out); n > 0 && x.Start <= out[n-1].End {
			if x.End > out[n-1].End {
				out[n-1].End = x.End
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// docsOf lists a family's distinct documents.
func docsOf(f provenance.Family) map[string]bool {
	m := map[string]bool{}
	for _, x := range f.Members {
		m[x.Doc] = true
	}
	return m
}
