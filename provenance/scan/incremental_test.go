package scan_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// canonical is a result with passages referred to by their content, so two
// results compare equal whatever the order of their lists.
type canonical struct {
	Documents []string
	Passages  []string
	Pairs     []string
	Links     []string
	Families  []string
	Mutations []string
	Outlets   []string
	Dups      []string
}

func canon(r *provenance.Result) canonical {
	var c canonical
	key := func(i int) string {
		p := r.Passages[i]
		return fmt.Sprintf("%s|%s|%d-%d|%d-%d", p.A, p.B, p.AStart, p.AEnd, p.BStart, p.BEnd)
	}
	keys := func(idx []int) string {
		var ks []string
		for _, i := range idx {
			ks = append(ks, key(i))
		}
		sort.Strings(ks)
		return fmt.Sprint(ks)
	}
	for _, d := range r.Documents {
		c.Documents = append(c.Documents, fmt.Sprintf("%s %d %s", d.ID, d.Words, d.ContentHash))
	}
	for i, p := range r.Passages {
		q := p
		q.Diff = nil
		c.Passages = append(c.Passages, fmt.Sprintf("%s %+v %d", key(i), q, len(p.Diff)))
	}
	for _, p := range r.Pairs {
		q := p
		q.Passages = nil
		c.Pairs = append(c.Pairs, fmt.Sprintf("%+v %s", q, keys(p.Passages)))
	}
	for _, l := range r.Links {
		q := l
		q.Passages = nil
		c.Links = append(c.Links, fmt.Sprintf("%+v %s", q, keys(l.Passages)))
	}
	for _, f := range r.Families {
		c.Families = append(c.Families, fmt.Sprintf("%+v", f))
	}
	for _, m := range r.Mutations {
		q := m
		q.Passage = 0
		c.Mutations = append(c.Mutations, fmt.Sprintf("%+v %s", q, key(m.Passage)))
	}
	for _, o := range r.OutletEdges {
		c.Outlets = append(c.Outlets, fmt.Sprintf("%+v", o))
	}
	for _, d := range r.Duplicates {
		c.Dups = append(c.Dups, fmt.Sprintf("%+v", d))
	}
	for _, l := range [][]string{c.Documents, c.Passages, c.Pairs, c.Links, c.Mutations, c.Outlets, c.Dups} {
		sort.Strings(l)
	}
	return c
}

func sameResult(t *testing.T, what string, got, want *provenance.Result) {
	t.Helper()
	g, w := canon(got), canon(want)
	v := reflect.ValueOf(g)
	for i := 0; i < v.NumField(); i++ {
		if !reflect.DeepEqual(v.Field(i).Interface(), reflect.ValueOf(w).Field(i).Interface()) {
			a, b := v.Field(i).Interface().([]string), reflect.ValueOf(w).Field(i).Interface().([]string)
			t.Errorf("%s: %s differ from a full re-scan: %d vs %d", what, v.Type().Field(i).Name, len(a), len(b))
			for k := 0; k < max(len(a), len(b)) && k < 200; k++ {
				x, y := "", ""
				if k < len(a) {
					x = a[k]
				}
				if k < len(b) {
					y = b[k]
				}
				if x != y {
					t.Errorf("  incremental %s\n  full        %s", x, y)
					break
				}
			}
		}
	}
}

