package lineage

import (
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented for the tests.

const (
	orgLedeEN = "Half of the coastal wetlands of the northern provinces have been drained since 1990, according to a new report published by Tidewell today"
	orgRestEN = "The report found that drained marshes release more carbon than the farms built on them can ever store, and it calls for the worst-hit sites to be flooded again within ten years"
)

// Two pages carry the same passages, and those passages attribute their
// text to one organisation's report, which is not in the collection: the
// link names it as their common source.
func TestSharedAttributionNamesTheOrganisation(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "Wetlands drained\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nLocal farmers were not asked.\n")
	f.doc("b", "Hill Gazette", "", "Half the marshes are gone\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nThe council meets on Tuesday.\n")
	f.share("a", "b", orgLedeEN+".\n\n"+orgRestEN, orgLedeEN+".\n\n"+orgRestEN)
	l := wantNamedSource(t, f.analyze(), "a", "b", "both carry Tidewell’s report")
	if len(l.ToDecide) != 0 {
		t.Errorf("a named common source has nothing left to decide: %q", l.ToDecide)
	}
}

// The attribution must sit in what both share: a page that names the
// report only in its own words does not make the shared text the report's.
func TestAttributionOutsideTheSharedTextNamesNothing(t *testing.T) {
	lede := "Half of the coastal wetlands of the northern provinces have been drained since 1990, and most of them were turned into rice fields"
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "Wetlands drained\n\nThe figures come from a new report published by Tidewell.\n\n"+lede+".\n\n"+orgRestEN+".\n")
	f.doc("b", "Hill Gazette", "", "Half the marshes are gone\n\n"+lede+".\n\n"+orgRestEN+".\n\nThe council meets on Tuesday.\n")
	f.share("a", "b", lede+".\n\n"+orgRestEN, lede+".\n\n"+orgRestEN)
	wantNoNamedSource(t, f.analyze(), "a", "b")
}

// Two same-topic pages that share only the sentence attributing a figure
// to the report are not carrying one text: no named source.
func TestAttributionSentenceAloneNamesNothing(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "Wetlands drained\n\n"+orgLedeEN+".\n\nFarmers in the delta said they had been paid to drain the fields.\n")
	f.doc("b", "Hill Gazette", "", "Half the marshes are gone\n\n"+orgLedeEN+".\n\nBirdwatchers counted fewer cranes than in any spring before.\n")
	f.share("a", "b", orgLedeEN, orgLedeEN)
	wantNoNamedSource(t, f.analyze(), "a", "b")
}

// An organisation with a page in the collection is not named as missing
// from it.
func TestAttributedOrganisationInTheCollection(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "Wetlands drained\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nLocal farmers were not asked.\n")
	f.doc("b", "Hill Gazette", "", "Half the marshes are gone\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nThe council meets on Tuesday.\n")
	f.doc("t", "Tidewell", "", "Our volunteers\n\nThis spring our volunteers planted reeds along the old canal and counted the geese that came back.\n")
	f.share("a", "b", orgLedeEN+".\n\n"+orgRestEN, orgLedeEN+".\n\n"+orgRestEN)
	wantNoNamedSource(t, f.analyze(), "a", "b")
}

// A press release may be the organisation's own text: two releases that
// carry the same passages (two of its offices' variants) get no common
// source named for the organisation, which may be either of them.
func TestAttributionNotNamedBetweenReleases(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "FOR IMMEDIATE RELEASE\n\nWetlands drained\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nFor more information, please contact the press office.\n")
	f.doc("b", "Hill Gazette", "", "FOR IMMEDIATE RELEASE\n\nHalf the marshes are gone\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nFor more information, please contact the northern office.\n")
	f.share("a", "b", orgLedeEN+".\n\n"+orgRestEN, orgLedeEN+".\n\n"+orgRestEN)
	wantNoNamedSource(t, f.analyze(), "a", "b")
}

