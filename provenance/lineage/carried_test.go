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
	l := wantNamedSource(t, f.analyze(), "wire", "copy", "the text is Associated Press's")
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

// A release reposted whole keeps its newswire marker: the text is a
// release the service distributed, which is not in the collection.
func TestNewswireMarkerCarried(t *testing.T) {
	lede := "Harbour Foods Co. today announced a voluntary recall of its smoked kelp crackers sold in the northern provinces because of a possible allergen"
	f := newFixture(t)
	f.doc("feed", "Market Feed", "", "Harbour Foods recalls crackers\n\nPORTVALE, Maine, May 2, 2026 /PRNewswire/ -- "+lede+". "+wireRestEN+".\n")
	f.doc("scrape", "Daily Scrape", "", "Harbour Foods recalls crackers – Press Release\n\nPORTVALE, Maine, May 2, 2026 /PRNewswire/ — "+lede+". "+wireRestEN+".\n")
	f.share("feed", "scrape", lede+". "+wireRestEN, lede+". "+wireRestEN)
	wantNamedSource(t, f.analyze(), "feed", "scrape", "the text is a press release distributed by PR Newswire")
}

// An agency's sign-off closing the last paragraph is a credit; a picture
// credit is not.
func TestAgencySignOffCredit(t *testing.T) {
	d := &provenance.Document{Text: "Forest cover fell in the north.\n\nSuch practices cause the change, the biennial report said. (PTI)\n"}
	cs := findCredits(d)
	if len(cs) != 1 || cs[0].source != "Press Trust of India" {
		t.Fatalf("want a credit to Press Trust of India, got %+v", cs)
	}
	d = &provenance.Document{Text: "Divers at the reef on Monday. (AP Photo)\n\nThe survey went on.\n"}
	if cs := findCredits(d); len(cs) != 0 {
		t.Errorf("a picture credit is not a credit: %+v", cs)
	}
}

// Two texts quoting one speaker, each with words of the quotation the
// other lacks, name the speaker's statement as their common source.
func TestCommonSourceNamesTheSpeaker(t *testing.T) {
	q1 := "The otters came back first, and within three seasons the urchins were gone from the shallow reefs"
	q2 := "We did not expect the kelp to recover so quickly once the predators had returned to the cape"
	q3 := "It shows what a single species can do for a whole coastline when it is left alone"
	f := newFixture(t)
	f.doc("a", "Valley Times", "", "Otters are back\n\n“"+q1+". "+q2+",” said Dr Mara Quill, a marine biologist at the institute.\n\nLocal divers welcomed the news.\n")
	f.doc("b", "Hill Gazette", "", "Kelp returns\n\n“"+q2+". "+q3+",” said Dr Mara Quill, a marine biologist.\n\nThe council meets on Tuesday.\n")
	f.share("a", "b", q2, q2)
	wantNamedSource(t, f.analyze(), "a", "b", "both quote Quill")
}

// wantNamedSource fails unless a and b share a common-source link whose
// first reason names its source with the words given.
func wantNamedSource(t *testing.T, r *provenance.Result, a, b, named string) provenance.Link {
	t.Helper()
	l, ok := linkBetween(r, a, b)
	if !ok || l.Kind != provenance.LinkCommonSource || len(l.Reasons) == 0 || !strings.HasPrefix(l.Reasons[0], NamedSourceReason+named) {
		t.Fatalf("want a common source named %q, got %+v", named, r.Links)
	}
	return l
}

// An agency's tag closing a headline and an author line naming an outlet
// are credits.
func TestHeadlineTagAndAuthorLineCredits(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Sea turtles go with the flow (Reuters)\n\nThe survey went on.\n", "Reuters"},
		{"Ancient humans stayed put\n\nAuthor :  The Conversation\n\nThe survey went on.\n", "The Conversation"},
	} {
		cs := findCredits(&provenance.Document{Text: c.text})
		if len(cs) != 1 || cs[0].source != c.want {
			t.Errorf("%q: want a credit to %s, got %+v", c.text, c.want, cs)
		}
	}
}

// A reprint that carries the wire's own "… said in a statement" inside the
// passages both share credits no other source: the wire's credit is
// carried to it.
func TestCreditCarriedPastTheSharedStatementCredit(t *testing.T) {
	lede := "The port authority closed the northern quay to cargo ships after a crane collapsed, the harbour board said in a statement on Monday"
	f := newFixture(t)
	f.doc("wire", "Valley Times", "", "NEW DELHI — "+lede+".\n\n"+wireRestEN+". (Reporting by Jane Roe; Editing by John Doe)\n")
	f.doc("copy", "Hill Gazette", "", "Quay closed\n\n• Cargo ships are turned away.\n\n"+lede+".\n\n"+wireRestEN+".\n")
	f.share("wire", "copy", lede+".\n\n"+wireRestEN, lede+".\n\n"+wireRestEN)
	wantNamedSource(t, f.analyze(), "wire", "copy", "the text is Reuters's")
}

