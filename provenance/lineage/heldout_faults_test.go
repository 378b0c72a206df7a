package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The faults below were found on the fresh held-out real families
// (2026-12-07): each is a false copy claim between two carriers of one
// source that is not in the collection. The texts are invented.

// TestWireRelayingAStatementIsNotItsSource: a news agency that relays an
// organisation's statement ("this was said by the Harbour Rights League
// today") credits it, so its role does not place it upstream of another
// carrier of that statement.
func TestWireRelayingAStatementIsNotItsSource(t *testing.T) {
	body := findingEN + ". " + methodEN + "."
	f := newFixture(t)
	f.doc("agency", "Coast Report", "", "Port City. 6 April. COAST REPORT/ "+body+"\n\nThis was said by the Harbour Rights League today, as it published its annual review.\n")
	f.doc("paper", "Hill Herald", "", "Otters and kelp\n\n"+body+" Divers were busy too.\n")
	setRole(f, "agency", provenance.RoleWire)
	setRole(f, "paper", provenance.RoleNewspaper)
	f.share("agency", "paper", body, body)
	r := f.analyze()
	if l, ok := linkBetween(r, "agency", "paper"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the agency relaying the League's statement is called the paper's source: %+v", l)
	}
	di := newDocInfo(r.Doc("agency"))
	if c, ok := di.creditsOther(newDocInfo(r.Doc("paper"))); !ok || !strings.Contains(c.source, "Harbour Rights League") {
		t.Errorf("credit %+v, want one to the Harbour Rights League", c)
	}
}

// TestToldOutletIsNotTheSpeakersOrganisation: "Ann Writer, the League's
// expert, told Coast News" quotes the League's expert in Coast News's
// story; Coast News's text is not where her statements originate.
func TestToldOutletIsNotTheSpeakersOrganisation(t *testing.T) {
	quote := "“Not for the last twenty-five years have so many reefs been stripped bare by urchins along the northern cape,” Ann Writer, the League’s reef expert, told Coast News."
	f := newFixture(t)
	f.doc("news", "Coast News", "", "Kelp in retreat\n\n"+quote+"\n\nCoast News has covered the reefs since 1990.\n")
	f.doc("blog", "Reef Notes", "", "Kelp notes\n\n"+quote+"\n")
	f.share("news", "blog", quote, quote)
	di := newDocInfo(f.r.Doc("news"))
	for _, q := range di.quotes {
		if org := di.quoteOrg(q); org == "Coast News" {
			t.Errorf("the quote %q is given to Coast News, the outlet its speaker spoke to", spanText(di.doc.Text, q.inner))
		}
	}
	r := f.analyze()
	if l, ok := linkBetween(r, "news", "blog"); ok && l.Kind == provenance.LinkCopy {
		for _, why := range l.Reasons {
			if strings.Contains(why, "first-party") {
				t.Errorf("first-party quote read from whom the speaker told: %s", why)
			}
		}
	}
}

// TestNewspaperDatelineIsNoRelease: a newspaper page that opens with the
// agency's lede as a picture caption and then its own dateline
// ("CLEVELAND, Ohio--") is not the release another text's "said in a
// statement" refers to.
func TestNewspaperDatelineIsNoRelease(t *testing.T) {
	lede := "Texas-based Harbour Creameries issued a voluntary recall on Monday for all of its products on the market after two samples of its cookie dough ice cream tested positive for listeria in state laboratories."
	stmt := "The company cannot say with certainty how the bacteria was introduced to its plants, its chief executive Paul Kruse said in a statement."
	paper := "Harbour recalls all its ice cream\n\n" + lede + "\n\n(Photo/ Ann Writer)\n\nPORTSMOUTH, Ohio-- " + findingEN + ". " + methodEN + ".\n"
	digest := "(Digest) – " + lede + " " + stmt + "\n"
	f := newFixture(t)
	f.doc("paper", "", "", paper)
	f.doc("digest", "", "", digest)
	f.share("paper", "digest", lede, lede)
	if di := newDocInfo(f.r.Doc("paper")); di.releaseDate != "" {
		t.Errorf("a dateline under a paragraph of prose read as opening the text: %q", di.releaseDate)
	}
	r := f.analyze()
	if l, ok := linkBetween(r, "paper", "digest"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the paper is read as the release the digest quotes: %+v", l)
	}
	// With the role of a newspaper, a dateline at the top is no release either.
	di := newDocInfo(&provenance.Document{ID: "p", Text: "PORTSMOUTH, Ohio-- " + findingEN + ".\n"})
	di.role.role = provenance.RoleNewspaper
	if ok, why := di.releaseLike(""); ok {
		t.Errorf("a newspaper's dateline makes it release-like: %s", why)
	}
}

