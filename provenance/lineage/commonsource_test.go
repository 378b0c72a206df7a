package lineage

import (
	"strings"
	"testing"
)

// The texts below are invented; the layout is that of real pages (a digest
// of a page saved cut off after 2,000 bytes).

// Two pages quoting one speaker, each in words the other lacks, drew on a
// fuller source — unless the words one of them lacks come after the point
// where its saved page was cut off: the digest's later quote may be in the
// lost end of the cut page it copied.
func TestCutPageLacksNoLaterQuote(t *testing.T) {
	q1 := "“The otters do the gardening, and the kelp does the rest of the work for the whole reef,” Diver said."
	q2 := "“We had not expected the urchins to give up so quickly once the otters came back to the cape,” Diver said."
	q3 := "“Maybe every reef needs a few lazy otters to keep the urchins honest over the long winters,” Diver added."
	long := "Otters and kelp\n\n" + findingEN + ".\n\n" + q2 + "\n\n" + q1 + "\n\nThe divers counted urchins and measured kelp stalks every spring for nine years along the same tran"
	digest := "Otter digest\n\nSea otters are good for kelp, a survey says.\n\n" + q1 + "\n\n" + q3 + "\n\nSource: Reef Weekly\n"
	f := newFixture(t)
	f.doc("long", "", "", long)
	f.doc("digest", "", "", digest)
	f.share("long", "digest", q1, q1)
	r := f.analyze()
	if l, ok := linkBetween(r, "long", "digest"); ok && strings.Contains(strings.Join(l.Reasons, " | "), "fuller source") {
		t.Errorf("the digest's quote after the cut page's end read as words the cut page lacks: %s", strings.Join(l.Reasons, " | "))
	}
}

// A participle opening an attribution ("Stating that …, Writer said") is
// no speaker's surname (2026-12-07 night).
func TestParticipleIsNoSurname(t *testing.T) {
	got := personNames(map[string]bool{"Stating": true, "Adding": true, "Writer": true})
	if len(got) != 1 || got[0] != "Writer" {
		t.Errorf("got %q, want [Writer]", got)
	}
}
