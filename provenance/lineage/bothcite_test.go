package lineage

import (
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// Two pages sharing a sentence that each says came from one wire ("the
// skipper told AFP", "according to news agency AFP") carry that wire's
// story: the link names it. One side's mention alone names nothing when
// what they share is the quotation (TestOneSideCitesTheWireForASharedSentence
// has the reporting), nor does a page that opens with the wire's own
// dateline ("AFP —"), which may be the wire's page.
func TestBothCiteTheWireForASharedSentence(t *testing.T) {
	quote := "“The reef has never looked like this in my lifetime,” the harbour master, Ann Writer,"
	for _, c := range []struct {
		name, citeA, citeB, openA string
		want                      bool
	}{
		{"told and told", "told AFP", "told AFP", "", true},
		{"told and according to", "told AFP", "said, according to news agency AFP", "", true},
		{"one side only", "told AFP", "said", "", false},
		{"another wire on the other side", "told AFP", "told Reuters", "", false},
		{"a page with the wire's dateline", "told AFP", "told AFP", "AFP — ", false},
	} {
		f := newFixture(t)
		f.doc("a", "", "", "Kelp returns\n\n"+c.openA+"The northern cape has its kelp back after a decade of work by divers and fishing crews.\n\n"+quote+" "+c.citeA+". "+methodEN+".\n")
		f.doc("b", "", "", "Otters bring back the kelp\n\nSea otters are the heroes of the cape this summer, and the crews are grateful to them.\n\n"+quote+" "+c.citeB+". "+methodEN+".\n")
		f.share("a", "b", quote, quote)
		f.share("a", "b", methodEN, methodEN)
		r := f.analyze()
		l, _ := linkBetween(r, "a", "b")
		named := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Agence France-Presse"
		if named != c.want {
			t.Errorf("%s: named AFP %v, want %v: %+v", c.name, named, c.want, r.Links)
		}
	}
}

// A byline naming an agency's staff is a credit to the agency; so is "X
// contributed to" where the saved page ends; a bracketed picture credit
// makes its line a caption, not the lede a carrier must keep.
func TestStaffBylineCutContributionAndCaption(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Kelp returns\n\nBy Associated Press staff EASTPORT — Otters are back on the cape.\n", "Associated Press"},
		{"Kelp returns\n\nBy Reuters reporters\n\nOtters are back on the cape.\n", "Reuters"},
		{"Otters are back on the cape, divers said. Reuters contributed to", "Reuters"},
		{"Otters are back on the cape, divers said. Reuters contributed to the survey costs of the team.", ""},
		{"Kelp returns\n\nBy Ann Writer staff\n\nOtters are back on the cape.\n", ""},
	} {
		checkCredit(t, c.text, c.want)
	}
	text := "Kelp returns\n\nDivers swim over the kelp off the northern cape near Eastport, Maine.   (AP Photo/Bo Reporter)\n\n" + wireLedeEN + ".\n"
	lede, ok := ledeFrom(text, 0, true)
	if !ok || text[lede.Start:lede.End] != wireLedeEN+"." {
		t.Errorf("lede past the caption: got %q", text[lede.Start:lede.End])
	}
	// The credit of a story under a captioned picture carries to a reprint
	// of its lede.
	f := newFixture(t)
	story := "Kelp returns\n\nDivers swim over the kelp off the northern cape near Eastport, Maine.   (AP Photo/Bo Reporter)\n\n" + wireLedeEN + ".\n\n" + wireRestEN + ".\n\nAP contributed to this report.\n"
	f.doc("story", "", "", story)
	f.doc("copy", "", "", "Kelp is back\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\nThe council meets on Tuesday.\n")
	f.share("story", "copy", wireLedeEN+".\n\n"+wireRestEN, wireLedeEN+".\n\n"+wireRestEN)
	wantNamedSource(t, f.analyze(), "story", "copy", "the text is Associated Press's")
}

// A repost's pointer to the rest of its source's text and a listing's
// "date - source" line credit that source; a listing line naming a person
// (a byline) credits no one.
func TestRestOfStoryAndListingLineCredits(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Otters are back on the cape, divers said.\n\nTo read the rest of the story, please go to: Harbour University\n", "Harbour University"},
		{"Otters are back\nAugust 4, 2016 07:12 AM - Harbour Marine Society\n\nOtters are back on the cape, divers said.\n", "Harbour Marine Society"},
		{"Otters are back\nAugust 4, 2016 07:12 AM - Ann Writer\n\nOtters are back on the cape, divers said.\n", ""},
	} {
		checkCredit(t, c.text, c.want)
	}
}