// Attributions to organisations are read; a person's study, a weekday and
// a quoted speaker's surname are not organisations.
func TestFindOrgAttributions(t *testing.T) {
	for _, c := range []struct{ text, want, noun string }{
		{"The marshes are gone, according to a new report published by Tidewell today.", "Tidewell", "report"},
		{"The Coastal Survey Office said in a statement that the marshes are gone.", "Coastal Survey Office", "statement"},
		{"Researchers at the University of Northmere found that the marshes are gone.", "University of Northmere", "study"},
		{"Tidewell’s report, “Drained”, shows the marshes are gone.", "Tidewell", "report"},
		{"The marshes are gone, a study by the NWRA shows.", "NWRA", "study"},
		{"The marshes are gone, according to a study by Jane Harrow.", "", ""},
		{"The marshes are gone, according to a report released on Thursday.", "", ""},
		{"“The marshes are gone,” Harrow said. Harrow’s study was long.", "", ""},
		// A document by its title or a qualifier (2026-12-07 night).
		{"Wetland birds have fallen by two thirds, according to Tidewell’s Living Wetlands Report 2026.", "Tidewell", "report"},
		{"The census is Tidewell’s most comprehensive study to date of the marshes.", "Tidewell", "study"},
		{"Tidewell’s chief executive said in a statement that the marshes are gone.", "", ""},
		{"Harbourco on Tuesday announced that it will buy Quayside.", "Harbourco", "announcement"},
		{"Harbourco and Quayside announced that they will merge.", "Harbourco and Quayside", "announcement"},
		{"Harbourco and Quayside Companies announced that they will merge.", "Harbourco and Quayside Companies", "announcement"},
		{"“We are glad,” Harbourco said. Harbourco has officially announced the deal.", "Harbourco", "announcement"},
		{"Ann Writer announced that she will retire.", "", ""},
		{"Harbourco signed a definitive agreement to acquire Quayside for $3 billion.", "Harbourco", "announcement"},
		{"Harbourco Inc. (HRBC) has entered into definitive merger agreement with Quayside.", "Harbourco Inc", "announcement"},
		{"Harbourco (NasdaqGS:HRBC) entered into an agreement and plan of merger to acquire Quayside.", "Harbourco", "announcement"},
		{"A Harbourco ferry in Eastport, Maine\n\nHarbourco announced on Friday that it will buy Quayside.", "Harbourco", "announcement"},
		{"Officials said Harbour Shipping Company, Inc. announced the sale on Friday.", "Harbour Shipping Company", "announcement"},
		{"Writer announced that she will retire. “It is time,” said Ann Writer.", "", ""},
	} {
		got := findOrgAttributions(newDocInfo(&provenance.Document{Text: c.text}))
		switch {
		case c.want == "" && len(got) != 0:
			t.Errorf("%q: want no attribution, got %+v", c.text, got)
		case c.want != "" && (len(got) == 0 || got[0].org != c.want || got[0].noun != c.noun):
			t.Errorf("%q: want %s's %s, got %+v", c.text, c.want, c.noun, got)
		}
	}
}

// wantNoNamedSource fails when a and b share a link naming its source.
func wantNoNamedSource(t *testing.T, r *provenance.Result, a, b string) {
	t.Helper()
	if l, ok := linkBetween(r, a, b); ok && named(l) {
		t.Fatalf("want no common source named, got %+v", l)
	}
}

// "In an annual survey published …, the charity Reefwatch said …"
// attributes the shared words "Reefwatch said …" to the charity's
// survey, though the other text says "in a yearly count": both carry the
// survey. Two texts that only share "Reefwatch said" name nothing.
func TestReportClauseBesideASharedSaidNamed(t *testing.T) {
	said := "the conservation charity Reefwatch said the otters had returned to forty reefs of the northern cape in a single year"
	rest := methodEN + ". " + outlookEN
	a := "Otters back\n\nIn an annual survey published to mark the start of the reef summit in Portvale, " + said + ".\n\n" + rest + ".\n"
	b := "Otter count\n\nIn a yearly count released to mark the start of the reef summit in Portvale, " + said + ".\n\n" + rest + ".\n"
	shared := "to mark the start of the reef summit in Portvale, " + said + ".\n\n" + rest
	f := newFixture(t)
	f.doc("a", "Valley Times", "", a)
	f.doc("b", "Hill Gazette", "", b)
	f.share("a", "b", shared, shared)
	wantNamedSource(t, f.analyze(), "a", "b", "both carry Reefwatch’s survey")

	a2 := "Otters back\n\nAt the reef summit in Portvale, " + said + ".\n\n" + rest + ".\n"
	f = newFixture(t)
	f.doc("a", "Valley Times", "", a2)
	f.doc("b", "Hill Gazette", "", "Otter count\n\nOn Monday in Portvale, "+said+".\n\n"+rest+".\n")
	f.share("a", "b", said+".\n\n"+rest, said+".\n\n"+rest)
	r := f.analyze()
	if l, ok := linkBetween(r, "a", "b"); ok && named(l) {
		t.Errorf("a shared “Reefwatch said” alone names no document: %+v", l)
	}
}

// The document two pages' shared text attributes itself to reaches a
// third page that carries some of those passages without the
// attribution (2026-12-07 night); a third page sharing with one of them
// only text outside those passages is not named.
func TestAttributedDocumentReachesAFurtherCarrier(t *testing.T) {
	extra := "Birdwatchers on the estuary counted fewer cranes this spring than in any year since their records began"
	for _, inPassages := range []bool{true, false} {
		f := newFixture(t)
		f.doc("a", "Valley Times", "", "Wetlands drained\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nLocal farmers were not asked.\n")
		f.doc("b", "Hill Gazette", "", "Half the marshes are gone\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\n"+extra+".\n")
		f.share("a", "b", orgLedeEN+".\n\n"+orgRestEN, orgLedeEN+".\n\n"+orgRestEN)
		shared := orgRestEN
		if !inPassages {
			shared = extra
		}
		f.doc("c", "Coast Weekly", "", "Marsh news\n\nThe delta has a hard summer ahead, and the fishing crews are worried.\n\n"+shared+".\n\nThe council meets on Tuesday.\n")
		f.share("b", "c", shared, shared)
		r := f.analyze()
		wantNamedSource(t, r, "a", "b", "both carry Tidewell’s report")
		l, _ := linkBetween(r, "b", "c")
		if got := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Tidewell’s report"; got != inPassages {
			t.Errorf("in the named passages %v: named Tidewell’s report %v: %+v", inPassages, got, r.Links)
		}
	}
}

