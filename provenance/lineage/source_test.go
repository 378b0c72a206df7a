package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented for the tests; the clues are the ones real
// pages carry (credit lines, agency datelines, "said in a press release").

const (
	findingEN = "Kelp forests off the northern cape grew back twice as fast where sea otters returned, according to a survey of forty reefs by marine biologists"
	methodEN  = "The divers counted urchins and measured kelp stalks every spring for nine years along the same transects"
	outlookEN = "The team now wants to repeat the survey on the southern reefs, where otters have not been seen since the storms"
)

func setRole(f *fixture, id string, role provenance.Role) {
	for i := range f.r.Documents {
		if f.r.Documents[i].ID == id {
			f.r.Documents[i].Meta.Role = provenance.Field{Value: string(role), Origin: provenance.OriginUser}
		}
	}
}

// A credit line naming the other text's outlet makes the crediting text the
// copy, with no dates or roles at all.
func TestCreditNamesTheSource(t *testing.T) {
	f := newFixture(t)
	f.doc("uni", "University of Eastmarch", "", "Otters bring back the kelp.\n\n"+findingEN+". "+methodEN+".\n")
	f.doc("agg", "Science Roundup", "", "Otters and kelp\n\n"+findingEN+". "+methodEN+".\n\nStory Source: Materials provided by University of Eastmarch. Note: Content may be edited for style and length.\n")
	f.share("uni", "agg", findingEN+". "+methodEN, findingEN+". "+methodEN)
	wantCopyBecause(t, f.analyze(), "uni", "agg", "names University of Eastmarch as its source")
}

// wantCopyBecause fails unless r has a copy link src → dst with a reason
// containing because.
func wantCopyBecause(t *testing.T, r *provenance.Result, src, dst, because string) {
	t.Helper()
	l, ok := linkBetween(r, src, dst)
	if !ok || l.Kind != provenance.LinkCopy || l.Source != src {
		t.Fatalf("want copy %s → %s, got %+v", src, dst, r.Links)
	}
	if all := strings.Join(l.Reasons, "\n"); !strings.Contains(all, because) {
		t.Errorf("reasons lack %q:\n%s", because, all)
	}
}

// Two reprints that both credit the same agency, which is not in the
// collection, took from it: a common-source link that names it, no arrow.
func TestNamedCommonSource(t *testing.T) {
	f := newFixture(t)
	f.doc("p1", "Valley Times", "2026-03-02", "Otters are back\n\nLONDON (AP) — "+findingEN+". "+methodEN+".\n\nLocal divers welcomed the news.\n")
	f.doc("p2", "Hill Gazette", "2026-03-03", "LONDON (AP) — "+findingEN+". "+methodEN+".\n\nThe council meets on Tuesday.\n")
	f.share("p1", "p2", "LONDON (AP) — "+findingEN+". "+methodEN, "LONDON (AP) — "+findingEN+". "+methodEN)
	r := f.analyze()
	l, ok := linkBetween(r, "p1", "p2")
	if !ok || l.Kind != provenance.LinkCommonSource {
		t.Fatalf("want a common-source link, got %+v", r.Links)
	}
	if len(l.Reasons) == 0 || !strings.HasPrefix(l.Reasons[0], NamedSourceReason+"both took from Associated Press") {
		t.Errorf("the first reason does not name the agency: %q", l.Reasons)
	}
}