// A paper's own story closed by "(Inputs from AFP)" shares one sentence of
// the wire's story with a page that other links show to carry it (two
// pages citing AFP for a sentence they share): the credit carries to it
// without the paper's own lede. Without the other link it does not.
func TestInputsCreditCarriesToAKnownCarrier(t *testing.T) {
	quote := "“The reef has never looked like this in my lifetime,” the harbour master, Ann Writer,"
	for _, known := range []bool{true, false} {
		f := newFixture(t)
		body := wireLedeEN + ". " + quote + " told AFP. " + methodEN + "."
		f.doc("a", "", "", "Kelp returns\n\n"+body+"\n")
		f.doc("paper", "", "", "Cape celebrates\n\nThe fishing crews of the cape held a feast on Sunday to thank the divers for a decade of work.\n\n"+methodEN+".\n\n(Inputs from AFP)\n")
		f.share("a", "paper", methodEN, methodEN)
		if known {
			f.doc("b", "", "", "Otters bring back the kelp\n\nSea otters are the heroes of the cape this summer, and the crews are grateful to them.\n\n"+quote+" told AFP. "+outlookEN+".\n")
			f.share("a", "b", quote+" told AFP", quote+" told AFP")
		}
		r := f.analyze()
		l, _ := linkBetween(r, "a", "paper")
		named := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Agence France-Presse"
		if named != known {
			t.Errorf("carrier known %v: named AFP %v: %+v", known, named, r.Links)
		}
	}
}

// A credit to an organisation (a university, a society: no wire or news
// outlet) names its release, which reaches a further carrier that keeps
// other sentences of it, not the crediting page's lede.
func TestOrganisationCreditReachesAFurtherCarrier(t *testing.T) {
	f := newFixture(t)
	f.doc("listing", "", "", "Otters are back\nAugust 4, 2016 07:12 AM - Harbour Marine Society\n\n"+wireLedeEN+". "+findingEN+".\n")
	f.doc("repost", "", "", "Otters are back\n\n"+wireLedeEN+". "+findingEN+". "+methodEN+".\n")
	f.doc("item", "", "", "Kelp news\n\nThe cape has good news for divers this week, and the crews are pleased.\n\n"+findingEN+". "+methodEN+".\n")
	f.share("listing", "repost", wireLedeEN+". "+findingEN, wireLedeEN+". "+findingEN)
	f.share("repost", "item", findingEN+". "+methodEN, findingEN+". "+methodEN)
	f.share("listing", "item", findingEN, findingEN)
	r := f.analyze()
	wantNamedSource(t, r, "listing", "repost", "the text is Harbour Marine Society's")
	if l, _ := linkBetween(r, "repost", "item"); l.Kind != provenance.LinkCommonSource || l.CommonSource != "Harbour Marine Society's" {
		t.Errorf("want the further carrier named Harbour Marine Society's, got %+v", r.Links)
	}
}

// A page that says a sentence it shares with another came from a wire
// ("…, according to Reuters", "…, the harbour master told AFP") names
// that wire as the source of the text the other carries without saying
// so. Not when what the sentence shares is a quotation only, when the
// other reads as a release (it may be what the wire rewrote), when the
// other credits another source, or when no page cites the wire.
func TestOneSideCitesTheWireForASharedSentence(t *testing.T) {
	report := "The harbour board closed the northern channel to all shipping on Tuesday after divers found a cracked pier beneath the ferry terminal"
	quote := "“The reef has never looked like this in my lifetime,” the harbour master, Ann Writer,"
	for _, c := range []struct {
		name, sharedA, citeA, tailB string
		want                        bool
	}{
		{"according to", report, ", according to Reuters", "", true},
		{"told", report + ", the harbour master", " told Reuters", "", true},
		{"no citation", report, "", "", false},
		{"a quotation only", quote, " told Reuters", "", false},
		{"the other reads as a release", report, ", according to Reuters", "\n\nAbout Harbour Board\n\nHarbour Board runs the ports of the northern cape.\n\nMedia contact: press@harbour.example.org\n", false},
		{"the other credits another source", report, ", according to Reuters", "\n\n(AP)\n", false},
	} {
		f := newFixture(t)
		f.doc("a", "", "", "Channel shut\n\nFerries are stuck in port this week, and the town is counting the cost.\n\n"+c.sharedA+c.citeA+". "+methodEN+".\n")
		f.doc("b", "", "", "Pier cracked\n\nThe ferry company says its timetable will be back to normal by the weekend.\n\n"+c.sharedA+". "+outlookEN+"."+c.tailB+"\n")
		f.share("a", "b", c.sharedA, c.sharedA)
		r := f.analyze()
		l, _ := linkBetween(r, "a", "b")
		named := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Reuters"
		if named != c.want {
			t.Errorf("%s: named Reuters %v, want %v: %+v", c.name, named, c.want, r.Links)
		}
	}
}
