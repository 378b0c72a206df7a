package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/scan"
)

// realSets returns the real-world family sets beside the module root, and
// skips when there are none.
func realSets(t *testing.T) []FamilySet {
	t.Helper()
	sets, missing, err := RealWorldSets()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missing {
		t.Log(m)
	}
	if len(sets) == 0 {
		t.Skip("no real-world families beside the module root (../shared/realworld, ../realworld-own, ../realworld-fresh, ../realworld-fresh2, ../realworld-fresh3, ../realworld-fresh4, ../realworld-fresh5)")
	}
	return sets
}

// TestRealWorldLabels: every role label names a page of a family that is
// present and a role ParseRole knows, and every family's labels are whole.
func TestRealWorldLabels(t *testing.T) {
	sets := realSets(t)
	roles, err := KnownRoles()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]map[string]bool{}
	for _, set := range sets {
		for _, f := range set.Families {
			files[f.Name] = map[string]bool{}
			for _, ft := range f.Truth.Files {
				files[f.Name][ft.File] = true
				switch ft.Role {
				case PageOrigin, PageCopy, PageIndependent:
				default:
					t.Errorf("%s/%s: page role %q", f.Name, ft.File, ft.Role)
				}
			}
		}
	}
	for k, r := range roles {
		if _, ok := provenance.ParseRole(r); !ok {
			t.Errorf("labels/roles.csv: %s/%s has role %q", k[0], k[1], r)
		}
		if fam, ok := files[k[0]]; ok && !fam[k[1]] {
			t.Errorf("labels/roles.csv names %s/%s, which the family does not list", k[0], k[1])
		}
	}
}