// A credit to "a press release" points to the release that holds the
// credited statement, not to another office's variant sharing only the
// headline figures.
func TestReleaseCreditNeedsTheCreditedStatement(t *testing.T) {
	quote := "Every reef we surveyed tells the same story: where the otters come back, the forest comes back with them"
	f := newFixture(t)
	f.doc("hq", "Reef Trust", "", "Otters bring back the kelp\n\n"+findingEN+".\n\n“"+quote+",” said Mara Quill, director of Reef Trust.\n")
	f.doc("branch", "Reef Trust North", "", "Otters bring back the kelp\n\n"+findingEN+".\n\n“Our northern volunteers made this possible,” said Tom Reed of Reef Trust North.\n")
	f.doc("paper", "Coast Herald", "", "Good news from the cape\n\n"+findingEN+".\n\n“"+quote+",” Mara Quill said in a press release.\n")
	setRole(f, "hq", provenance.RolePressOffice)
	setRole(f, "branch", provenance.RolePressOffice)
	setRole(f, "paper", provenance.RoleNewspaper)
	f.share("hq", "paper", findingEN, findingEN)
	f.share("hq", "paper", quote, quote)
	f.share("branch", "paper", findingEN, findingEN)
	f.share("hq", "branch", findingEN, findingEN)
	r := f.analyze()
	l, ok := linkBetween(r, "hq", "paper")
	if !ok || l.Kind != provenance.LinkCopy || l.Source != "hq" || !strings.Contains(strings.Join(l.Reasons, "\n"), "quotes a release or statement") {
		t.Errorf("want copy hq → paper on the release credit, got %+v", l)
	}
	if l, ok := linkBetween(r, "branch", "paper"); ok && strings.Contains(strings.Join(l.Reasons, "\n"), "quotes a release or statement") {
		t.Errorf("the branch's variant lacks the credited quote, yet the credit points to it: %+v", l)
	}
}

// A first-party quote is evidence only when the passage holds the
// statement itself, not a figure the quotation happens to repeat and the
// other text states in its own voice.
func TestFirstPartyQuoteNeedsTheStatement(t *testing.T) {
	figure := "nine ports now handle as much cargo as the rest of the coast combined"
	quote := "It is astonishing that " + figure + ", and every family on the shore pays for it in the price of bread and fuel"
	for _, tc := range []struct {
		name, other string
		want        bool
	}{
		{"figure in the other's own voice", "Shipping report\n\nThe fund says " + figure + ". " + methodEN + ".\n", false},
		{"whole quotation", "Shipping report\n\n“" + quote + ",” said Ana Vell of Harbour Fund. " + methodEN + ".\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.doc("fund", "Harbour Fund", "", "Cargo report\n\n“"+quote+",” said Ana Vell, Harbour Fund's director. "+methodEN+".\n")
			f.doc("news", "Coast Herald", "", tc.other)
			if tc.want {
				f.share("fund", "news", quote, quote)
			} else {
				f.share("fund", "news", figure, figure)
			}
			f.share("fund", "news", methodEN, methodEN)
			r := f.analyze()
			l, ok := linkBetween(r, "fund", "news")
			if !ok {
				t.Fatalf("no link: %+v", r.Links)
			}
			if got := strings.Contains(strings.Join(l.Reasons, "\n"), "first-party quote"); got != tc.want {
				t.Errorf("first-party clue %v, want %v: %q", got, tc.want, l.Reasons)
			}
		})
	}
}

// A reprint that holds everything a press office's release shares with
// another reprint is not a possible source of the release: the release's
// arrows stay, and the two reprints get no arrow between them.
func TestReprintIsNotTheSourceOfAPressOffice(t *testing.T) {
	f := newFixture(t)
	// (a university's release names its university: an office's page that
	// never names its own organisation carries another's text, and its
	// role is no evidence — TestPressOfficeCarryingAnotherOrganisationsRelease)
	f.doc("uni", "University of Eastmarch", "", "Otters bring back the kelp\n\n"+findingEN+". "+methodEN+". "+outlookEN+".\n\nThe survey was led from the University of Eastmarch's marine station.\n")
	f.doc("paper", "Coast Herald", "", "Otters and kelp\n\n"+findingEN+". "+methodEN+". "+outlookEN+".\n\nLetters to the editor: page 12.\n")
	f.doc("agg", "Reef Digest", "", "Today in marine science\n\n"+findingEN+". "+methodEN+".\n")
	setRole(f, "uni", provenance.RolePressOffice)
	setRole(f, "paper", provenance.RoleNewspaper)
	setRole(f, "agg", provenance.RoleAggregator)
	all := findingEN + ". " + methodEN + ". " + outlookEN
	two := findingEN + ". " + methodEN
	f.share("uni", "paper", all, all)
	f.share("uni", "agg", two, two)
	f.share("paper", "agg", two, two)
	wantSourceOfReprints(t, f.analyze(), "uni", "paper", "agg")
}

