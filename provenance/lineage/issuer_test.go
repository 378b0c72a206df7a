package lineage

import (
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented for the tests.

// The organisation whose release a credit quotes: named by the credit, or
// speaking in it, or by the speaker's title in the sentence.
func TestReleaseOrg(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"“The reefs are back,” Jane Roe, Executive Director of Harbour Watch International, said in a press release.", "Harbour Watch International"},
		{"“The reefs are back,” Tom Quill, assistant professor of marine biology at Maine's Cape Institute, said in a release Wednesday.", "Cape Institute"},
		{"The quay is closed, the WHO said in a statement.", "WHO"},
		{"Otters are back, says a Cape Institute release.", "Cape Institute"},
		{"“The reefs are back,” she said in a statement.", ""},
		{"“The reefs are back,” Jane Roe said in a press release.", ""},
	} {
		d := newDocInfo(&provenance.Document{ID: "d", Text: c.text})
		got := ""
		for _, cr := range d.credits {
			if org := releaseOrg(d, cr); org != "" {
				got = org
			}
		}
		if got != c.want {
			t.Errorf("%q: want %q, got %q", c.text, c.want, got)
		}
	}
}

// A story that quotes an organisation's press release, and a page that
// carries the quoted paragraph naming no source, both carry that
// organisation's release: a common source that names it. When a page of
// the collection is the organisation's own, it may be the release, and
// nothing is named.
func TestReleaseIssuerNamed(t *testing.T) {
	quote := "It is shameful that the reefs of the northern cape were left to die for a decade while the permits were sold"
	story := "Reefs report\n\n" + findingEN + ".\n\n“" + quote + ",” Jane Roe, Executive Director of Harbour Watch International, said in a press release.\n\nThe council meets on Tuesday.\n"
	page := "Reefs are back\n\n" + findingEN + ".\n\n“" + quote + ".”\n\n" + methodEN + ".\n"
	for _, ownPage := range []bool{false, true} {
		f := newFixture(t)
		f.doc("story", "Valley Times", "", story)
		f.doc("page", "Hill Gazette", "", page)
		if ownPage {
			f.doc("own", "Harbour Watch International", "", "About us\n\nWe watch the harbour.\n")
		}
		f.share("story", "page", findingEN+".\n\n“"+quote, findingEN+".\n\n“"+quote)
		r := f.analyze()
		if !ownPage {
			wantNamedSource(t, r, "story", "page", "the text is Harbour Watch International’s press release")
			continue
		}
		if l, ok := linkBetween(r, "story", "page"); ok && l.Kind == provenance.LinkCommonSource {
			t.Errorf("the organisation's own page is in the collection: want nothing named, got %+v", l)
		}
	}
}

// A credit near the top of a story ("… Agency in a release here said …")
// says where the story that follows came from: a page carrying a later
// paragraph of it, naming no source, carries the organisation's release
// too.
func TestReleaseCreditOpeningTheStoryNamed(t *testing.T) {
	story := "Portvale: In its tenth survey, the Harbour Agency will count the seals of the northern cape from the air next week.\n\n" +
		"The Harbour Agency in a release here said the flights would start from the old airfield at dawn, subject to the weather.\n\n" +
		findingEN + ".\n\n" + methodEN + ".\n"
	page := "Seal count next week\n\nThe survey flights will leave at dawn.\n\n" + findingEN + ".\n\nThe club meets on Friday.\n"
	f := newFixture(t)
	f.doc("story", "Valley Times", "", story)
	f.doc("page", "Hill Gazette", "", page)
	f.share("story", "page", findingEN, findingEN)
	wantNamedSource(t, f.analyze(), "story", "page", "the text is Harbour Agency’s press release")
}

// A page that carries what a named carrier of an organisation's release
// shares with the story crediting it carries that release too: the name
// reaches it through the carrier. Through a wire's name it reaches only a
// page that carries the carrier's lede (the release the wire rewrote
// shares only the sentences the wire kept).
func TestNamedSourceReachesAThirdCarrier(t *testing.T) {
	quote := "It is shameful that the reefs of the northern cape were left to die for a decade while the permits were sold"
	story := "Reefs report\n\n" + findingEN + ".\n\n“" + quote + ",” Jane Roe, Executive Director of Harbour Watch International, said in a press release.\n\nThe council meets on Tuesday.\n"
	page := "Reefs are back\n\n" + findingEN + ".\n\n“" + quote + ".”\n\n" + methodEN + ".\n"
	third := "Divers cheer\n\nThe club met on Friday to hear the news.\n\n" + findingEN + ".\n\nThe bar stays open late.\n"
	f := newFixture(t)
	f.doc("story", "Valley Times", "", story)
	f.doc("page", "Hill Gazette", "", page)
	f.doc("third", "Plains Post", "", third)
	f.share("story", "page", findingEN+".\n\n“"+quote, findingEN+".\n\n“"+quote)
	f.share("page", "third", findingEN, findingEN)
	wantNamedSource(t, f.analyze(), "page", "third", "the text is Harbour Watch International’s press release")

	f = newFixture(t)
	f.doc("wire", "Valley Times", "", "Otters are back\n\nLONDON (AP) — "+wireLedeEN+".\n\n"+wireRestEN+".\n\nLocal divers welcomed the news.\n")
	f.doc("copy", "Hill Gazette", "", "Kelp returns\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\nThe council meets on Tuesday.\n")
	f.doc("uni", "", "", "Otters and kelp\n\nStory by: the news office\n\n"+wireRestEN+".\n\n"+outlookEN+".\n")
	f.share("wire", "copy", wireLedeEN+".\n\n"+wireRestEN, wireLedeEN+".\n\n"+wireRestEN)
	f.share("copy", "uni", wireRestEN, wireRestEN)
	r := f.analyze()
	wantNamedSource(t, r, "wire", "copy", "the text is Associated Press's")
	if l, ok := linkBetween(r, "copy", "uni"); ok && l.Kind == provenance.LinkCommonSource {
		t.Errorf("a text sharing only the wire's later sentences may be the release it rewrote: want nothing named, got %+v", l)
	}
}

