package lineage

import (
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// An acronym and its expansion, or an abbreviation a text defines, are one
// name: never "a different name".
func TestAbbreviationsAreNotNameChanges(t *testing.T) {
	cases := []struct{ src, dst string }{
		{"Officials said the UN Security Council would meet on the withdrawal plan before the rainy season began in the north.",
			"Officials said the United Nations Security Council would meet on the withdrawal plan before the rainy season began in the north."},
		{"Doctors warned that the World Health Organization had not yet seen the figures gathered in the three provinces.",
			"Doctors warned that the WHO had not yet seen the figures gathered in the three provinces."},
		{"Aid workers said the U.N. mission would stay until the end of the year despite the request to leave early.",
			"Aid workers said the United Nations mission would stay until the end of the year despite the request to leave early."},
		{"Center for Civilians in Conflict (CIVIC) is deeply concerned that the decision may harm civilians across the region, its director said.",
			"Center for Civilians in Conflict (CIVIC) is deeply concerned that the decision may harm civilians across the region, CIVIC said."},
	}
	for _, c := range cases {
		f := newFixture(t)
		f.doc("s", "", "2026-01-01", c.src+"\n")
		f.doc("d", "", "2026-01-02", c.dst+"\n")
		f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleWire), Origin: provenance.OriginUser}
		f.r.Documents[1].Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginUser}
		f.share("s", "d", c.src, c.dst)
		for _, m := range f.analyze().Mutations {
			if m.Kind == provenance.MutationName {
				t.Errorf("%q → %q reported as a name change", m.SourceText, m.TargetText)
			}
		}
	}
	// A real change of name still is one.
	if !sameEntity([]string{"UN"}, []string{"United", "Nations"}) || sameEntity([]string{"CIVIC"}, []string{"Civic", "Union"}) ||
		sameEntity([]string{"EU"}, []string{"United", "Nations"}) {
		t.Error("sameEntity misreads initials")
	}
	if !sameEntity([]string{"CIVIC"}, []string{"Center", "for", "Civilians", "in", "Conflict"}, "the Center for Civilians in Conflict (CIVIC) said") {
		t.Error("an abbreviation the text defines is not recognised")
	}
}
