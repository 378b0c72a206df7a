package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented; the layouts are those of real pages (an
// institution's release saved without its site's name, a verbatim repost
// in EurekAlert's layout, a header line of fields over a digest).

// An institution's release saved bare — its dateline at the institution's
// home town, no credit — is the institution's own page once another page
// sharing its text credits the institution: the crediting repost and a
// repost that credits no one are its copies, and the two reposts are not
// ordered by it.
func TestInstitutionsOwnPageByItsDateline(t *testing.T) {
	body := findingEN + ". " + methodEN + ". " + outlookEN + "."
	f := newFixture(t)
	f.doc("uni", "", "", "Otters bring back the kelp\n\nEASTPORT, Maine – "+body+"\n")
	f.doc("repost", "", "", "Study shows otters bring back the kelp\nHarbour University – Eastport\nEASTPORT, Maine – "+body+"\n")
	f.doc("blog", "", "", "Otters and the kelp\n\n"+body+"\n\nShare this post\n")
	f.share("uni", "repost", "EASTPORT, Maine – "+body, "EASTPORT, Maine – "+body)
	f.share("uni", "blog", body, body)
	f.share("repost", "blog", body, body)
	r := f.analyze()
	wantCopyBecause(t, r, "uni", "repost", "at Harbour University, Eastport's home")
	wantSourceOfReprints(t, r, "uni", "repost", "blog")
}

// The rule needs the crediting page to name an institution at the
// dateline's town, and the page with the dateline to credit no one: a
// credit to another town's institution, or a dateline page that credits a
// source itself, decides nothing.
func TestOwnPageNeedsTheHomeTownAndNoCredit(t *testing.T) {
	body := findingEN + ". " + methodEN + ". " + outlookEN + "."
	for name, c := range map[string]struct{ uni, repost string }{
		"another town's institution": {"EASTPORT, Maine – " + body, "Study shows otters bring back the kelp\nHarbour University – Westport\nEASTPORT, Maine – " + body},
		"the dateline page credits":  {"EASTPORT, Maine – " + body + "\n\nSource: Harbour Times", "Study shows otters bring back the kelp\nHarbour University – Eastport\nEASTPORT, Maine – " + body},
		"not an institution":         {"EASTPORT, Maine – " + body, "Otters bring back the kelp\n\nEASTPORT, Maine – " + body + "\n\nSource: Eastport Rowing Club"},
		"a release naming itself":    {"EASTPORT, Maine – " + body, "Otters bring back the kelp\n\nEASTPORT, Maine – " + body + "\n\nSource: Harbour University at Eastport"},
	} {
		f := newFixture(t)
		f.doc("uni", "", "", c.uni+"\n")
		f.doc("repost", "", "", c.repost+"\n")
		f.share("uni", "repost", "EASTPORT, Maine – "+body, "EASTPORT, Maine – "+body)
		r := f.analyze()
		if l, ok := linkBetween(r, "uni", "repost"); ok && l.Kind == provenance.LinkCopy {
			t.Errorf("%s: a copy link %s → %s: %s", name, l.Source, l.Target, strings.Join(l.Reasons, " | "))
		}
	}
}

// Two pages that open with the dateline and credit no one — the
// institution's release and a verbatim repost that kept the dateline — are
// rivals for the crediting page's source: neither is made the
// institution's, and the crediting page is called a copy of neither.
func TestOwnPageRivalsDecideNothing(t *testing.T) {
	body := findingEN + ". " + methodEN + ". " + outlookEN + "."
	f := newFixture(t)
	f.doc("uni", "", "", "Otters bring back the kelp\n\nEASTPORT, Maine – "+body+"\n")
	f.doc("blog", "", "", "Otters and the kelp\n\nEASTPORT, Maine – "+body+"\n\nShare this post\n")
	f.doc("repost", "", "", "Study shows otters bring back the kelp\nHarbour University – Eastport\nEASTPORT, Maine – "+body+"\n")
	shared := "EASTPORT, Maine – " + body
	for _, p := range [][2]string{{"uni", "repost"}, {"blog", "repost"}, {"uni", "blog"}} {
		f.share(p[0], p[1], shared, shared)
	}
	r := f.analyze()
	for _, src := range []string{"uni", "blog"} {
		if l, ok := linkBetween(r, src, "repost"); ok && l.Kind == provenance.LinkCopy {
			t.Errorf("the crediting repost is called a copy of %s, which a rival equals: %s", l.Source, strings.Join(l.Reasons, " | "))
		}
	}
}

// A page that opens with a press-release dateline and credits no one, and
// is the only such page holding the paragraph a story credits to "a news
// release", is that release: a retelling that keeps only the release's
// quote, crediting no one for it, is its copy too.
func TestQuotedReleaseByItsDateline(t *testing.T) {
	quote := "“The otters do the gardening, and the kelp does the rest of the work for the whole reef,” Diver said."
	f := newFixture(t)
	f.doc("office", "", "", "Otters bring back the kelp\n\nNORTHFIELD, Ore. — "+findingEN+".\n\n"+quote+"\n\n"+methodEN+".\n")
	f.doc("story", "", "", "Otters and kelp\n\n"+findingEN+", the university said in a news release.\n\nDivers were busy too.\n")
	f.doc("retold", "", "", "Sea otters may be the best friends a kelp forest ever had, a new survey suggests.\n\n"+quote+"\n\nThe survey took nine years.\n")
	f.share("office", "story", findingEN, findingEN)
	f.share("office", "retold", quote, quote)
	r := f.analyze()
	wantCopyBecause(t, r, "office", "story", "reads as that release")
	wantCopyBecause(t, r, "office", "retold", "the release another page quotes, by its dateline")
}

// A newspaper's own story under its own dateline in the institution's
// town, sharing only a quotation with a repost that credits the
// institution, is not the institution's release: the repost does not
// carry the text that follows the paper's dateline.
func TestOwnPageNeedsTheLedeAfterTheDateline(t *testing.T) {
	quote := "“The otters do the gardening, and the kelp does the rest of the work for the whole reef,” said Ann Diver, who led the survey."
	f := newFixture(t)
	f.doc("paper", "", "", "Otters at the harbour\n\nEASTPORT, Maine – Fishermen at the harbour have noticed more otters than ever on the outer reefs this year, and the kelp is back with them.\n\n"+quote+"\n\nThe council will discuss the reefs on Tuesday.\n")
	f.doc("repost", "", "", "Study shows otters bring back the kelp\nHarbour University – Eastport\nEASTPORT, Maine – "+findingEN+".\n"+quote+"\n"+methodEN+".\n")
	f.share("paper", "repost", quote, quote)
	r := f.analyze()
	if l, ok := linkBetween(r, "paper", "repost"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("a copy link %s → %s: %s", l.Source, l.Target, strings.Join(l.Reasons, " | "))
	}
	// Nor is it the release a story quotes beside that quotation, for the
	// other pages it shares text with.
	f = newFixture(t)
	f.doc("paper", "", "", "Otters at the harbour\n\nEASTPORT, Maine – Fishermen at the harbour have noticed more otters than ever on the outer reefs this year, and the kelp is back with them.\n\n"+quote+"\n\nThe council will discuss the reefs on Tuesday.\n")
	f.doc("story", "", "", "Otters and kelp\n\n"+quote+" The university said so in a news release.\n\nDivers were busy too.\n")
	f.doc("retold", "", "", "Sea otters may be the best friends a kelp forest ever had, a new survey suggests.\n\n"+quote+"\n\nThe survey took nine years.\n")
	f.share("paper", "story", quote, quote)
	f.share("paper", "retold", quote, quote)
	f.share("story", "retold", quote, quote)
	r = f.analyze()
	if l, ok := linkBetween(r, "paper", "retold"); ok && l.Kind == provenance.LinkCopy {
		t.Errorf("a copy link %s → %s: %s", l.Source, l.Target, strings.Join(l.Reasons, " | "))
	}
}

// With metadata naming the page's outlet, the metadata says whose page it
// is: the dateline rule stays out.
func TestOwnPageLeavesAnOutletToTheMetadata(t *testing.T) {
	f := newFixture(t)
	f.doc("paper", "Eastport Evening Star", "", "EASTPORT, Maine – "+findingEN+".\n")
	f.doc("repost", "", "", "Otters\nHarbour University – Eastport\nEASTPORT, Maine – "+findingEN+".\n")
	r := f.analyze()
	infos := map[string]*docInfo{"paper": newDocInfo(r.Doc("paper")), "repost": newDocInfo(r.Doc("repost"))}
	if mayBeOwnPage(infos["paper"]) {
		t.Errorf("a page with an outlet in its metadata may be read as an institution's own page")
	}
	if mayBeOwnPage(infos["repost"]) {
		t.Errorf("a page crediting an institution line may be read as the institution's own page")
	}
}

func TestHomeOf(t *testing.T) {
	cases := []struct {
		dateline, name string
		want           bool
	}{
		{"EASTPORT, Maine –", "Harbour University – Eastport", true},
		{"NORTH FORK, Ore. —", "Harbour University at North Fork", true},
		{"FORK, Ore. —", "Harbour University at Tuning-Fork", true},
		{"NORTH FORK, Ore. —", "Harbour University at Fork", false},
		{"EASTPORT, Maine –", "Harbour University", false},
		{"(Press-News.org) EASTPORT, Maine –", "Harbour University, Eastport", true},
	}
	for _, c := range cases {
		if got := homeOf(c.dateline, c.name); got != c.want {
			t.Errorf("homeOf(%q, %q) = %v, want %v", c.dateline, c.name, got, c.want)
		}
	}
}

// A "Source:" field after another field on a page's header line credits
// the source; "source" inside a sentence does not.
func TestSourceFieldOnAHeaderLine(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Otters bring back the kelp\nPublished: 3 May 2026    Source: Harbour University, News Office\n\nKelp grew back.\n", "Harbour University"},
		{"Otters bring back the kelp\nPosted 3 May 2026 | Source: Harbour University\n\nKelp grew back.\n", "Harbour University"},
		{"Otters bring back the kelp\nPublished:3 May2026\tSource:Harbour University\n\nKelp grew back.\n", "Harbour University"},
		{"Otters bring back the kelp\n\nThe divers said the main source of Kelp Grew Back was the otters.\n", ""},
	}
	for _, c := range cases {
		got := ""
		for _, cr := range findCredits(&provenance.Document{Text: c.text}) {
			got = cr.source
		}
		if got != c.want {
			t.Errorf("%q: credit %q, want %q", c.text, got, c.want)
		}
	}
}