// A credit line of its own below a standfirst ("Author : The
// Conversation") opens the body: a reprint that carries the body's first
// sentence, not the standfirst, carries the credit too.
func TestCreditCarriedFromTheSentenceAfterAnAuthorLine(t *testing.T) {
	stand := "Divers along the cape have noticed something that surprised even the marine biologists who had counted reefs there for years"
	f := newFixture(t)
	f.doc("cc", "Valley Times", "", "Otters are back\n\n"+stand+".\n\nAuthor :  The Conversation\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n")
	f.doc("copy", "Hill Gazette", "", "Kelp returns\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\nRELATED STORIES\n")
	f.share("cc", "copy", wireLedeEN+".\n\n"+wireRestEN, wireLedeEN+".\n\n"+wireRestEN)
	wantNamedSource(t, f.analyze(), "cc", "copy", "the text is The Conversation's")
}

// A wire agency cites its own tallies ("according to an AFP count"): the
// text is the agency's copy, and a reprint carrying its lede carries it.
// A paper writing its own story says "according to AFP", which is not read.
func TestWireTallyCredit(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The survey went on.\n\nThe vaccine is in use in 22 territories, according to an AFP count.\n", "Agence France-Presse"},
		{"The toll rose to 40, a Reuters tally showed on Friday.\n", "Reuters"},
		{"The toll rose to 40, according to a Harbour Gazette count.\n", ""},
		{"The toll rose to 40, according to AFP.\n", ""},
	} {
		checkCredit(t, c.text, c.want)
	}
	creditCarriedToReprint(t, "Otters now live on 22 reefs, according to an AFP count.", "Agence France-Presse")
}

// A reprint that rewords the agency's attribution of a statement ("it said
// in a statement" → "the harbour board said in a statement") beside the
// quotation both carry credits no other source than the agency's text.
func TestCreditCarriedPastARewordedStatementCredit(t *testing.T) {
	quote := "The northern quay will stay closed to cargo ships until the crane has been inspected by the board's engineers"
	f := newFixture(t)
	f.doc("wire", "Valley Blog", "", "Quay closed\n\n"+wireLedeEN+".\n\n“"+quote+",” it said in a statement.\n\nOtters now live on 22 reefs, according to an AFP count.\n")
	f.doc("copy", "Hill Gazette", "", "Kelp returns\n\n"+wireLedeEN+".\n\n“"+quote+",” the harbour board said in a statement.\n")
	f.share("wire", "copy", wireLedeEN+".\n\n“"+quote, wireLedeEN+".\n\n“"+quote)
	wantNamedSource(t, f.analyze(), "wire", "copy", "the text is Agence France-Presse's")
}

// A press office that relays another organisation's newswire release — a
// health department advising that "Harbour Foods Co. is recalling …" —
// is not that release's source: the newswire's credit is carried to it.
// The issuer's own press office may be the release's source, and is left
// alone.
func TestNewswireCreditCarriedToAPressOfficeRelayingIt(t *testing.T) {
	lede := "Harbour Foods Co. is recalling select smoked kelp crackers sold in the northern provinces because of a possible allergen"
	for _, office := range []string{"Department of Health", "Harbour Foods Co."} {
		f := newFixture(t)
		f.doc("feed", "Market Feed", "", "Crackers recalled\n\nPORTVALE, Maine, May 2, 2026 /PRNewswire/ -- "+lede+". "+wireRestEN+".\n")
		f.doc("office", office, "", "Kelp crackers recall\n\nConsumers are advised to check their cupboards.\n\n"+lede+". "+wireRestEN+".\n")
		f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleAggregator), Origin: provenance.OriginUser}
		f.r.Documents[1].Meta.Role = provenance.Field{Value: string(provenance.RolePressOffice), Origin: provenance.OriginUser}
		f.share("feed", "office", lede+". "+wireRestEN, lede+". "+wireRestEN)
		r := f.analyze()
		if office == "Department of Health" {
			l := wantNamedSource(t, r, "feed", "office", "the text is a press release distributed by PR Newswire")
			if !strings.Contains(strings.Join(l.Reasons, " "), "relays Harbour Foods Co's release") {
				t.Errorf("want the relay named in the reasons: %q", l.Reasons)
			}
			continue
		}
		if l, ok := linkBetween(r, "feed", "office"); ok && l.Kind == provenance.LinkCommonSource {
			t.Errorf("the issuer's own press office may be the release's source: %+v", l)
		}
	}
}

