package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The texts below are invented for the tests.

const (
	varLede    = "Nine harbours of the northern coast lost half their eelgrass in five years, according to a new report published today by Reefwatch"
	varFinding = "The report finds that dredging and warmer summers did more damage than the storms, and calls for a ban on dredging in the spawning months"
	varQuote   = "It is shameful that the meadows that feed our fisheries are being dug up for the sake of a few more berths in the marinas"
	varLocal   = "In the fjords of the far north the losses were smaller, although two of the five meadows surveyed there have thinned since the last count"
	varAmerica = "Our own bays are next, and the coastal states must act before the dredging season opens in the spring rather than after it has ended"
)

// releaseVariantsFixture lays out a release issued in two versions by two
// offices of one organisation (Reefwatch in Norway, with a local paragraph
// and the director's quote; Reefwatch America, with its own quote), a
// newspaper's verbatim repost of the release and a radio story that quotes
// the director "in a press release". story is what the radio shares:
// the director's quote, or the Norwegian version's local paragraph.
func releaseVariantsFixture(t *testing.T, withAmerica bool, story string) *fixture {
	f := newFixture(t)
	f.doc("repost", "Coast Herald", "2026-03-02", "Eelgrass halves\n\n"+varLede+".\n\n"+varFinding+".\n\nThe director said:\n\n“"+varQuote+".”\n")
	f.doc("norway", "Reefwatch in Norway", "2026-03-02", "Eelgrass halves\n\n"+varLede+".\n\n"+varLocal+".\n\n"+varFinding+".\n\nThe director said:\n\n“"+varQuote+".”\n")
	f.doc("radio", "Island Radio", "2026-03-03", "Harbours lose their meadows\n\nThe group blamed the marinas for the loss of the eelgrass.\n\n“"+story+",” the director of Reefwatch said in a press release.\n\nThe ministry has not replied.\n")
	f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginUser}
	f.r.Documents[1].Meta.Role = provenance.Field{Value: string(provenance.RolePressOffice), Origin: provenance.OriginUser}
	f.r.Documents[2].Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginUser}
	f.share("repost", "norway", varLede, varLede)
	f.share("repost", "norway", varFinding+".\n\nThe director said:\n\n“"+varQuote, varFinding+".\n\nThe director said:\n\n“"+varQuote)
	f.share("norway", "radio", story, story)
	if story == varQuote {
		f.share("repost", "radio", varQuote, varQuote)
	}
	if withAmerica {
		f.doc("america", "Reefwatch America", "", "Eelgrass halves\n\n"+varLede+".\n\n"+varFinding+".\n\n“"+varAmerica+",” said the group's policy director.\n")
		f.r.Documents[3].Meta.Role = provenance.Field{Value: string(provenance.RolePressOffice), Origin: provenance.OriginUser}
		f.share("norway", "america", varLede, varLede)
		f.share("norway", "america", varFinding, varFinding)
		f.share("repost", "america", varLede+".\n\n"+varFinding, varLede+".\n\n"+varFinding)
	}
	return f
}

// A story quoting "a press release" of an organisation whose release is in
// the collection in two versions, sharing with one of them only what the
// release's repost also holds, is not called a copy of that version: the
// common source is named as the organisation's press release.
func TestReleaseInTwoVersionsIsNamedNotArrowed(t *testing.T) {
	r := releaseVariantsFixture(t, true, varQuote).analyze()
	l := wantNamedSource(t, r, "norway", "radio", "the text is Reefwatch’s press release")
	if !strings.Contains(l.Reasons[0], "more than one version") {
		t.Errorf("the reason must say why no version is the source: %q", l.Reasons[0])
	}
	for _, l := range r.Links {
		if l.Kind == provenance.LinkCopy && l.Target == "radio" && l.Source != "repost" {
			t.Errorf("a version of the release is called the story's source: %+v", l)
		}
	}
}

// With one version of the release only, that version is the release the
// story credits: the arrow stays.
func TestReleaseInOneVersionKeepsItsArrow(t *testing.T) {
	r := releaseVariantsFixture(t, false, varQuote).analyze()
	l, ok := linkBetween(r, "norway", "radio")
	if !ok || l.Kind != provenance.LinkCopy || l.Source != "norway" {
		t.Fatalf("want a copy link norway → radio, got %+v", r.Links)
	}
}

// A story that shares what only one version holds (its local paragraph)
// took it from that version: the arrow stays.
func TestReleaseVersionPeculiarTextKeepsItsArrow(t *testing.T) {
	r := releaseVariantsFixture(t, true, varLocal).analyze()
	l, ok := linkBetween(r, "norway", "radio")
	if !ok || l.Kind != provenance.LinkCopy || l.Source != "norway" {
		t.Fatalf("want a copy link norway → radio, got %+v", r.Links)
	}
}

// Two offices of one organisation are told by the distinctive first word
// of their names, not by a word many organisations' names begin with.
func TestCommonOrgByDistinctiveHead(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"Oxfam in Cambodia", "Oxfam America", "Oxfam"},
		{"University of Florida", "University of Illinois", ""},
		{"National Trust", "National Gallery", ""},
		{"University of Florida", "University of Florida News", "University of Florida"},
	} {
		a := &docInfo{doc: &provenance.Document{}}
		a.doc.Meta.Outlet = provenance.Field{Value: c.a, Origin: provenance.OriginSidecar}
		b := &docInfo{doc: &provenance.Document{}}
		b.doc.Meta.Outlet = provenance.Field{Value: c.b, Origin: provenance.OriginSidecar}
		if got := commonOrg(a, b); got != c.want {
			t.Errorf("commonOrg(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// Two offices' versions of one release are named as the organisation's
// press release; a blog whose shared passages attribute their text to the
// organisation, sharing with a version only what the release's repost
// holds too, carries that release: a named common source, no arrow.
func TestReleaseVersionsAndTheirQuoterNamed(t *testing.T) {
	f := releaseVariantsFixture(t, true, varQuote)
	f.doc("blog", "Tide Notes", "2026-03-04", "Reading the news\n\nThis morning I read that “"+varLede+".”\n\nI wonder whether anyone will listen.\n")
	f.r.Documents[4].Meta.Role = provenance.Field{Value: string(provenance.RoleBlog), Origin: provenance.OriginUser}
	for _, o := range []string{"repost", "norway", "america"} {
		f.share(o, "blog", varLede, varLede)
	}
	r := f.analyze()
	wantNamedSource(t, r, "norway", "america", "the text is Reefwatch’s press release: ")
	named := 0
	for _, l := range r.Links {
		if l.Target == "blog" || l.Source == "blog" {
			if l.Kind == provenance.LinkCopy && l.Source != "repost" {
				t.Errorf("a version of the release is called the blog's source: %+v", l)
			}
			if l.Kind == provenance.LinkCommonSource && strings.Contains(l.Reasons[0], "Reefwatch’s press release") {
				named++
			}
		}
	}
	if named == 0 {
		t.Errorf("the blog's link to a version names no release: %+v", r.Links)
	}
}
