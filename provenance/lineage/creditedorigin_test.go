package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented; the layouts are those of real pages (a
// university's news item reposting its researcher's article from another
// publication, a release reposted in EurekAlert's layout).

// A page that credits another publication for the text it carries is a copy
// of that publication, not the origin of the other reprints, however much
// it reads as a press release.
func TestPageCreditingAPublicationIsNotTheOrigin(t *testing.T) {
	body := findingEN + ". " + methodEN + "."
	f := newFixture(t)
	f.doc("uni", "", "", "Harbour University\n\nThe Conversation: Otters Bring Back the Kelp on Forty Reefs\n\n"+body+
		"\n\nAnn Diver studies reefs. Read more about her findings at The Conversation.\n\n"+
		"Harbour University is a member of The Conversation. Through this partnership, we seek to share the work of our researchers.\n\n"+
		"MEDIA CONTACT:\n\nJo Bloggs (jo@harbour.example)\n")
	f.doc("rep", "", "", "Otters bring back the kelp on forty reefs\n\n"+body+" "+outlookEN+".\n")
	f.share("uni", "rep", body, body)
	r := f.analyze()
	if l, ok := linkBetween(r, "uni", "rep"); ok && l.Kind == provenance.LinkCopy {
		t.Fatalf("the page crediting The Conversation was made a side of a copy link: %+v", l)
	}
	credits := newDocInfo(r.Doc("uni")).credits
	if len(credits) == 0 || credits[0].source != "The Conversation" {
		t.Errorf("credits %+v, want one to The Conversation", credits)
	}
}

// Credits in a page's first lines: a headline naming a known publication,
// an institution line over a release's dateline.
func TestHeadCredits(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Ann Diver in ‘The Conversation’: Otters bring back the kelp\nBody.\n", "The Conversation"},
		{"The Conversation: Otters bring back the kelp\nBody.\n", "The Conversation"},
		{"Harbour Rowing Club: Otters bring back the kelp\nBody.\n", ""},
		{"Otters bring back the kelp\nWarning: otters bite when they are cornered on the reefs.\n", ""},
		{"Otters bring back the kelp\nHarbour University – Eastport\nEASTPORT, Maine – Kelp grew back.\n", "Harbour University, Eastport"},
		{"Harbour University – Eastport\nEASTPORT, Maine – Kelp grew back.\n", ""},                        // no headline above it
		{"Otters bring back the kelp\nHarbour University – Eastport\nKelp grew back, divers said.\n", ""}, // no release dateline under it
	}
	for _, c := range cases {
		got := ""
		if cs := findCredits(&provenance.Document{Text: c.text}); len(cs) > 0 {
			got = cs[0].source
		}
		if got != c.want {
			t.Errorf("%q: credit %q, want %q", c.text, got, c.want)
		}
	}
}

// A verbatim repost of a release in EurekAlert's layout (subhead, the
// institution line, the dateline) whose outlet was guessed from that
// institution line is not the institution's own text: it is not the source
// of the release it reposts.
func TestRepostedReleaseIsNotTheRelease(t *testing.T) {
	quote := "“Reefs recover when the urchins lose their grip on the kelp, and the otters are what loosens it,” said Ann Diver, a researcher at Harbour University, Eastport."
	body := findingEN + ".\n" + quote + "\n" + methodEN + ".\n"
	f := newFixture(t)
	f.doc("release", "", "", "EASTPORT, Maine – "+body)
	f.doc("repost", "", "", "Otters bring back the kelp\nSurvey by Eastport biologists shows otters restore reefs\nHarbour University – Eastport\nEASTPORT, Maine – "+body)
	for i := range f.r.Documents {
		if f.r.Documents[i].ID == "repost" {
			f.r.Documents[i].Meta.Outlet = provenance.Field{Value: "Eastport", Origin: provenance.OriginInferred, Detail: "title line 'Harbour University – Eastport'"}
		}
	}
	shared := "EASTPORT, Maine – " + strings.TrimSuffix(body, "\n")
	f.share("release", "repost", shared, shared)
	r := f.analyze()
	if l, ok := linkBetween(r, "release", "repost"); ok && l.Kind == provenance.LinkCopy && l.Source == "repost" {
		t.Fatalf("the repost was made the source of the release: %+v", l)
	}
}

// A first-person "we found" that both texts carry (an author's article and
// its reprint) is not the voice of either one: it does not make the text
// with a contact block the release the other copied.
func TestSharedWeIsNoGenreClue(t *testing.T) {
	voiced := "In the survey we found that " + findingEN + ". " + methodEN + "."
	f := newFixture(t)
	f.doc("page", "", "", "Otters bring back the kelp\n\n"+voiced+"\n\nMEDIA CONTACT:\n\nJo Bloggs, 555-0100\n")
	f.doc("reprint", "", "", "Otters bring back the kelp\n\n"+voiced+" "+outlookEN+".\n")
	f.share("page", "reprint", voiced, voiced)
	r := f.analyze()
	if l, ok := linkBetween(r, "page", "reprint"); ok && l.Kind == provenance.LinkCopy {
		t.Fatalf("a shared “we found” made a copy link: %+v", l)
	}
	// Its own "we found", outside what they share, still counts.
	g := newFixture(t)
	g.doc("page", "", "", "Otters bring back the kelp\n\n"+findingEN+". "+methodEN+".\n\nIn the survey we found more urchins than expected.\n\nMEDIA CONTACT:\n\nJo Bloggs, 555-0100\n")
	g.doc("reprint", "", "", "Otters bring back the kelp\n\n"+findingEN+". "+methodEN+". "+outlookEN+".\n")
	g.share("page", "reprint", findingEN+". "+methodEN, findingEN+". "+methodEN)
	wantCopyBecause(t, g.analyze(), "page", "reprint", "reads as a press release")
}