// TestRealWorldNoFalseAccusations runs the lineage on the real families,
// bare and with metadata, and holds the line that matters most: no copy
// link across unrelated stories in any set; on the sets the rules are
// tuned on, directed links right ≥ 0.97 and no sibling accusation (issue
// 11's target); on the
// held-out set, no more wrong copy links than it had when first measured;
// and the directed copies do not fall back.
func TestRealWorldNoFalseAccusations(t *testing.T) {
	sets := realSets(t)
	rows, err := RunRealWorldSets(context.Background(), sets, scan.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteRealWorld(&b, rows)
	t.Log("\n" + b.String())
	// The directed copies measured on 2026-12-07 (docs/lineage.md; the
	// shared set's 47 bare and 57 with metadata that afternoon, the
	// rebuilt own set's 40 and 60 after its recall pass at 14:02), less a
	// copy or two: a change that loses named sources or arrows shows.
	// The fresh set's floor and its ceiling of wrong copy links are its
	// first measurement (16 families, 2026-12-07 13:45 UTC, main at 5899d9d:
	// 22 and 27 directed, 1 and 8 wrong; docs/lineage.md, The fresh
	// held-out set), not tuned; its four faults were then fixed (13:55:
	// 26 and 30 directed, no wrong copy link), so the ceiling is now none:
	// a rule that accuses falsely on pages no one tuned on must not land.
	// A named common source counts only when it is the label's (14:15:
	// fresh 14 and 18). The bare floors are the 50 shared and 48 own
	// directed after the institution's-own-page rules and the header-line
	// "Source:" field (2026-12-07 17:00 UTC; 49 and 38 before); own 50
	// once a wire's credit carries to a page sharing its reporting ("…,
	// the agency said") without its lede. The fresh floors are its 15 and
	// 26 once the common credit forms ("(With inputs from PTI)", "… —
	// Reuters", "This article first appeared in X") were read (17:00 UTC;
	// not tuned on it: the rules were written from how papers credit);
	// own 51, fresh 16 and 27 once a release reaches a fourth carrier.
	// From 2026-12-07 evening the fresh set is tuned on too (a new set is
	// held out): fresh 32 and 41 once two pages citing one wire for a
	// sentence they share name it, with agency staff bylines, a cut-off
	// "X contributed to" and captions skipped as ledes; 38 and 47 once a
	// quoted speaker is named with the organisation a title gives; 44
	// and 51 with a listing's and a repost's credit lines, an
	// organisation's credit as its release, and a credit carried to a
	// page other links show to carry the same wire. The
	// fresh2 set is held out from then (docs/lineage.md, The fresh2
	// held-out set): its floor and its ceiling of wrong copy links are
	// what it measured when first run (5 families, 2026-12-07 21:40 UTC,
	// main at fd6a1a3: 0 and 3 directed, 0 and 3 wrong; 11 families,
	// 21:45, same main: 2 and 5 directed, 0 and 5 wrong; 14 families,
	// 21:48: 10 and 13 directed, 0 and 5 wrong), not tuned; the ceiling
	// lowered to 3 when two of its false accusations were fixed (22:45: a
	// wire citing another wire for the shared sentence is not placed
	// upstream by its role; TestWireCitingAnotherWireIsNotItsSource), and
	// to 0 when the last three were (2026-12-08 00:00: a press office's
	// page that never names its organisation is not upstream by its role;
	// TestPressOfficeCarryingAnotherOrganisationsRelease). From 2026-12-07
	// night fresh2 is tuned on too (its floor what it measured then, 28
	// and 29) and the fresh3 set is held out (docs/lineage.md, The fresh3
	// held-out set): its floor and its ceiling of wrong copy links are what
	// it measured when first run (12 families, 23:41 UTC on cf7b3a6: 13 and
	// 17 directed, 2 and 3 wrong; 13 families, 23:43 on 2de5e8a with the
	// set wired in: 17 and 21 directed, 2 and 3 wrong), not tuned; its
	// three false accusations then fixed (2026-12-08 00:10: a story about
	// an organisation is not its own text, a handout caption is the
	// handout's): 20 and 24 directed, 0 wrong. From 2026-12-08 00:20
	// fresh3 is tuned on too (its floor what it measured on main at
	// 6e8ef07 just before, 24 and 28) and the fresh4 set is held out
	// (docs/lineage.md, The fresh4 held-out set): its floor and its
	// ceiling of wrong copy links are what it measured when first run
	// (14 families, 00:15 UTC on 6e8ef07 with the set wired in: 42 and 42
	// directed, 0 and 3 wrong; the same after one label was corrected
	// from its text), not tuned; its three false accusations then fixed
	// (a "via X" credit; a co-author's page). From 2026-12-08 01:05
	// fresh4 is tuned on too (its floor what it measured on main just
	// before, 42 and 42, 0 wrong) and the fresh5 set is held out
	// (docs/lineage.md, The fresh5 held-out set): its floor and its
	// ceiling of wrong copy links are what it measured when first run
	// (10 families, 01:05 UTC with the set wired in: 11 and 14 directed,
	// no copy link claimed, 0 and 0 wrong; 12 families, 01:09, two more
	// labelled and committed before the engine saw them: 16 and 20
	// directed, no copy link, 0 and 0 wrong), not tuned.
	floor := map[string]map[Mode]int{"shared": {Bare: 50, WithMetadata: 55}, "own": {Bare: 51, WithMetadata: 58}, "fresh": {Bare: 44, WithMetadata: 51},
		"fresh2": {Bare: 28, WithMetadata: 29}, "fresh3": {Bare: 24, WithMetadata: 28}, "fresh4": {Bare: 42, WithMetadata: 42}, "fresh5": {Bare: 16, WithMetadata: 20}}
	wrongCeiling := map[string]map[Mode]int{"fresh5": {Bare: 0, WithMetadata: 0}} // its first runs, 2026-12-08 01:05 and 01:09
	for _, s := range rows {
		if s.UnrelatedCopies > 0 {
			t.Errorf("%s, %s: %d copy links across unrelated stories", s.Set, s.Mode, s.UnrelatedCopies)
		}
		if want, ok := floor[s.Set][s.Mode]; ok && s.Directed < want {
			t.Errorf("%s, %s: %d copies with a directed link or a named common source, fewer than the %d measured", s.Set, s.Mode, s.Directed, want)
		}
		if HeldOut(s.Set) {
			ceiling, ok := wrongCeiling[s.Set][s.Mode]
			switch {
			case !ok:
				t.Errorf("%s, %s: a held-out set without a measured ceiling of wrong copy links", s.Set, s.Mode)
			case s.Wrong > ceiling:
				t.Errorf("%s (held out), %s: %d wrong copy links, more than the %d measured", s.Set, s.Mode, s.Wrong, ceiling)
			}
			continue
		}
		// Issue 11's target: directed links right ≥ 0.97 in every set and
		// mode; and no sibling reprint called the copy of another.
		if s.Right+s.Wrong > 0 && s.DirectionRight() < 0.97 {
			t.Errorf("%s, %s: directed links right %.3f (%d of %d), below 0.97", s.Set, s.Mode, s.DirectionRight(), s.Right, s.Right+s.Wrong)
		}
		if s.Siblings > 0 {
			t.Errorf("%s, %s: %d sibling copies called a copy of one another", s.Set, s.Mode, s.Siblings)
		}
	}
}

// TestHeldOutSetLeftOutOfPooledTables: the clue, claim and reliability
// tables pool only the sets rules are tuned on; a held-out set's row is in
// the main table but its tallies are in no pooled figure.
func TestHeldOutSetLeftOutOfPooledTables(t *testing.T) {
	row := func(set string, fired, right int) *RealScore {
		bins := NewBins()
		bins[len(bins)-1].Links, bins[len(bins)-1].Right = fired, right
		return &RealScore{Set: set, Mode: Bare, Families: 1,
			Clues:  map[string]*ClueTally{"date": {Fired: fired, Right: right}},
			Claims: map[string]*ClueTally{"date": {Fired: fired, Right: right}},
			Bins:   bins}
	}
	var b strings.Builder
	WriteRealWorld(&b, []*RealScore{row("shared", 3, 2), row("fresh5", 40, 1)})
	out := b.String()
	for _, want := range []string{"| fresh5 (1) | bare files |", "| date | 3 | 2 | 0.67 |", "| date | 3 | 2 |\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"| date | 43 |", "| 43 |"} {
		if strings.Contains(out, not) {
			t.Errorf("a held-out tally is pooled (%q):\n%s", not, out)
		}
	}
	if !HeldOut("fresh5") || HeldOut("fresh4") || HeldOut("fresh3") || HeldOut("fresh2") || HeldOut("fresh") || HeldOut("own") || HeldOut("shared") {
		t.Error("fresh5 is the held-out set; fresh4, fresh3, fresh2, fresh, own and shared are tuned on")
	}
}

// TestNamedSourceMustBeTheLabelled: a named common-source link counts for
// its pages only when it names the family's labelled common source, by
// its name, a known outlet's alias or its distinctive words.
func TestNamedSourceMustBeTheLabelled(t *testing.T) {
	link := func(why string) provenance.Link {
		return provenance.Link{Kind: provenance.LinkCommonSource, Reasons: []string{lineage.NamedSourceReason + why}}
	}
	fam := func(src string) *Family { return &Family{Truth: Truth{CommonSource: src}} }
	cases := []struct {
		source, why string
		want        bool
	}{
		{"The Associated Press", "both took from Associated Press, which is not in the collection", true},
		{"The Associated Press", "both name AP as their source (“(AP) —”)", true},
		{"Oxfam International", "both carry Oxfam’s report: they took it from Oxfam’s report", true},
		{"Max Planck Society", "the text is Max Planck Institute for Ornithology's", true},
		{"ISRO and PTI", "both took from Press Trust of India, which is not in the collection", true},
		{"Oxfam International", "both took from CNN, which is not in the collection", false},
		{"The Associated Press", "both took from Reuters, which is not in the collection", false},
		{"University of Georgia", "both took from a statement by Georgians (a release …)", false},
		{"", "both took from ScienceDaily, which is not in the collection", true},
	}
	for _, c := range cases {
		if got := namesFamilySource(link(c.why), fam(c.source)); got != c.want {
			t.Errorf("%q named %q: %v, want %v", c.source, c.why, got, c.want)
		}
	}
}
