package lineage

import (
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// TestIsSourceNamesEachOwnName: a credited name is a document's when it
// names its outlet (not one inferred from its text), its web host, an
// organisation it speaks for (not its inferred outlet), extends one of
// them or is extended by it (six letters or more); pageFinder, which works each name out once for the whole
// collection, finds the same documents.
func TestIsSourceNamesEachOwnName(t *testing.T) {
	field := func(v string, o provenance.Origin) provenance.Field {
		return provenance.Field{Value: v, Origin: o}
	}
	outlet := &docInfo{doc: &provenance.Document{ID: "outlet", Meta: provenance.Metadata{Outlet: field("Harbour Gazette", provenance.OriginMeta)}}}
	host := &docInfo{doc: &provenance.Document{ID: "host", Meta: provenance.Metadata{URL: field("https://www.tolbaynews.org/a/1", provenance.OriginHTTP)}}}
	org := &docInfo{doc: &provenance.Document{ID: "org", Meta: provenance.Metadata{Outlet: field("Eastport Mirror", provenance.OriginInferred)}},
		orgs: []string{"Eastport Mirror", "CIVIC"}}
	docs := []*docInfo{outlet, host, org}
	for _, c := range []struct {
		name string
		doc  *docInfo
		why  string
	}{
		{"Harbour Gazette", outlet, "its outlet"},
		{"the harbour gazette", outlet, "its outlet"},
		{"Harbour Gazette News", outlet, "its outlet"},
		{"Tolbay News", host, "its web address"},
		{"CIVIC", org, "the organisation it speaks for"},
		{"Eastport Mirror", nil, ""},      // an inferred outlet, also among its organisations
		{"Harbour", outlet, "its outlet"}, // one folded name extends the other (six letters or more)
		{"Harb", nil, ""},
		{"X", nil, ""},
		{"", nil, ""},
	} {
		for _, d := range docs {
			ok, why := d.isSource(c.name)
			if want := d == c.doc; ok != want || ok && why != c.why {
				t.Errorf("%s.isSource(%q) = %v, %q; want %v, %q", d.doc.ID, c.name, ok, why, want, c.why)
			}
		}
		if got := pageFinder(docs)(c.name); got != (c.doc != nil) {
			t.Errorf("pageFinder(%q) = %v", c.name, got)
		}
	}
}