// TestPartialPressOfficeTextIsNotTheSource: an institute's yearbook (a
// press office by role) reuses one sentence of the release whose reprints
// carry it whole; the reprints share text the yearbook lacks, so the role
// does not make the yearbook their source. The institute's page that
// holds the whole release still is.
func TestPartialPressOfficeTextIsNotTheSource(t *testing.T) {
	body := findingEN + ". " + methodEN + ". " + outlookEN + "."
	build := func(office string, officeShares string) *provenance.Result {
		f := newFixture(t)
		f.doc("inst", "Cape Institute", "", office)
		f.doc("a", "Hill Herald", "", "Otters and kelp\n\n"+body+"\n")
		f.doc("b", "Plains Gazette", "", "Kelp returns\n\n"+body+"\n")
		setRole(f, "inst", provenance.RolePressOffice)
		setRole(f, "a", provenance.RoleNewspaper)
		setRole(f, "b", provenance.RoleNewspaper)
		f.share("inst", "a", officeShares, officeShares)
		f.share("inst", "b", officeShares, officeShares)
		f.share("a", "b", body, body)
		return f.analyze()
	}
	r := build("Sleeping reefs\nResearch report 2017 - Cape Institute\nSummary\nFor centuries divers have wondered about the reefs. "+findingEN+". The institute thanks its donors.\n", findingEN)
	for _, to := range []string{"a", "b"} {
		if l, ok := linkBetween(r, "inst", to); ok && l.Kind == provenance.LinkCopy {
			t.Errorf("the yearbook holding one sentence is called the source of %s: %+v", to, l)
		}
	}
	wantSourceOfReprints(t, build("Otters bring back the kelp\n\n"+body+"\n\nThe Cape Institute has surveyed the reefs since 1990.\n", body), "inst", "a", "b")
}

// TestWireCitingAnotherWireIsNotItsSource (a fault found on the fresh2
// held-out set, 2026-12-07 evening): a national agency's page that carries
// another wire's story, saying so in the shared sentence ("…, according to
// Reuters"), is not placed upstream of a paper that carries the same story
// by its role: both passed on Reuters' report.
func TestWireCitingAnotherWireIsNotItsSource(t *testing.T) {
	lede := "The harbour authority closed the northern channel to shipping on Tuesday after divers found a breach in the old sea wall, officials said, according to Reuters."
	body := lede + " " + findingEN + ". " + methodEN + "."
	// the paper drops the agency's citation of Reuters
	carried := strings.Replace(body, ", according to Reuters.", ".", 1)
	f := newFixture(t)
	f.doc("agency", "Coast Agency", "", "Channel closed\n\nPORT CITY, Dec 1, 2026, CA -- "+body+"\n")
	f.doc("paper", "Hill Herald", "", "Channel shut after wall breach\n\n"+carried+" Ferries will run from the south quay.\n")
	setRole(f, "agency", provenance.RoleWire)
	setRole(f, "paper", provenance.RoleNewspaper)
	f.share("agency", "paper", body, carried)
	r := f.analyze()
	if l, ok := linkBetween(r, "agency", "paper"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the agency passing on Reuters' report is called the paper's source: %+v", l)
	}
}

