package scan

import (
	"context"
	"fmt"
	"slices"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/stage"
)

// Add puts one article into an analysed collection without a full re-scan:
// r is the collection's result and ix its index (Scanner.RunIndexed, or
// kept in the workspace), both updated in place. The new article is
// tokenized, its n-grams looked up in the index (with the same pair and
// family rules as a full scan), it is aligned with each candidate, and the
// lineage of its connected group of documents (documents joined by
// non-incidental passages) is decided again; the rest of the result stays.
//
// The result equals a full re-scan of the collection with the article
// added, up to the order of passages, pairs, links and mutations, as long
// as no n-gram crosses the family limit by this article (a full scan would
// then align that n-gram's older documents against representatives only,
// and mark its short stretches common in every document holding it).
func Add(ctx context.Context, r *provenance.Result, ix *index.Index, d provenance.Document) error {
	s := r.Settings
	if !ix.Fits(s) || len(ix.Buckets) == 0 {
		return fmt.Errorf("add %s: no index of the collection with its settings in memory: analyse the collection again", d.ID)
	}
	if r.Doc(d.ID) != nil {
		return fmt.Errorf("add %s: already in the collection", d.ID)
	}
	sh := stage.ShingleDocument(&d, s)
	d.Words, d.ContentHash = sh.WordCount, sh.ContentHash
	num := uint32(len(ix.IDs))
	for i := range r.Documents {
		if o := &r.Documents[i]; o.ContentHash == d.ContentHash && d.Words > 0 && !isDuplicate(r, o.ID) {
			r.Documents = append(r.Documents, d)
			ix.IDs = append(ix.IDs, d.ID)
			r.Duplicates = append(r.Duplicates, provenance.Duplicate{Doc: d.ID, Original: o.ID, Reason: "identical text"})
			ix.Facts, _ = (&memSource{r: r, ix: ix}).Facts()
			return nil
		}
	}
	r.Documents = append(r.Documents, d)
	ix.IDs = append(ix.IDs, d.ID)
	src := &memSource{r: r, ix: ix}
	nd := &r.Documents[len(r.Documents)-1]
	matches, err := alignNew(ctx, src, nd, num, sh, nil)
	if err != nil {
		return fmt.Errorf("add %s: %w", d.ID, err)
	}
	for _, m := range matches {
		idx := make([]int, len(m.passages))
		for j := range m.passages {
			idx[j] = len(r.Passages) + j
		}
		r.Passages = append(r.Passages, m.passages...)
		r.Pairs = append(r.Pairs, stage.Summarise(m.other, m.doc, m.otherWords, d.Words, r.Passages, idx))
	}
	var postings []align.Posting
	stage.Postings(num, sh.Shingles, func(p align.Posting) { postings = append(postings, p) })
	if err := ix.Add(postings); err != nil {
		return fmt.Errorf("add %s: index: %w", d.ID, err)
	}
	if err := updateFamily(ix, sh, stage.FamilyLimit(s, liveDocs(ix))); err != nil {
		return fmt.Errorf("add %s: index: %w", d.ID, err)
	}
	ix.Facts, _ = src.Facts()
	group := groupOf(r, []string{d.ID})
	return relink(ctx, r, group, group)
}

// Remove takes one article out of an analysed collection without a full
// re-scan: its postings leave the index, its passages and pairs leave the
// result, and the lineage of the group it was in is decided again. A
// duplicate of it, left out of matching until now, is added in its place.
func Remove(ctx context.Context, r *provenance.Result, ix *index.Index, id string) error {
	s := r.Settings
	di := slices.IndexFunc(r.Documents, func(d provenance.Document) bool { return d.ID == id })
	if di < 0 {
		return fmt.Errorf("remove %s: not in the collection", id)
	}
	if !ix.Fits(s) || len(ix.Buckets) == 0 {
		return fmt.Errorf("remove %s: no index of the collection with its settings in memory: analyse the collection again", id)
	}
	num := ix.Num(id)
	old := groupOf(r, []string{id})
	if num >= 0 {
		sh := stage.ShingleDocument(&r.Documents[di], s)
		keys := make([]uint64, len(sh.Shingles))
		for i, x := range sh.Shingles {
			keys[i] = x.Key
		}
		if err := ix.Remove(uint32(num), keys); err != nil {
			return fmt.Errorf("remove %s: index: %w", id, err)
		}
		ix.IDs[num] = ""
		if err := updateFamily(ix, sh, stage.FamilyLimit(s, liveDocs(ix))); err != nil {
			return fmt.Errorf("remove %s: index: %w", id, err)
		}
	}
	// passages of the article go; the others keep their order
	remap := make([]int, len(r.Passages))
	kept := r.Passages[:0]
	for i, p := range r.Passages {
		if p.A == id || p.B == id {
			remap[i] = -1
			continue
		}
		remap[i] = len(kept)
		kept = append(kept, p)
	}
	r.Passages = kept
	pairs := r.Pairs[:0]
	for _, p := range r.Pairs {
		if p.A == id || p.B == id {
			continue
		}
		p.Passages = remapAll(p.Passages, remap)
		pairs = append(pairs, p)
	}
	r.Pairs = pairs
	for i := range r.Links {
		r.Links[i].Passages = remapAll(r.Links[i].Passages, remap)
	}
	for i := range r.Mutations {
		if m := r.Mutations[i].Passage; m >= 0 && m < len(remap) {
			r.Mutations[i].Passage = remap[m]
		}
	}
	r.Documents = slices.Delete(r.Documents, di, di+1)
	var promote []provenance.Document
	dups := r.Duplicates[:0]
	for _, d := range r.Duplicates {
		switch {
		case d.Doc == id:
		case d.Original == id:
			if j := slices.IndexFunc(r.Documents, func(x provenance.Document) bool { return x.ID == d.Doc }); j >= 0 {
				promote = append(promote, r.Documents[j])
				r.Documents = slices.Delete(r.Documents, j, j+1)
				if n := ix.Num(d.Doc); n >= 0 {
					ix.IDs[n] = ""
				}
			}
		default:
			dups = append(dups, d)
		}
	}
	r.Duplicates = dups
	ix.Facts, _ = (&memSource{r: r, ix: ix}).Facts()
	rest := slices.DeleteFunc(slices.Clone(old), func(x string) bool { return x == id })
	if err := relink(ctx, r, old, rest); err != nil {
		return err
	}
	for _, d := range promote {
		if err := Add(ctx, r, ix, d); err != nil {
			return err
		}
	}
	return nil
}

