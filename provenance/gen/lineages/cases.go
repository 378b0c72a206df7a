package lineages

import (
	"fmt"
	"math/rand"
	"sort"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

func sortStrings(s []string) { sort.Strings(s) }

// Generate builds one case: a release, its wire copy, two outlets copying
// the wire, an outlet copying one of them, two outlets copying a release
// left out of the collection, and two independent articles on the same
// subject. French when french is true.
func Generate(seed int64, mode DateMode, inFrench bool) *Case {
	r := rand.New(rand.NewSource(seed))
	g := &generator{r: r, b: &english}
	lang := "en"
	if inFrench {
		g.b, lang = &french, "fr"
	}
	b := g.b
	org := orgs[r.Intn(len(orgs))]
	org2 := orgs[r.Intn(len(orgs))]
	for org2 == org {
		org2 = orgs[r.Intn(len(orgs))]
	}
	sp := person{g.pick(firstNames), g.pick(lastNames), g.pick(b.titles)}
	sp2 := person{g.pick(firstNames), g.pick(lastNames), g.pick(b.titles)}
	agency := g.pick([]string{"Tolbay", "Meridian", "Coastline", "Savanna"}) + " " + b.wireCredit
	city := g.pick(b.cities)
	c := &Case{Name: fmt.Sprintf("%s seed %d (%s)", lang, seed, mode), parent: map[string][]string{}}
	id := func(s string) string { return fmt.Sprintf("%s%d-%s", lang, seed, s) }

	rel := g.release(id("release"), org, sp)
	wire := g.copyOf(id("wire"), rel, copyOpts{keep: 0.8, pastTense: true, usDates: true, innovate: 2,
		hedge: r.Intn(2) == 0, attribute: true, trimQuote: r.Intn(3) == 0, intro: 0, outro: 1,
		dateline: fmt.Sprintf("%s, (%s) – ", city, agency), credit: "– " + agency,
		must: map[string]bool{rel.id + "/lead": true, rel.id + "/q1": true}, outletName: agency})
	out1 := g.copyOf(id("outlet1"), wire, copyOpts{keep: 0.75, innovate: 2, intro: 2, outro: 1, outletName: "The Valley Courier", keepHead: r.Intn(3) == 0,
		must: map[string]bool{rel.id + "/q1": true}})
	out2 := g.copyOf(id("outlet2"), wire, copyOpts{keep: 0.75, innovate: 2, intro: 1, outro: 2, outletName: "Harbour Evening Post", keepHead: r.Intn(3) == 0,
		must: map[string]bool{rel.id + "/lead": true}})
	out3 := g.copyOf(id("outlet3"), out1, copyOpts{keep: 0.8, innovate: 2, intro: 2, outro: 1, outletName: "Ridge Daily", keepHead: true,
		must: map[string]bool{rel.id + "/q1": true}})

	// Two outlets copy a release that is not in the collection, each with
	// parts the other lacks.
	lost := g.release(id("lost"), org2, sp2)
	shared := []string{"lead", "q1", "s1"}
	only1, only2 := []string{"q2", "v1", "hedge"}, []string{"q3", "s2", "date"}
	pick := func(extra []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range append(append([]string{}, shared...), extra...) {
			m[lost.id+"/"+s] = true
		}
		return m
	}
	cs1 := g.copyOf(id("common1"), lost, copyOpts{onlyUnits: pick(only1), pastTense: true, innovate: 1, intro: 2, outro: 1, outletName: "Lakeside Observer"})
	cs2 := g.copyOf(id("common2"), lost, copyOpts{onlyUnits: pick(only2), pastTense: r.Intn(2) == 0, usDates: true, innovate: 1, intro: 1, outro: 2, outletName: "Northern Ledger"})

	ind1 := g.independent(id("indep1"), "Plains Gazette", org, sp)
	ind2 := g.independent(id("indep2"), "Metro Bulletin", org, sp)

	t0 := time.Date(2026, 3, 1+r.Intn(20), 8+r.Intn(4), 0, 0, 0, time.UTC)
	hours := map[*draft]float64{rel: 0, wire: 2, out1: 5, out2: 6.5, out3: 27, cs1: 3 + 4*r.Float64(), cs2: 3 + 4*r.Float64(),
		ind1: 10 * r.Float64(), ind2: 10 * r.Float64()}
	all := []*draft{rel, wire, out1, out2, out3, cs1, cs2, ind1, ind2}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for _, d := range all {
		doc := provenance.Document{ID: d.id, Path: d.id + ".txt", Format: "txt", Text: d.text()}
		doc.Meta.Outlet = provenance.Field{Value: d.outlet, Origin: provenance.OriginSidecar}
		doc.Meta.Title = provenance.Field{Value: d.id, Origin: provenance.OriginFile}
		if mode == AllDates || (mode == SomeDates && r.Intn(2) == 0) {
			when := t0.Add(time.Duration(hours[d] * float64(time.Hour)))
			doc.Meta.Published = provenance.Field{Value: when.Format(time.RFC3339), Origin: provenance.OriginSidecar}
		}
		c.Docs = append(c.Docs, doc)
	}
	edge := func(a, b *draft) {
		c.Edges = append(c.Edges, [2]string{a.id, b.id})
		c.parent[b.id] = append(c.parent[b.id], a.id)
	}
	edge(rel, wire)
	edge(wire, out1)
	edge(wire, out2)
	edge(out1, out3)
	c.Common = append(c.Common, [2]string{cs1.id, cs2.id})
	lineage := []*draft{rel, wire, out1, out2, out3}
	for _, x := range []*draft{ind1, ind2} {
		for _, y := range append(lineage, cs1, cs2) {
			c.Independent = append(c.Independent, [2]string{x.id, y.id})
		}
	}
	c.Independent = append(c.Independent, [2]string{ind1.id, ind2.id})
	return c
}