// TestPressOfficeCarryingAnotherOrganisationsRelease (a fault found on the
// fresh2 held-out set, 2026-12-07 evening): a city's news page — a press
// office by its role — carries a space agency's landing release word for
// word and never names the city; it is not the source of the aggregator
// and the paper that carry the same release. With a sentence naming the
// city, the page is the city's own release and its role still counts.
func TestPressOfficeCarryingAnotherOrganisationsRelease(t *testing.T) {
	release := "The largest rover the Harbour Space Agency has built touched down on the moon on Thursday after a journey of nine days. " +
		"Confirmation of the landing was announced in mission control at the agency's laboratory at 3:55 p.m., ending a decade of work on the rover"
	quote := "“This landing is one of those moments when we know we are on the cusp of discovery,” says acting agency administrator Ann Writer."
	build := func(office string) *provenance.Result {
		f := newFixture(t)
		f.doc("city", "City of Eastport economic development news", "", office)
		f.doc("agg", "Moon Digest", "", "Rover lands\n\n"+release+". Continue reading\n")
		f.doc("paper", "Hill Herald", "", "Rover on the moon\n\n"+release+". Its cameras sent back pictures within the hour.\n")
		setRole(f, "city", provenance.RolePressOffice)
		setRole(f, "agg", provenance.RoleAggregator)
		setRole(f, "paper", provenance.RoleNewspaper)
		f.share("city", "agg", release, release)
		f.share("city", "paper", release, release)
		f.share("agg", "paper", release, release)
		return f.analyze()
	}
	r := build(release + ".\n" + quote + " Read more...\n")
	for _, to := range []string{"agg", "paper"} {
		if l, ok := linkBetween(r, "city", to); ok && l.Kind == provenance.LinkCopy {
			t.Errorf("the city's page carrying the agency's release is called the source of %s: %+v", to, l)
		}
	}
	r = build(release + ".\n" + quote + "\n\nEastport's science park hosts the agency's laboratory.\n")
	for _, to := range []string{"agg", "paper"} {
		if l, ok := linkBetween(r, "city", to); !ok || l.Kind != provenance.LinkCopy || l.Source != "city" {
			t.Errorf("the city's own release (it names Eastport) is not the source of %s by its role: %+v", to, l)
		}
	}
}

// TestStoryAboutACompanyIsNotItsOwnText (a fault found on the fresh3
// held-out set, 2026-12-08): a blog post about a company's deal keeps the
// company as the subject of its sentences and quotes its chief executive;
// a news page quoting the same statement, and writing of the company in
// its own words too, is not its copy: neither is the company's own text.
// When the news page says nothing of the company but the quote, the
// blog's first-party reading stands (the clue is unchanged there).
func TestStoryAboutACompanyIsNotItsOwnText(t *testing.T) {
	quote := "“This acquisition changes everything about the coffee market. Harbour Coffee will become the largest roaster on the coast, offering every café the only open supply chain that unlocks the full value of its beans,” said Ann Writer, Harbour Coffee's chief executive."
	blog := "A bean worth $3 billion\n\nSubmitted by Tom Scribe\n\nThe coffee trade is about to change. Harbour Coffee is buying the largest roaster in the north. " +
		"Harbour Coffee is planning to run it as before. Harbour Coffee has been feeling left behind by its rivals. Harbour Coffee wants to catch up.\n\n" + quote + "\n"
	build := func(news string) *provenance.Result {
		f := newFixture(t)
		f.doc("blog", "", "", blog)
		f.doc("news", "", "", news)
		f.share("blog", "news", quote, quote)
		return f.analyze()
	}
	r := build("Roaster deal\n\nHarbour Coffee announced on Sunday that it will buy North Roasters for $3 billion. Harbour Coffee will pay cash.\n\n" + quote + "\n")
	if l, ok := linkBetween(r, "blog", "news"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the blog about the company is called the news page's source: %+v", l)
	}
	r = build("Roaster deal\n\nA roaster changed hands on Sunday for $3 billion in cash.\n\n" + quote + "\n")
	if l, ok := linkBetween(r, "blog", "news"); !ok || !strings.Contains(strings.Join(l.Reasons, " "), "first-party quote") {
		t.Errorf("control: the first-party clue does not fire where the other text says nothing of the company: %+v", l)
	}
}