// A page whose outlet reprints (a blog, by its role) carries the wire's
// credit without the wire's lede when it keeps one of the wire's own
// sentences whole: it is not the release the wire rewrote. Without the
// role, or when all it keeps besides a shared quotation is a phrase, the
// lede guard stands.
func TestCreditCarriedToAReprintByRoleWithoutTheLede(t *testing.T) {
	quote := "The northern quay will stay closed to cargo ships until the crane has been inspected"
	wire := "Otters are back\n\nSAN DIEGO (CNS) — " + wireLedeEN + ".\n\n“" + quote + ",” the harbour board said.\n\n" + wireRestEN + ".\n"
	for _, c := range []struct {
		name, text, share string
		role              provenance.Role
		named             bool
	}{
		{"blog keeping a sentence", "Kelp and us\n\nI read the news with joy.\n\n" + wireRestEN + ".\n\nWhat a week.\n", wireRestEN, provenance.RoleBlog, true},
		{"no role", "Kelp and us\n\nI read the news with joy.\n\n" + wireRestEN + ".\n\nWhat a week.\n", wireRestEN, provenance.RoleNone, false},
		{"a quotation and a phrase", "Quay news\n\nThe port is quiet this week.\n\n“" + quote + ",” the harbour board said, after its meeting.\n", "“" + quote + ",” the harbour board said", provenance.RoleNewspaper, false},
	} {
		f := newFixture(t)
		f.doc("wire", "Valley Times", "", wire)
		f.doc("page", "Hill Page", "", c.text)
		if c.role != provenance.RoleNone {
			f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginUser}
			f.r.Documents[1].Meta.Role = provenance.Field{Value: string(c.role), Origin: provenance.OriginUser}
		}
		f.share("wire", "page", c.share, c.share)
		r := f.analyze()
		l, ok := linkBetween(r, "wire", "page")
		named := ok && l.Kind == provenance.LinkCommonSource && strings.HasPrefix(l.Reasons[0], NamedSourceReason+"the text is City News Service's")
		if named != c.named {
			t.Errorf("%s: named %v, want %v: %+v", c.name, named, c.named, r.Links)
		}
	}
}

// A page of the credited outlet that shares none of the two texts' words
// is another of its stories: the credited text is still not in the
// collection, so the common source is named all the same.
func TestCreditCarriedPastAnotherStoryOfTheSource(t *testing.T) {
	other := "Glaciers in the southern range lost a fifth of their ice in ten summers, a study of satellite images released on Friday found"
	f := newFixture(t)
	f.doc("wire", "Valley Times", "", "Otters are back\n\nLONDON (AP) — "+wireLedeEN+".\n\n"+wireRestEN+".\n\nLocal divers welcomed the news.\n")
	f.doc("copy", "Hill Gazette", "", "Kelp returns\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\nThe council meets on Tuesday.\n")
	f.doc("ap", "Associated Press", "", "Ice retreats\n\n"+other+".\n\nClimbers have noticed the change.\n")
	f.doc("apcopy", "Plains Herald", "", "Ice going\n\n"+other+".\n\nThe park service declined to comment.\n")
	f.share("wire", "copy", wireLedeEN+".\n\n"+wireRestEN, wireLedeEN+".\n\n"+wireRestEN)
	f.share("ap", "apcopy", other, other)
	wantNamedSource(t, f.analyze(), "wire", "copy", "the text is Associated Press's")
}

// A sign-off naming the outlet whose reporters wrote the story, and a
// dateline credit to one of its desks, are credits to that outlet.
func TestOutletSignOffAndDeskCredit(t *testing.T) {
	d := &provenance.Document{Text: "Billionaires grew richer.\n\nThe report calls for fairer taxes.\n– From CNN Business’ Ann Writer and Bo Reporter, January 22, 2019\n"}
	if cs := findCredits(d); len(cs) != 1 || cs[0].source != "CNN" {
		t.Errorf("want a credit to CNN from the sign-off, got %+v", cs)
	}
	d = &provenance.Document{Text: "Rich get richer\n\n(CNN Business) The richest grew richer every day last year, a charity said.\n"}
	if cs := findCredits(d); len(cs) != 1 || cs[0].source != "CNN" {
		t.Errorf("want a credit to CNN from the desk's dateline, got %+v", cs)
	}
	d = &provenance.Document{Text: "Rich get richer\n\nThe figures come from Harbour Watch, a charity.\n- from the archive of Ann Writer\n"}
	if cs := findCredits(d); len(cs) != 0 {
		t.Errorf("a line from no known outlet is no credit: %+v", cs)
	}
}

