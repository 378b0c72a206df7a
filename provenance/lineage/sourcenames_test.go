package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// The names below are invented for the tests.

func namedLink(a, b, source string) provenance.Link {
	return provenance.Link{Source: a, Target: b, Kind: provenance.LinkCommonSource, CommonSource: source,
		Reasons: []string{NamedSourceReason + "both took it from " + source}}
}

// The variants of one source's name on one story's links become one name
// (the fullest organisation's name; a name without a document takes the
// story's one document, none when it names two — a report and a release),
// and a renamed link says so; another story's links and another
// organisation's names keep theirs.
func TestSourceNameVariantsUnified(t *testing.T) {
	links := []provenance.Link{
		namedLink("a", "b", "Harbourside’s press release"),
		namedLink("b", "c", "Harbourside University’s press release"),
		namedLink("c", "d", "Harbourside University"),
		namedLink("d", "e", "Harbourside’s report"),
		namedLink("e", "f", "a statement by Ann Writer"),
		namedLink("p", "q", "UE-N’s press release"),
		namedLink("q", "r", "University of Eastport, Northfield"),
		namedLink("r", "s", "University of Eastport"),
		namedLink("x", "y", "Harbourside’s press release"), // another story
		namedLink("y", "z", "AP"),
		namedLink("z", "x", "Associated Press"),
		{Source: "a", Target: "x", Kind: provenance.LinkUnknown},
	}
	unifySourceNames(links)
	want := []string{
		"Harbourside University’s press release", "Harbourside University’s press release", "Harbourside University",
		"Harbourside University’s report", "a statement by Ann Writer",
		"University of Eastport, Northfield’s press release", "University of Eastport, Northfield’s press release", "University of Eastport",
		"Harbourside’s press release", "Associated Press", "Associated Press", "",
	}
	for i, l := range links {
		if l.CommonSource != want[i] {
			t.Errorf("link %s–%s: named %q, want %q", l.Source, l.Target, l.CommonSource, want[i])
		}
	}
	if last := links[0].Reasons[len(links[0].Reasons)-1]; !strings.Contains(last, "“Harbourside’s press release” is Harbourside University’s press release") {
		t.Errorf("the renamed link does not say so: %q", links[0].Reasons)
	}
	if len(links[1].Reasons) != 1 {
		t.Errorf("a link already named so gained a reason: %q", links[1].Reasons)
	}
}

func TestAbbreviates(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"UE-N", "University of Eastport, Northfield", true},
		{"UEN", "University of Eastport, Northfield", true},
		{"UE Northfield", "University of Eastport, Northfield", true},
		{"HMRO", "Harbour Marine Research Organisation", true},
		{"UE", "University of Eastport, Northfield", false}, // a campus left out
		{"N", "Northfield", false},
		{"University of Eastport", "University of Eastport, Northfield", false},
		{"HRMO", "Harbour Marine Research Organisation", false},
	} {
		if got := abbreviates(c.short, c.long); got != c.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

// A joint announcement is each of its organisations': "Harbourco’s
// announcement" on one link and "Harbourco and Quayside’s announcement"
// on another of the story are one source, named by the fuller name and
// as the press release an announcement is; a third organisation's keeps
// its own name (2026-12-07 night).
func TestJointAnnouncementOneName(t *testing.T) {
	links := []provenance.Link{
		namedLink("a", "b", "Harbourco’s announcement"),
		namedLink("b", "c", "Harbourco and Quayside’s announcement"),
		namedLink("c", "d", "Tidewell’s announcement"),
	}
	unifySourceNames(links)
	for i, want := range []string{"Harbourco and Quayside’s press release", "Harbourco and Quayside’s press release", "Tidewell’s announcement"} {
		if links[i].CommonSource != want {
			t.Errorf("link %d: named %q, want %q", i, links[i].CommonSource, want)
		}
	}
}

// "Cos" and "Companies" only say what kind of body a name is.
func TestCompaniesIsAKindWord(t *testing.T) {
	for _, c := range [][2]string{{"Harbour Cos", "Harbour"}, {"Harbour Companies", "Harbour"}} {
		if !sameOrganisation(c[0], c[1]) {
			t.Errorf("%q and %q: want one organisation", c[0], c[1])
		}
	}
}