// An agency dateline credits the agency, and a page is the agency's own
// text by its web address when its outlet is not given: the known-outlets
// table resolves both.
func TestAgencyCreditResolvedByWebHost(t *testing.T) {
	f := newFixture(t)
	f.doc("ap", "", "", "LONDON (AP) — "+findingEN+". "+methodEN+".\n")
	f.r.Documents[0].Meta.URL = provenance.Field{Value: "https://apnews.com/article/otters-kelp-0123", Origin: provenance.OriginSidecar}
	f.doc("paper", "Valley Times", "", "Otters are back\n\nLONDON (AP) — "+findingEN+". "+methodEN+".\n\nLocal divers welcomed the news.\n")
	f.share("ap", "paper", "LONDON (AP) — "+findingEN+". "+methodEN, "LONDON (AP) — "+findingEN+". "+methodEN)
	wantCopyBecause(t, f.analyze(), "ap", "paper", "names Associated Press as its source")
}

// Credited names stop at the end of the credit's sentence, and keep
// initialisms and short abbreviations.
func TestCleanCreditName(t *testing.T) {
	for in, want := range map[string]string{
		"University of Eastmarch. Note": "University of Eastmarch",
		"U.S. Geological Survey":        "U.S. Geological Survey",
		"Acme Inc. and":                 "Acme Inc.",
		"the Associated Press":          "the Associated Press",
		"Reef Trust under":              "Reef Trust",
		"St. Olaf College. Read":        "St. Olaf College",
		"X":                             "",
	} {
		if got := cleanCreditName(in); got != want {
			t.Errorf("cleanCreditName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Two reposts of one release, one saved without its headline: a third
// page sharing the body and the headline with the other repost is not
// called that repost's copy, since the headline may be the first repost's
// too.
func TestHeadlineMissingFromASavedPage(t *testing.T) {
	head := "Harbour Foods Issues Voluntary Recall of Select Smoked Fish Products Sold in Five Coastal States"
	body := "PORTVALE, Maine, May 20, 2026 /PRNewswire/ -- Harbour Foods is recalling smoked fish fillets packed at its northern plant because they may be contaminated with Listeria. " + methodEN + ". " + outlookEN + "."
	f := newFixture(t)
	f.doc("wire", "", "", body+"\n")
	f.doc("repost", "", "", "PRESS RELEASE\n"+head+"\n\n"+body+"\n")
	f.doc("site", "", "", head+"\n\nRecall notice\n\n"+strings.Replace(body, "PORTVALE, Maine, May 20, 2026 /PRNewswire/ -- ", "", 1)+"\n")
	bodyShared := strings.Replace(body, "PORTVALE, Maine, May 20, 2026 /PRNewswire/ -- ", "", 1)
	f.share("wire", "repost", body, body)
	f.share("wire", "site", bodyShared, bodyShared)
	f.share("repost", "site", head, head)
	f.share("repost", "site", bodyShared, bodyShared)
	r := f.analyze()
	if l, ok := linkBetween(r, "repost", "site"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the site is called the repost's copy on the headline the other repost's saved page lacks: %+v", l)
	}
}

// A digest that names an aggregator as its source ("Read more about this
// story at Science Daily") took a release the aggregator carried: when the
// other text reads as that release (a press office by its role) it is the
// source. A text that does not read as a release gets no arrow from it.
func TestAggregatorCreditPointsToTheRelease(t *testing.T) {
	digest := "Otters in the kelp\n\n" + findingEN + ". Read more about this story at Science Daily\n"
	for _, office := range []bool{true, false} {
		f := newFixture(t)
		f.doc("uni", "Cape University News", "", "Otters bring back the kelp\n\nBy the news office\n\n"+findingEN+". "+methodEN+".\n")
		f.doc("digest", "Garden Notes", "", digest)
		if office {
			f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RolePressOffice), Origin: provenance.OriginUser}
		}
		f.share("uni", "digest", findingEN, findingEN)
		r := f.analyze()
		l, ok := linkBetween(r, "uni", "digest")
		switch {
		case office && (!ok || l.Kind != provenance.LinkCopy || l.Source != "uni" || !strings.Contains(strings.Join(l.Reasons, " "), "an aggregator, which republishes releases")):
			t.Errorf("press office: want a copy link uni → digest on the aggregator credit, got %+v", r.Links)
		case !office && ok && l.Kind == provenance.LinkCopy:
			t.Errorf("no release: want no arrow, got %+v", l)
		}
	}
}

// A saved excerpt that ends on a bracketed "more" link was cut off; a
// sentence that ends with a bracketed aside was not.
func TestTruncatedMoreLinkInBrackets(t *testing.T) {
	for _, c := range []struct {
		text string
		cut  bool
	}{
		{"The otters came back.\n\nWhile the kelp grows, the divers…[Read More]", true},
		{"The otters came back.\n\nThe divers counted them (all of them).", false},
		{"The otters came back (read more)", true},
	} {
		if got := truncated(c.text); got != c.cut {
			t.Errorf("%q: truncated %v, want %v", c.text, got, c.cut)
		}
	}
}

// Credits by which a repost names the publication its text appeared in:
// a "read more about her findings at X" line, a headline prefixed with X,
// or "Author in ‘X’:". Only known outlets count, and the headline forms
// only at the top of the text.
func TestRepostCreditsThePublication(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"Otters in the kelp\n\n" + findingEN + ". Read more about her findings at The Conversation.\n", "The Conversation"},
		{"Cape University\n\nThe Conversation: Otters bring back the kelp\n\n" + findingEN + ".\n", "The Conversation"},
		{"Ann Writer in ‘The Conversation’: Otters bring back the kelp\n\n" + findingEN + ".\n", "The Conversation"},
		{"Warning: Otters bring back the kelp\n\n" + findingEN + ".\n", ""},
		{strings.Repeat(findingEN+". ", 5) + "\nThe Conversation: Otters bring back the kelp\n", ""},
	} {
		var got []string
		for _, cr := range findCredits(&provenance.Document{Text: c.text}) {
			got = append(got, cr.source)
		}
		if (c.want == "") != (len(got) == 0) || c.want != "" && got[0] != c.want {
			t.Errorf("%.60q: credits %q, want %q", c.text, got, c.want)
		}
	}
}