func remapAll(idx []int, remap []int) []int {
	out := idx[:0]
	for _, i := range idx {
		if i >= 0 && i < len(remap) && remap[i] >= 0 {
			out = append(out, remap[i])
		}
	}
	return out
}

func isDuplicate(r *provenance.Result, id string) bool {
	return slices.ContainsFunc(r.Duplicates, func(d provenance.Duplicate) bool { return d.Doc == id })
}

// groupOf returns the documents joined to seeds by non-incidental passages
// (the seeds included), in collection order.
func groupOf(r *provenance.Result, seeds []string) []string {
	adj := map[string][]string{}
	for _, p := range r.Passages {
		if !p.Incidental {
			adj[p.A] = append(adj[p.A], p.B)
			adj[p.B] = append(adj[p.B], p.A)
		}
	}
	in := map[string]bool{}
	queue := slices.Clone(seeds)
	for _, s := range seeds {
		in[s] = true
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, y := range adj[x] {
			if !in[y] {
				in[y] = true
				queue = append(queue, y)
			}
		}
	}
	var out []string
	for _, d := range r.Documents {
		if in[d.ID] {
			out = append(out, d.ID)
			delete(in, d.ID)
		}
	}
	for id := range in { // seeds no longer in the collection
		out = append(out, id)
	}
	return out
}

// relink drops the links, mutations and families of the documents in touch
// and decides the lineage of the documents in group again (lineage's
// AnalyzeGroup), merging it into r as Analyze orders the whole.
func relink(ctx context.Context, r *provenance.Result, touch, group []string) error {
	gone := map[string]bool{}
	for _, id := range touch {
		gone[id] = true
	}
	r.Links = slices.DeleteFunc(r.Links, func(l provenance.Link) bool { return gone[l.Source] || gone[l.Target] })
	r.Mutations = slices.DeleteFunc(r.Mutations, func(m provenance.Mutation) bool { return gone[m.Source] || gone[m.Target] })
	r.Families = slices.DeleteFunc(r.Families, func(f provenance.Family) bool {
		return slices.ContainsFunc(f.Members, func(m provenance.FamilyMember) bool { return gone[m.Doc] })
	})
	in := map[string]bool{}
	for _, id := range group {
		in[id] = true
	}
	var docs []provenance.Document
	for _, d := range r.Documents {
		if in[d.ID] {
			docs = append(docs, d)
		}
	}
	var pairs []provenance.Pair
	passages := map[int]provenance.Passage{}
	for _, p := range r.Pairs {
		if in[p.A] && in[p.B] {
			pairs = append(pairs, p)
			for _, i := range p.Passages {
				passages[i] = r.Passages[i]
			}
		}
	}
	if len(docs) > 1 && len(pairs) > 0 {
		g, err := lineage.AnalyzeGroup(ctx, r.Settings, docs, pairs, passages)
		if err != nil {
			return fmt.Errorf("lineage: %w", err)
		}
		r.Links = append(r.Links, g.Links...)
		r.Mutations = append(r.Mutations, g.Mutations...)
		r.Families = append(r.Families, g.Families...)
	}
	lineage.MergeLinks(r.Links)
	lineage.MergeMutations(r.Mutations)
	lineage.RankFamilies(r.Families)
	r.OutletEdges = lineage.OutletGraph(r)
	return ctx.Err()
}

// updateFamily sets whether each key of sh is a family key, from the
// documents the index now holds for it.
func updateFamily(ix *index.Index, sh stage.Shingled, limit int) error {
	keys := make([]uint64, len(sh.Shingles))
	for i, x := range sh.Shingles {
		keys[i] = x.Key
	}
	postings, err := ix.Lookup(keys, nil)
	if err != nil {
		return err
	}
	for i := 0; i < len(postings); {
		j, df := i, 0
		for ; j < len(postings) && postings[j].Key == postings[i].Key; j++ {
			if j == i || postings[j].Doc != postings[j-1].Doc {
				df++
			}
		}
		ix.SetFamily(postings[i].Key, df > limit)
		i = j
	}
	return nil
}

// liveDocs counts the documents the index holds.
func liveDocs(ix *index.Index) int {
	n := 0
	for _, id := range ix.IDs {
		if id != "" {
			n++
		}
	}
	return n
}
