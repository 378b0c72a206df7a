package eval

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

//go:embed labels/roles.csv
var rolesCSV []byte

// KnownRoles are the outlet roles labelled for the real-world families'
// pages (labels/roles.csv).
func KnownRoles() (Roles, error) { return ReadRoles(bytes.NewReader(rolesCSV), "labels/roles.csv") }

// FamilySet is one collection of real-world families: the shared ones the
// lineage rules were first tuned on, our own (tuned on since 2026-12-07
// afternoon), the fresh ones (held out that afternoon, tuned on since the
// evening), the fresh2 ones (held out that evening, tuned on since the
// night), the fresh3 ones (held out that night, tuned on since 2026-12-08
// 00:20 once their false accusations were fixed), the fresh4 ones (held out
// from 00:20, tuned on since 01:10 once theirs were) or the fresh5 ones,
// held out.
type FamilySet struct {
	Name     string
	Families []Family
}

// heldOut names the family sets that are measured and never tuned on: no
// rule, weight or calibration may be set from their results, so the pooled
// clue, claim and reliability tables leave them out.
var heldOut = map[string]bool{"fresh5": true}

// HeldOut reports whether the named family set is held out (measured, never
// tuned on).
func HeldOut(set string) bool { return heldOut[set] }

// familySets are the family sets, each with its folder beside the module
// root, in the order they were built (each later set is disjoint from the
// earlier ones: TestLabelSetsAreDisjoint).
var familySets = []struct{ name, dir string }{{"shared", "shared/realworld"}, {"own", "realworld-own"}, {"fresh", "realworld-fresh"},
	{"fresh2", "realworld-fresh2"}, {"fresh3", "realworld-fresh3"}, {"fresh4", "realworld-fresh4"}, {"fresh5", "realworld-fresh5"}}

// RealWorldSets finds the family collections beside the module root:
// shared/realworld, realworld-own, realworld-fresh, realworld-fresh2,
// realworld-fresh3 and realworld-fresh4 (the sets rules are tuned on) and
// realworld-fresh5 (held out). A missing
// folder is reported in missing and left out.
func RealWorldSets() (sets []FamilySet, missing []string, err error) {
	for _, s := range familySets {
		dir, ferr := FindBesideModule(s.dir)
		if ferr != nil {
			missing = append(missing, fmt.Sprintf("%s families not used: %v", s.name, ferr))
			continue
		}
		fams, err := LoadFamilies(dir, s.name)
		if err != nil {
			return nil, nil, err
		}
		sets = append(sets, FamilySet{s.name, fams})
	}
	return sets, missing, nil
}

// RunRealWorldSets scores every set in both modes.
func RunRealWorldSets(ctx context.Context, sets []FamilySet, settings provenance.Settings) ([]*RealScore, error) {
	roles, err := KnownRoles()
	if err != nil {
		return nil, err
	}
	var rows []*RealScore
	for _, set := range sets {
		for _, mode := range []Mode{Bare, WithMetadata} {
			s, _, err := RunRealWorld(ctx, set.Families, mode, roles, settings, set.Name)
			if err != nil {
				return nil, fmt.Errorf("%s families, %s: %w", set.Name, mode, err)
			}
			rows = append(rows, s)
		}
	}
	return rows, nil
}

// WriteRealWorld writes the real-world tables: the scores, the reliability
// of the confidence pooled over every row, and how often each clue fired
// and was right.
func WriteRealWorld(w io.Writer, rows []*RealScore) {
	WriteRealTable(w, rows)
	var tuning []*RealScore
	for _, s := range rows {
		if !HeldOut(s.Set) {
			tuning = append(tuning, s)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Reliability of the confidence on real pages (every set rules are tuned on and every mode pooled, held-out sets left out; copy links to a stand-in origin are not judged):")
	fmt.Fprintln(w)
	WriteBins(w, PoolBins(tuning))
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Direction clues on pairs of one lineage (direction known from the labels; held-out sets left out):")
	fmt.Fprintln(w)
	WriteClueTable(w, tuning)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Copy claims by the clues that carried them (judged claims only; held-out sets left out):")
	fmt.Fprintln(w)
	WriteClaimTable(w, tuning)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Common-source links that name their source, by what the labels say of the pair:")
	fmt.Fprintln(w)
	WriteNamedTable(w, rows)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Copies without a directed link to their source, by what links they have:")
	fmt.Fprintln(w)
	WriteMissTable(w, rows)
}

// WriteMissTable writes, per row, how many copies missed a directed link to
// their source in each miss category.
func WriteMissTable(w io.Writer, rows []*RealScore) {
	cats := []string{MissUndirected, MissSiblingsOnly, MissNoSource, MissBackwards, MissNoLink}
	fmt.Fprint(w, "| families | mode | missed")
	for _, c := range cats {
		fmt.Fprintf(w, " | %s", c)
	}
	fmt.Fprintln(w, " |")
	fmt.Fprintln(w, "|---|---|---"+strings.Repeat("|---", len(cats))+"|")
	for _, s := range rows {
		fmt.Fprintf(w, "| %s | %s | %d", s.Set, s.Mode, s.Copies-s.Directed)
		for _, c := range cats {
			fmt.Fprintf(w, " | %d", s.Misses[c])
		}
		fmt.Fprintln(w, " |")
	}
}

// WriteNamedTable writes, per row, the named common-source links by what
// the labels say of the two pages.
func WriteNamedTable(w io.Writer, rows []*RealScore) {
	fmt.Fprintln(w, "| families | mode | named common sources | between sibling copies | with a stand-in for the origin | where one copied the other | across unrelated stories | naming another source than the label's (no credit) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, s := range rows {
		fmt.Fprintf(w, "| %s | %s | %d | %d | %d | %d | %d | %d |\n", s.Set, s.Mode, s.Named, s.NamedSiblings, s.NamedStandIn, s.NamedCopied, s.NamedUnrelated, s.NamedOther)
	}
}