// A university's news item that reposts its professor's article, naming
// the publication it appeared in, reads as a press release (a media
// contact, the office speaking as "we"), and is still not where the
// article's republication took it from: no arrow between the two.
func TestRepostCreditingAnotherIsNotTheSource(t *testing.T) {
	item := "Cape University\n\nThe Conversation: Otters bring back the kelp\n\n" + findingEN + ". " + methodEN +
		".\n\nRead more about her findings at The Conversation. Through this partnership we share our researchers' work and we seek to explain it.\n\nMEDIA CONTACT:\nJo Bloggs (555-0100, press@capeuniversity.example)\n"
	article := "Otters bring back the kelp\n\n" + findingEN + ". " + methodEN + ". " + outlookEN + ".\n"
	f := newFixture(t)
	f.doc("item", "", "", item)
	f.doc("article", "", "", article)
	shared := findingEN + ". " + methodEN + "."
	f.share("item", "article", shared, shared)
	r := f.analyze()
	if l, ok := linkBetween(r, "item", "article"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("the news item crediting The Conversation is called the source: %+v", l)
	}
}

// Two texts that both read as the release a story quotes — the office's
// own and a verbatim repost under the institution's line — and nothing
// else orders them: no arrow to either from the story's credit alone. (The
// institution line names no campus, so the office's dateline does not
// place it at the institution's home: TestInstitutionsOwnPageByItsDateline.)
func TestRivalReleasesGiveNoArrow(t *testing.T) {
	release := "HARBOURSIDE, Coast – " + findingEN + ". " + methodEN + ". " + outlookEN + ".\n"
	repost := "Study shows otters bring back the kelp\nCape University\n" + release
	story := "Otters and kelp\n\nIn a Cape University press release, the team explained: " + findingEN + ". Divers were busy too.\n"
	f := newFixture(t)
	f.doc("office", "", "", release)
	f.doc("repost", "", "", repost)
	f.doc("story", "", "", story)
	f.share("office", "repost", strings.TrimSpace(release), strings.TrimSpace(release))
	f.share("office", "story", findingEN, findingEN)
	f.share("repost", "story", findingEN, findingEN)
	r := f.analyze()
	for _, src := range []string{"office", "repost"} {
		if l, ok := linkBetween(r, src, "story"); ok && l.Kind == provenance.LinkCopy {
			t.Errorf("the story is called a copy of %s, which the other release page equals: %+v", src, l)
		}
	}
}