// A release's text reaches one carrier further than the third: a page
// sharing with the third carrier what it carries of the release carries
// the release too. The step after that names nothing.
func TestReleaseReachesAFourthCarrier(t *testing.T) {
	quote := "It is shameful that the reefs of the northern cape were left to die for a decade while the permits were sold"
	story := "Reefs report\n\n" + findingEN + ".\n\n“" + quote + ",” Jane Roe, Executive Director of Harbour Watch International, said in a press release.\n\nThe council meets on Tuesday.\n"
	page := "Reefs are back\n\n" + findingEN + ".\n\n“" + quote + ".”\n\n" + methodEN + ".\n"
	third := "Divers cheer\n\nThe club met on Friday to hear the news.\n\n" + findingEN + ".\n\nThe bar stays open late.\n"
	fourth := "Weekend notes\n\nThe ferry runs on Sunday again.\n\n" + findingEN + ".\n\nThe market opens at nine.\n"
	fifth := "Cape diary\n\nA storm is due on Monday.\n\n" + findingEN + ".\n\nThe museum is closed for repairs.\n"
	f := newFixture(t)
	f.doc("story", "Valley Times", "", story)
	f.doc("page", "Hill Gazette", "", page)
	f.doc("third", "Plains Post", "", third)
	f.doc("fourth", "Coast Courier", "", fourth)
	f.doc("fifth", "Bay Bulletin", "", fifth)
	f.share("story", "page", findingEN+".\n\n“"+quote, findingEN+".\n\n“"+quote)
	f.share("page", "third", findingEN, findingEN)
	f.share("third", "fourth", findingEN, findingEN)
	f.share("fourth", "fifth", findingEN, findingEN)
	r := f.analyze()
	wantNamedSource(t, r, "third", "fourth", "the text is Harbour Watch International’s press release")
	if l, ok := linkBetween(r, "fourth", "fifth"); ok && named(l) {
		t.Errorf("two steps only: want nothing named between the fourth and fifth carriers, got %+v", l)
	}
}

// A credit whose subject is "the company" ("…,” the company stated in its
// news release") names the company the sentence is about, when the text
// shows it to be one — a speaker's title gives it as an employer
// (2026-12-07 night); otherwise it names no one.
func TestTheCompanysReleaseNamed(t *testing.T) {
	para := "“We will invest in lower fares for every commuter on the coast and expect to put half of the savings into new boats for Harbourco,” the company stated in its news release"
	for _, titled := range []bool{true, false} {
		intro := "Mara Quill, who runs the company, said: “It is a good day for the harbour.”"
		if titled {
			intro = "In a statement, Harbourco Chairman and CEO Mara Quill said: “It is a good day for the harbour.”"
		}
		f := newFixture(t)
		f.doc("a", "Valley Times", "", "Ferry deal\n\nHarbourco will buy the ferry line Quayside for $3 billion in cash and stock.\n\n"+intro+"\n\n"+para+".\n")
		f.doc("b", "Hill Gazette", "", "Ferries merge\n\nThe harbour will have one ferry company soon, and the unions are worried about jobs.\n\n"+para+".\n\nThe council meets on Tuesday.\n")
		f.share("a", "b", para, para)
		r := f.analyze()
		l, _ := linkBetween(r, "a", "b")
		if got := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Harbourco’s press release"; got != titled {
			t.Errorf("titled %v: named Harbourco’s press release %v: %+v", titled, got, l)
		}
	}
}

// "Quill said in the statement", Quill being given a title with an
// organisation just after the name elsewhere in the text, names that
// organisation's statement (2026-12-07 night); without the title, a
// quoted person's name, it names none.
func TestStatementOfTheSpeakersEmployer(t *testing.T) {
	para := "“We are proud of the crews and of the boats they built for the harbour over thirty years,” Quill said in the statement"
	for _, c := range []struct{ tail, want string }{
		{"Quill has agreed to stay on as chairman and chief executive of Harbourco until 2030.", "Harbourco’s statement"},
		{"The council meets on Tuesday to discuss the fares.", ""},
	} {
		f := newFixture(t)
		f.doc("a", "Valley Times", "", "Ferry deal\n\nThe ferry line will be sold to a rival, the owners said on Friday.\n\n"+para+".\n\n"+c.tail+"\n")
		f.doc("b", "Hill Gazette", "", "Ferries merge\n\nThe harbour will have one ferry company soon, and the unions are worried about jobs.\n\n"+para+".\n\nThe unions meet on Monday.\n")
		f.share("a", "b", para, para)
		r := f.analyze()
		l, _ := linkBetween(r, "a", "b")
		if l.CommonSource != c.want || c.want != "" && l.Kind != provenance.LinkCommonSource {
			t.Errorf("%q: want %q, got %+v", c.tail, c.want, l)
		}
	}
}
