package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// An undecided link says what would decide it, and supplying that clue in
// the metadata (a date, a role) decides it.
func TestUnknownLinkSaysWhatWouldDecideIt(t *testing.T) {
	shared := "The ferry operator will run two extra crossings every evening until the end of the month while the old pier is repaired by divers from the harbour board"
	build := func(dateA, dateB, roleA, roleB string) *provenance.Result {
		f := newFixture(t)
		f.doc("a", "", dateA, "Travellers on the island route have complained for weeks. "+shared+". Tickets stay at the same price.\n")
		f.doc("b", "", dateB, "Evening news from the coast. "+shared+". The board has not said what the repairs cost.\n")
		for i, role := range []string{roleA, roleB} {
			if role != "" {
				f.r.Documents[i].Meta.Role = provenance.Field{Value: role, Origin: provenance.OriginUser}
			}
		}
		f.share("a", "b", shared, shared)
		return f.analyze()
	}
	r := build("", "", "", "")
	l, ok := linkBetween(r, "a", "b")
	if !ok || l.Kind != provenance.LinkUnknown {
		t.Fatalf("want an unknown link, got %+v", r.Links)
	}
	all := strings.Join(l.ToDecide, "\n")
	for _, want := range []string{"no publication dates", "add them", "no outlet role", "credit line"} {
		if !strings.Contains(all, want) {
			t.Errorf("ToDecide does not say %q:\n%s", want, all)
		}
	}
	// Dates alone order two reprints of one story as easily as a source
	// and its copy: the link stays undecided and says so.
	r = build("2026-05-02T08:00:00Z", "2026-05-03T08:00:00Z", "", "")
	if l, _ := linkBetween(r, "a", "b"); l.Kind != provenance.LinkUnknown || !strings.Contains(strings.Join(l.ToDecide, "\n"), "only the publication dates") {
		t.Errorf("with dates alone: %+v", l)
	}
	// Dates and roles decide it.
	r = build("2026-05-02T08:00:00Z", "2026-05-03T08:00:00Z", string(provenance.RoleWire), string(provenance.RoleNewspaper))
	if l, _ := linkBetween(r, "a", "b"); l.Kind != provenance.LinkCopy || l.Source != "a" || len(l.ToDecide) != 0 {
		t.Errorf("with dates and roles: %+v", l)
	}
	// So do roles: a press office's text goes to the newspaper.
	r = build("", "", string(provenance.RolePressOffice), string(provenance.RoleNewspaper))
	if l, _ := linkBetween(r, "a", "b"); l.Kind != provenance.LinkCopy || l.Source != "a" {
		t.Errorf("with a press-office role: %+v", l)
	}
}