// The Conversation publishes its articles for others to republish: its own
// page is the original of what another outlet's page carries, though the
// republication's credit was lost with the end of the saved page; two
// republications are not ordered by it.
func TestRepublishingPublisherIsTheOriginal(t *testing.T) {
	body := findingEN + ". " + methodEN + ". " + outlookEN + "."
	f := newFixture(t)
	f.doc("conv", "The Conversation", "", "Otters bring back the kelp\n\n"+body+"\n")
	f.doc("herald", "Hill Herald", "", "By Ann Writer, Cape University\n\n"+body+"\n")
	f.doc("gazette", "Plains Gazette", "", "Otters and kelp\n\n"+body+"\n")
	for _, p := range [][2]string{{"conv", "herald"}, {"conv", "gazette"}, {"herald", "gazette"}} {
		f.share(p[0], p[1], body, body)
	}
	wantSourceOfReprints(t, f.analyze(), "conv", "herald", "gazette")
}

// wantSourceOfReprints checks that src → a and src → b are copy links and
// that the two reprints are not linked as a copy of each other.
func wantSourceOfReprints(t *testing.T, r *provenance.Result, src, a, b string) {
	t.Helper()
	for _, to := range []string{a, b} {
		if l, ok := linkBetween(r, src, to); !ok || l.Kind != provenance.LinkCopy || l.Source != src {
			t.Errorf("want copy %s → %s, got %+v", src, to, l)
		}
	}
	if l, ok := linkBetween(r, a, b); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("two reprints of one text linked as a copy: %+v", l)
	}
}

// A feed digest's closing credit to an aggregator, below a "Click here for
// original story" line, speaks for the paragraph the digest carries: the
// release it shares that paragraph with is where the text came from.
func TestAggregatorCreditClosingThePage(t *testing.T) {
	digest := "Otters bring back the kelp\n\n" + findingEN + ".\n\nClick here for original story, Otters bring back the kelp\n\nSource: ScienceDaily\n"
	f := newFixture(t)
	f.doc("uni", "Cape University News", "", "Otters bring back the kelp\n\nEASTPORT, Maine — "+findingEN+". "+methodEN+".\n")
	f.doc("digest", "Space Weekly", "", digest)
	f.share("uni", "digest", findingEN, findingEN)
	r := f.analyze()
	if l, ok := linkBetween(r, "uni", "digest"); !ok || l.Kind != provenance.LinkCopy || l.Source != "uni" {
		t.Errorf("want a copy link uni → digest on the closing aggregator credit, got %+v", r.Links)
	}
}