// Two pages that each say, in their own words, that an organisation
// announced what they report, and share sentences besides those, carry
// its announcement (2026-12-07 night). Not when one of them says so, when
// all they share is the announcing sentence, or when one credits a wire.
func TestBothSayTheOrganisationAnnouncedIt(t *testing.T) {
	deal := "Quayside shareholders will receive $12.40 in cash and 0.15 shares of Harbourco stock for each Quayside share, valuing the ferry line at about $3 billion. The transaction, approved by both boards, is expected to close in the second half of the year, subject to regulatory approval"
	for _, c := range []struct {
		name, openA, openB, shared, tailB string
		want                              bool
	}{
		{"both announce", "Harbourco officially announced Friday that it agreed to buy the ferry line Quayside.", "On Monday, Harbourco announced that it has entered into a definitive agreement to buy Quayside.", deal, "", true},
		{"a joint announcement", "Harbourco officially announced Friday that it agreed to buy the ferry line Quayside.", "Harbourco and Quayside announced on Monday that they have entered into a definitive agreement.", deal, "", true},
		{"one announces", "Harbourco officially announced Friday that it agreed to buy the ferry line Quayside.", "The harbour will have one ferry company soon, and the unions are worried about jobs.", deal, "", false},
		{"only the announcing sentence", "Harbourco announced Friday that it agreed to buy the ferry line Quayside for $3 billion in cash and stock.", "Harbourco announced Friday that it agreed to buy the ferry line Quayside for $3 billion in cash and stock.", "", "", false},
		{"a wire credited", "Harbourco officially announced Friday that it agreed to buy the ferry line Quayside.", "On Monday, Harbourco announced that it has entered into a definitive agreement to buy Quayside.", deal, "\n\n(Reuters)\n", false},
	} {
		f := newFixture(t)
		body := c.shared
		if body == "" {
			body = "The unions were not told in advance"
		}
		f.doc("a", "Valley Times", "", "Ferry deal\n\n"+c.openA+"\n\n"+body+".\n\nLocal commuters fear higher fares.\n")
		f.doc("b", "Hill Gazette", "", "Ferries merge\n\n"+c.openB+"\n\n"+body+".\n\nThe council meets on Tuesday."+c.tailB+"\n")
		if c.shared != "" {
			f.share("a", "b", c.shared, c.shared)
		} else {
			f.share("a", "b", c.openA, c.openB)
		}
		r := f.analyze()
		l, _ := linkBetween(r, "a", "b")
		if got := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Harbourco’s announcement"; got != c.want {
			t.Errorf("%s: named Harbourco’s announcement %v, want %v: %+v", c.name, got, c.want, r.Links)
		}
	}
}

// The attributed document reaches a second carrier beyond the first, as
// a release named on a page does, and no further (2026-12-07 night).
func TestAttributedDocumentReachesTwoCarriers(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "Wetlands drained\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nLocal farmers were not asked.\n")
	f.doc("b", "Hill Gazette", "", "Half the marshes are gone\n\n"+orgLedeEN+".\n\n"+orgRestEN+".\n\nThe council meets on Tuesday.\n")
	f.share("a", "b", orgLedeEN+".\n\n"+orgRestEN, orgLedeEN+".\n\n"+orgRestEN)
	for i, id := range []string{"c", "d", "e"} {
		f.doc(id, []string{"Coast Weekly", "Delta Post", "Estuary News"}[i], "", "Marsh news "+id+"\n\nThe delta has a hard summer ahead, and the fishing crews of "+id+" are worried.\n\n"+orgRestEN+".\n\nThe council meets on Tuesday.\n")
	}
	f.share("b", "c", orgRestEN, orgRestEN)
	f.share("c", "d", orgRestEN, orgRestEN)
	f.share("d", "e", orgRestEN, orgRestEN)
	r := f.analyze()
	for _, c := range []struct {
		x, y string
		want bool
	}{{"b", "c", true}, {"c", "d", true}, {"d", "e", false}} {
		l, _ := linkBetween(r, c.x, c.y)
		if got := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Tidewell’s report"; got != c.want {
			t.Errorf("%s – %s: named Tidewell’s report %v, want %v: %+v", c.x, c.y, got, c.want, l)
		}
	}
}
