package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented for the tests.

const (
	wireLedeEN = "Sea otters have brought the kelp forests of the northern cape back within a decade, a survey of forty reefs published on Monday showed"
	wireRestEN = findingEN + ". " + methodEN
)

// A wire story that credits its agency, and a reprint carrying the same
// passages, lede included, with no credit: the text is the agency's, which
// is not in the collection — a common-source link that names it, no arrow.
func TestCreditCarriedToAnUncreditedReprint(t *testing.T) {
	f := newFixture(t)
	f.doc("wire", "Valley Times", "", "Otters are back\n\nLONDON (AP) — "+wireLedeEN+".\n\n"+wireRestEN+".\n\nLocal divers welcomed the news.\n")
	f.doc("copy", "Hill Gazette", "", "Kelp returns\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\nThe council meets on Tuesday.\n")
	f.share("wire", "copy", wireLedeEN+".\n\n"+wireRestEN, wireLedeEN+".\n\n"+wireRestEN)
	r := f.analyze()
	l, ok := linkBetween(r, "wire", "copy")
	if !ok || l.Kind != provenance.LinkCommonSource {
		t.Fatalf("want a common-source link, got %+v", r.Links)
	}
	if !strings.HasPrefix(l.Reasons[0], NamedSourceReason+"the text is Associated Press's") {
		t.Errorf("the first reason does not name the agency: %q", l.Reasons)
	}
	if len(l.ToDecide) != 0 {
		t.Errorf("a named common source has nothing left to decide: %q", l.ToDecide)
	}
}

// The release a wire rewrote shares the sentences the wire kept, not the
// wire's own lede: it may be the wire's source, so no common source is
// named for it (the link claims nothing).
func TestCreditNotCarriedToTheTextTheWireRewrote(t *testing.T) {
	f := newFixture(t)
	f.doc("wire", "Valley Times", "", "Otters are back\n\nSAN DIEGO (CNS) — "+wireLedeEN+".\n\n"+wireRestEN+".\n\nLocal divers welcomed the news.\n")
	f.doc("uni", "", "", "Otters and kelp\n\nStory by: the news office\n\n"+wireRestEN+".\n\n"+outlookEN+".\n")
	f.share("wire", "uni", wireRestEN, wireRestEN)
	r := f.analyze()
	l, ok := linkBetween(r, "wire", "uni")
	if !ok || l.Kind != provenance.LinkUnknown {
		t.Fatalf("want an unknown link, got %+v", r.Links)
	}
}

// A credit to an aggregator is not carried: an aggregator republishes what
// others wrote, so the text is not its own.
func TestAggregatorCreditNotCarried(t *testing.T) {
	f := newFixture(t)
	f.doc("agg", "Space Weekly", "", "Otters and kelp\n\n"+wireLedeEN+". "+wireRestEN+".\n\nSource: ScienceDaily\n")
	f.doc("uni", "", "", "Otters and kelp\n\n"+wireLedeEN+". "+wireRestEN+".\n\n"+outlookEN+".\n")
	f.share("agg", "uni", wireLedeEN+". "+wireRestEN, wireLedeEN+". "+wireRestEN)
	r := f.analyze()
	if l, ok := linkBetween(r, "agg", "uni"); !ok || l.Kind == provenance.LinkCommonSource {
		t.Fatalf("want no common source named, got %+v", r.Links)
	}
}