// Adding one article to an analysed collection gives what a full re-scan
// of the collection with it gives; so does removing one.
func TestAddAndRemoveEqualFullRescan(t *testing.T) {
	ctx := context.Background()
	c := gen.Build(4, 2)
	s := scan.DefaultSettings()
	docs := c.Docs
	if len(docs) < 30 {
		t.Fatalf("collection of %d documents", len(docs))
	}
	// every article that takes part in a case, in turn a copy, a source and
	// an article of a copy-of-copy chain
	var tried int
	for _, cs := range c.Cases[:min(len(c.Cases), 6)] {
		id := cs.Target
		k := slices.IndexFunc(docs, func(d provenance.Document) bool { return d.ID == id })
		rest := slices.Delete(slices.Clone(docs), k, k+1)
		r, ix, err := (&scan.Scanner{}).RunIndexed(ctx, rest, s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := scan.Add(ctx, r, ix, docs[k]); err != nil {
			t.Fatal(err)
		}
		full, err := scan.Run(ctx, append(slices.Clone(rest), docs[k]), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Links) == 0 {
			t.Fatal("no links: the test is void")
		}
		sameResult(t, "add "+id, r, full)

		// and out again: the collection without it
		if err := scan.Remove(ctx, r, ix, id); err != nil {
			t.Fatal(err)
		}
		without, err := scan.Run(ctx, rest, s, nil)
		if err != nil {
			t.Fatal(err)
		}
		sameResult(t, "remove "+id, r, without)
		tried++
	}
	if err := scan.Add(ctx, &provenance.Result{Settings: s}, nil, docs[0]); err == nil {
		t.Fatal("an add without an index was accepted")
	}
	if tried == 0 {
		t.Fatal("no case tried")
	}
}

// A query finds the articles a text shares passages with, as an add
// would, and changes nothing.
func TestQueryFindsSharingArticlesWithoutChangingAnything(t *testing.T) {
	ctx := context.Background()
	c := gen.Build(5, 2)
	s := scan.DefaultSettings()
	cs := c.Cases[0]
	k := slices.IndexFunc(c.Docs, func(d provenance.Document) bool { return d.ID == cs.Target })
	rest := slices.Delete(slices.Clone(c.Docs), k, k+1)
	r, ix, err := (&scan.Scanner{}).RunIndexed(ctx, rest, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := canon(r)
	ids := slices.Clone(ix.IDs)
	ms, err := scan.Query(ctx, scan.NewSource(r, ix), c.Docs[k])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(canon(r), before) || !reflect.DeepEqual(ix.IDs, ids) {
		t.Fatal("the query changed the result or the index")
	}
	if len(ms) == 0 || ms[0].Document.ID != cs.Source || ms[0].Pair.SharedWords == 0 || ms[0].Pair.BCoverage <= 0 {
		t.Fatalf("query of %s: matches %+v, want its source %s first", cs.Target, ms, cs.Source)
	}
	// the same passages an add finds
	if err := scan.Add(ctx, r, ix, c.Docs[k]); err != nil {
		t.Fatal(err)
	}
	var added []string
	for _, p := range r.Passages {
		if p.B == cs.Target {
			added = append(added, fmt.Sprint(p.A, p.AStart, p.AEnd, p.BStart, p.BEnd, p.Incidental))
		}
	}
	var queried []string
	for _, m := range ms {
		for _, p := range m.Passages {
			queried = append(queried, fmt.Sprint(p.A, p.AStart, p.AEnd, p.BStart, p.BEnd, p.Incidental))
		}
	}
	sort.Strings(added)
	sort.Strings(queried)
	if !reflect.DeepEqual(added, queried) {
		t.Fatalf("query passages %v\nadd passages %v", queried, added)
	}
}

// With a family over the limit (a wire story in 80 of 300 articles), adding
// a carrier and an ordinary article still equals a full re-scan, and the
// index's family keys are those a full scan finds.
func TestAddWithFamiliesEqualsFullRescan(t *testing.T) {
	ctx := context.Background()
	c := gen.WireCollection(300, 80, 120, 8)
	s := scan.DefaultSettings()
	s.DFCapMin = 20
	carrier := c.Cases[len(c.Cases)-1].Target
	for _, id := range []string{carrier, c.Docs[7].ID} {
		k := slices.IndexFunc(c.Docs, func(d provenance.Document) bool { return d.ID == id })
		rest := slices.Delete(slices.Clone(c.Docs), k, k+1)
		r, ix, err := (&scan.Scanner{}).RunIndexed(ctx, rest, s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := scan.Add(ctx, r, ix, c.Docs[k]); err != nil {
			t.Fatal(err)
		}
		full, fix, err := (&scan.Scanner{}).RunIndexed(ctx, append(slices.Clone(rest), c.Docs[k]), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(fix.Family) == 0 || len(full.Families) == 0 {
			t.Fatal("no family: the test is void")
		}
		if !reflect.DeepEqual(ix.Family, fix.Family) {
			t.Errorf("add %s: %d family keys, a full scan has %d", id, len(ix.Family), len(fix.Family))
		}
		sameResult(t, "add "+id, r, full)
	}
}
