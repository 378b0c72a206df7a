package lineage

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented for the tests.

// When the engine also aligns a copy's own sentence with a stretch of the
// source it resembles, that weaker alignment's edits are not the copy's
// changes: only the stronger passage over the same stretch says what the
// copy did there.
func TestInnovationsIgnoreAWeakerAlignmentOfTheSameText(t *testing.T) {
	src := "The harbour board closed the northern quay to cargo ships on Monday after a crane collapsed onto the main berth."
	cp := "The ferry office shut the southern quay to fishing boats on Friday.\n\nThe harbour board closed the northern quay to cargo ships on Tuesday after a crane collapsed onto the main berth."
	f := newFixture(t)
	f.doc("z", "Valley Times", "", src)
	f.doc("c", "Hill Gazette", "", cp)
	f.share("z", "c", src, "The harbour board closed the northern quay to cargo ships on Tuesday after a crane collapsed onto the main berth.")
	f.share("z", "c", "The harbour board closed the northern quay to cargo ships on Monday", "The ferry office shut the southern quay to fishing boats on Friday")
	views, infos, err := weigh(context.Background(), &f.r)
	if err != nil {
		t.Fatal(err)
	}
	inn, _ := innovationsOf(views[viewKey("z", "c")], infos["z"])
	if len(inn) != 1 {
		t.Fatalf("want the one change of the stronger alignment (Monday → Tuesday), got %v", inn)
	}
	for k := range inn {
		if was := spanText(src, provenance.Span{Start: k.start, End: k.end}); was != "Monday" || k.words != "tuesday" {
			t.Errorf("want “tuesday” for “Monday”, got %q for %q", k.words, was)
		}
	}
}

// Edits at most one word apart are one editorial change: the word diff
// splits "a doublé le tarif informel" → "a ajouté le responsable" in two.
func TestChangesCountsNeighbouringEditsOnce(t *testing.T) {
	z := newDocInfo(&provenance.Document{ID: "z", Text: "Le port a doublé le tarif informel vers Fenwick, puis la garde a retardé le bac à Miran."})
	at := func(s string) (int, int) {
		i := strings.Index(z.doc.Text, s)
		return i, i + len(s)
	}
	var inn []innovation
	for _, c := range []struct{ was, now string }{{"doublé", "ajouté"}, {"tarif informel vers Fenwick", "responsable"}, {"retardé", "différé"}} {
		s, e := at(c.was)
		inn = append(inn, innovation{s, e, c.now})
	}
	if n := changes(inn, z); n != 2 {
		t.Errorf("want 2 changes (the rewording of one clause, and “différé”), got %d", n)
	}
}

// Three copies that agree against their source have its earlier reading
// (a correction the source made after they copied) or a lost
// intermediary's: that one of them also made changes of its own does not
// make it a copy of another.
func TestChangesThreeCopiesShareAreNoSharedInnovations(t *testing.T) {
	z := "The harbour board closed the northern quay to cargo ships on Monday after a crane collapsed onto the main berth, and the pilots said the channel would stay shut until the divers had checked the wreck for fuel leaks near the old lighthouse."
	x := "The harbour board closed the northern quay to container ships on Monday after a crane collapsed onto the main berth, and the pilots said the channel would remain shut until the divers had checked the wreck for oil leaks near the old lighthouse."
	y := "The harbour board closed the northern quay to container ships on Monday after a crane fell onto the main berth, and the pilots said the channel would remain shut until the crews had checked the wreck for oil leaks near the old lighthouse."
	f := newFixture(t)
	f.doc("z", "Valley Times", "2026-03-01", z)
	f.doc("x", "Hill Gazette", "2026-03-04", x)
	f.doc("y", "Plains Herald", "2026-03-04", y)
	f.doc("w", "Coast Courier", "2026-03-04", x)
	for _, p := range [][2]string{{"z", "x"}, {"z", "y"}, {"z", "w"}, {"x", "y"}, {"w", "y"}, {"x", "w"}} {
		f.share(p[0], p[1], f.r.Doc(p[0]).Text, f.r.Doc(p[1]).Text)
	}
	r := f.analyze()
	for _, l := range r.Links {
		if l.Kind == provenance.LinkCopy && l.Source != "z" {
			t.Errorf("no copy is shown to have copied another: %s → %s (%s)", l.Source, l.Target, strings.Join(l.Reasons, " | "))
		}
	}
}