// TestWireCarryingAHandoutCaptionIsNotItsSource (a fault found on the
// fresh3 held-out set, 2026-12-08): a news agency's page whose shared
// sentence is the caption of a handout picture ("A handout photo made
// available by X shows…") passes on X's description; its role does not
// make it the source of a paper that describes the picture in the same
// words. Without the handout credit, the role counts as before.
func TestWireCarryingAHandoutCaptionIsNotItsSource(t *testing.T) {
	desc := "the first deep field taken by the observatory's infrared camera, a composite made from images at different wavelengths over twelve hours, of a galaxy cluster as it appeared four billion years ago"
	build := func(caption string) *provenance.Result {
		f := newFixture(t)
		f.doc("agency", "Coast Agency", "", "Telescope's first picture\n\n"+caption+desc+". AGENCY/HANDOUT\n\nThe picture was unveiled at the capital on Monday.\n")
		f.doc("paper", "Hill Herald", "", "A first look at deep space\n\nThe image shows "+desc+". The full set comes on Tuesday.\n")
		setRole(f, "agency", provenance.RoleWire)
		setRole(f, "paper", provenance.RoleNewspaper)
		f.share("agency", "paper", desc, desc)
		return f.analyze()
	}
	r := build("A handout photo made available by the Harbour Space Institute shows ")
	if l, ok := linkBetween(r, "agency", "paper"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the agency carrying the institute's handout caption is called the paper's source: %+v", l)
	}
	r = build("The picture shows ")
	if l, ok := linkBetween(r, "agency", "paper"); !ok || l.Kind != provenance.LinkCopy || l.Source != "agency" {
		t.Errorf("control: without a handout credit the agency's role makes it the source: %+v", l)
	}
}

// TestPageTakenViaAnotherIsNotAWiresCopy (a fault found on the fresh4
// held-out set, 2026-12-08): a blog that signs its text "via: ertnews.gr"
// says which page it took it through; a news agency's page (a wire by its
// role) sharing the same sentences is not its source by role alone.
// Without the "via" line, the role counts as before.
func TestPageTakenViaAnotherIsNotAWiresCopy(t *testing.T) {
	body := findingEN + ". " + methodEN + "."
	build := func(sign string) *provenance.Result {
		f := newFixture(t)
		f.doc("agency", "Coast Agency", "", "Kelp returns\n\n"+body+"\n\nThe survey continues next spring.\n")
		f.doc("blog", "Reef Notes", "", "Kelp is back\n\n"+body+"\n"+sign)
		setRole(f, "agency", provenance.RoleWire)
		setRole(f, "blog", provenance.RoleBlog)
		f.share("agency", "blog", body, body)
		return f.analyze()
	}
	if l, ok := linkBetween(build("via: harbournews.example\n"), "agency", "blog"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the blog signs its text as taken via another site, yet the agency is called its source: %+v", l)
	}
	if l, ok := linkBetween(build(""), "agency", "blog"); !ok || l.Kind != provenance.LinkCopy || l.Source != "agency" {
		t.Errorf("control: without the via line the agency's role makes it the source: %+v", l)
	}
}

// TestCoAuthorsPageIsNotTheOtherOrganisationsRelease (faults found on the
// fresh4 held-out set, 2026-12-08): an NGO's page on a report it wrote with
// a UN agency (a press office by its role) is not the source of a paper
// that gives the shared finding as the agency's ("the Children's Fund
// underlined that …", "… said in a press release") and never names the
// NGO: the paper took the agency's release. When the paper names the NGO,
// the office's role and the release credit count as before.
func TestCoAuthorsPageIsNotTheOtherOrganisationsRelease(t *testing.T) {
	finding := "around one in three children, up to eight hundred million worldwide, have blood lead levels at or above the level that requires action"
	ngo := "Toxic harbours\n\nThe report from the Children's Fund and Clean Harbour Trust reveals that " + finding + ". Clean Harbour Trust calls for urgent action on battery recycling.\n"
	for _, c := range []struct {
		name, paper string
		want        bool
	}{
		{"reported as the agency's", "Lead report\n\nIn the report, the Children's Fund underlined that " + finding + ". Recycling is the main source.\n", false},
		{"credited to the agency's release", "Lead report\n\n“" + finding + ",” the Children's Fund said in a press release accompanying the report.\n", false},
		{"naming the NGO too", "Lead report\n\nIn the report, the Children's Fund underlined that " + finding + ". Clean Harbour Trust, its co-author, works on recycling.\n", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			f.doc("ngo", "Clean Harbour Trust", "", ngo)
			f.doc("paper", "Hill Herald", "", c.paper)
			setRole(f, "ngo", provenance.RolePressOffice)
			setRole(f, "paper", provenance.RoleNewspaper)
			f.share("ngo", "paper", finding, finding)
			l, ok := linkBetween(f.analyze(), "ngo", "paper")
			if got := ok && l.Kind == provenance.LinkCopy && l.Source == "ngo"; got != c.want {
				t.Errorf("copy ngo → paper %v, want %v: %+v", got, c.want, l)
			}
		})
	}
}