// "PTI quoted … as saying" names the wire that reported the sentence; a
// person quoting another is no credit.
func TestWireQuotedAsSayingCredit(t *testing.T) {
	d := &provenance.Document{Text: "The rocket lifted off at noon.\n\nIt would also carry a weather camera, PTI quoted agency officials as saying.\n"}
	if cs := findCredits(d); len(cs) != 1 || cs[0].source != "Press Trust of India" {
		t.Errorf("want a credit to Press Trust of India, got %+v", cs)
	}
	d = &provenance.Document{Text: "The poet spoke at noon.\n\nJane Roe quoted her grandmother as saying that the sea was kind.\n"}
	if cs := findCredits(d); len(cs) != 0 {
		t.Errorf("a person quoting another is no credit: %+v", cs)
	}
}

// A repost that keeps its source's page furniture — a headline naming the
// publication, the address, a byline and a picture caption of a dozen
// words without a full stop — has its lede below them: a reprint that
// carries that lede, and not the caption, carries the credited text.
func TestCreditCarriedPastACaptionAboveTheLede(t *testing.T) {
	lede := "New counts have shed light on the quiet years of the harbour seals."
	rest := findingEN + ". " + methodEN + "."
	f := newFixture(t)
	f.doc("repost", "", "", "Archive: seals\n\nBBC News: Seals counted from the air\n\nhttp://www.bbc.com/news/science-1234\n\nBy Ann Writer Science correspondent, BBC News\nA young seal resting on the sand bar where the survey teams counted the pups\n\n"+lede+"\n\n"+rest+"\n")
	f.doc("paper", "", "", "Cape Town - "+lede+" "+rest+"\n")
	f.share("repost", "paper", lede+"\n\n"+rest, lede+" "+rest)
	wantNamedSource(t, f.analyze(), "repost", "paper", "the text is BBC News's")
}

// countEN is a wire's own sentence: a figure it attributes to a body.
const countEN = "Forty reefs hold kelp again and otters were seen on thirty of them, the state wildlife agency said, and divers expect the rest to follow within five years"

// countLink is the link between an AP story whose later paragraphs hold
// countEN and a page (outlet, text) sharing those paragraphs, not its lede.
func countLink(t *testing.T, outlet, text string) (provenance.Link, *provenance.Result) {
	f := newFixture(t)
	shared := countEN + ".\n\n" + methodEN
	f.doc("wire", "Valley Times", "", "Otters are back\n\nLONDON (AP) — "+wireLedeEN+".\n\n"+shared+".\n\nLocal divers welcomed the news.\n")
	f.doc("page", outlet, "", text)
	f.share("wire", "page", shared, shared)
	r := f.analyze()
	l, _ := linkBetween(r, "wire", "page")
	return l, r
}

// A page that keeps a wire story's later paragraphs but not its lede
// carries the wire's text when what it shares attributes a figure to a
// body as a reporter does ("…, the state wildlife agency said"): a release
// the wire wrote from would state the figure, not report it. The credit
// carries to it: a common-source link naming the agency.
func TestCreditCarriedThroughAReportersAttribution(t *testing.T) {
	l, r := countLink(t, "Hill Gazette", "Kelp returns\n\nThe northern cape has its kelp back, and the divers say the otters did it.\n\n"+countEN+".\n\n"+methodEN+".\n\nThe council meets on Tuesday.\n")
	if l.Kind != provenance.LinkCommonSource || l.CommonSource != "Associated Press" {
		t.Fatalf("want a common-source link naming the Associated Press, got %+v", r.Links)
	}
}

// The same shared paragraphs in a page that reads as a release (a "For
// more information … contact" line) name nothing: it may be what the
// wire rewrote.
func TestReportersAttributionNotCarriedToARelease(t *testing.T) {
	l, r := countLink(t, "", "Otters and kelp\n\nThe reef trust welcomes the survey.\n\n"+countEN+".\n\n"+methodEN+".\n\nFor more information, please contact the reef trust's press office.\n")
	if l.Kind == "" || l.Kind == provenance.LinkCommonSource {
		t.Fatalf("want a link naming no common source, got %+v", r.Links)
	}
}

// A paper's credits in their common forms: a wire's inputs ("(With inputs
// from PTI)"), an agency's sign-off closing the last sentence ("… — Reuters"),
// "This article first appeared in X", "Reprinted with permission from X";
// inputs "from agencies" credit no one by name. A study "first published
// in" a journal, inputs from anyone but a known outlet and a person's name
// after a dash are no credit.
func TestCommonCreditForms(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Otters are back on the cape, divers said.\n\n(With inputs from PTI)\n", "Press Trust of India"},
		{"Otters are back on the cape, divers said. (Inputs from Reuters)\n", "Reuters"},
		{"Otters are back on the cape, divers said.\n\n— with inputs from AFP\n", "Agence France-Presse"},
		{"Otters are back on the cape, divers said. — Reuters\n", "Reuters"},
		{"Otters are back on the cape, divers said.\n\nThis article first appeared in the Valley Times.\n", "Valley Times"},
		{"Otters are back on the cape, divers said.\n\nReprinted with permission from Hill Gazette.\n", "Hill Gazette"},
		{"Otters are back on the cape, divers said. With inputs from agencies.\n", unnamed},
		{"Otters are back on the cape, divers said.\n\n(Agencies)\n", unnamed},
		{"The survey was first published in Marine Ecology last spring.\n", ""},
		{"The plan drew on inputs from Hill Farmers Union members.\n", ""},
		{"Otters are back on the cape, divers said. — Ann Writer, diver\n", ""},
	} {
		checkCredit(t, c.text, c.want)
	}
	// The inputs credit carries to a reprint that keeps the story's lede.
	creditCarriedToReprint(t, "(With inputs from PTI)", "Press Trust of India")
}

// creditCarriedToReprint holds a story closed by credit line to carry its
// credit to src onto an uncredited reprint of its lede and body.
func creditCarriedToReprint(t *testing.T, line, src string) {
	t.Helper()
	f := newFixture(t)
	f.doc("wire", "Valley Blog", "", "Otters are back\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\n"+line+"\n")
	f.doc("copy", "Hill Gazette", "", "Kelp returns\n\n"+wireLedeEN+".\n\n"+wireRestEN+".\n\nThe council meets on Tuesday.\n")
	f.share("wire", "copy", wireLedeEN+".\n\n"+wireRestEN, wireLedeEN+".\n\n"+wireRestEN)
	wantNamedSource(t, f.analyze(), "wire", "copy", "the text is "+src+"'s")
}

// unnamed stands for a credit that names no source in checkCredit.
const unnamed = "(unnamed)"

// checkCredit holds text to one credit to want (unnamed: naming no one),
// or to none when want is "".
func checkCredit(t *testing.T, text, want string) {
	t.Helper()
	cs := findCredits(&provenance.Document{Text: text})
	switch {
	case want == "" && len(cs) != 0:
		t.Errorf("%q: want no credit, got %+v", text, cs)
	case want == unnamed && (len(cs) != 1 || cs[0].source != ""):
		t.Errorf("%q: want a credit naming no one, got %+v", text, cs)
	case want != "" && want != unnamed && (len(cs) != 1 || cs[0].source != want):
		t.Errorf("%q: want a credit to %s, got %+v", text, want, cs)
	}
}

// A page that keeps a wire story's later sentences, not its lede, and says
// of the very sentence it shares that it is the wire's ("…, the Associated
// Press reported") carries the wire's text: the release a wire rewrote
// never cites the wire. Citing another outlet there carries nothing.
func TestCreditCarriedToAPageCitingTheWire(t *testing.T) {
	for _, c := range []struct {
		cite string
		want bool
	}{{"the Associated Press reported", true}, {"Reuters reported", false}} {
		f := newFixture(t)
		f.doc("wire", "Valley Times", "", "Otters are back\n\nLONDON (AP) — "+wireLedeEN+".\n\n"+findingEN+".\n\n"+methodEN+".\n")
		f.doc("page", "Hill Gazette", "", "Kelp returns\n\nThe northern cape has its kelp back, and the divers say the otters did it.\n\n"+findingEN+", "+c.cite+".\n\n"+methodEN+".\n")
		f.share("wire", "page", findingEN, findingEN)
		f.share("wire", "page", methodEN, methodEN)
		r := f.analyze()
		l, _ := linkBetween(r, "wire", "page")
		if named := l.Kind == provenance.LinkCommonSource && l.CommonSource == "Associated Press"; named != c.want {
			t.Errorf("%q: named AP %v, want %v: %+v", c.cite, named, c.want, r.Links)
		}
	}
}
