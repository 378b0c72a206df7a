package lineage

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// toDecide says, for a link whose direction is undecided, what would decide
// it, one clue a line in plain words: the dates or roles the library lacks,
// the credit lines neither text carries, the third text both may descend
// from. The user can then set a date or a role and see the link decide.
func toDecide(pv *pairView, hold string) []string {
	var out []string
	a, b := pv.a, pv.b
	switch {
	case !a.dated && !b.dated:
		out = append(out, fmt.Sprintf("no publication dates: add them to %s and %s in the library (the earlier one is the likelier source)", a.name(), b.name()))
	case !a.dated:
		out = append(out, fmt.Sprintf("%s has no publication date: add it in the library", a.name()))
	case !b.dated:
		out = append(out, fmt.Sprintf("%s has no publication date: add it in the library", b.name()))
	case sameDay(a, b):
		out = append(out, "both are dated the same day: add the times of publication in the library")
	}
	if a.role.role == provenance.RoleNone || b.role.role == provenance.RoleNone {
		var missing []string
		for _, d := range []*docInfo{a, b} {
			if d.role.role == provenance.RoleNone {
				missing = append(missing, d.name())
			}
		}
		out = append(out, fmt.Sprintf("no outlet role for %s: set in the library whether it is a wire agency, a press office, an aggregator, a newspaper or a blog",
			strings.Join(missing, " and ")))
	}
	if !a.creditsAny() && !b.creditsAny() {
		out = append(out, "neither text carries a credit line (“Provided by …”, “(AP) —”, “said in a news release”) naming where it took the text from")
	}
	for _, d := range []*docInfo{a, b} {
		for _, c := range d.credits {
			if c.self || c.source == "" {
				continue
			}
			o := other(pv, d)
			if ok, _ := o.isSource(c.source); !ok {
				out = append(out, fmt.Sprintf("%s credits %s (%s): if %s is %s's text, set its outlet to %s in the library",
					d.name(), c.source, c.marker, o.name(), c.source, c.source))
			}
			break
		}
	}
	if a.genre.genre == b.genre.genre && a.genre.genre == GenreArticle {
		out = append(out, "neither reads as a press release or a wire story")
	}
	if hold != "" {
		out = append(out, "withheld: "+hold)
	}
	if _, pos, neg := pv.score(); pos > 0 && neg > 0 {
		var fors, againsts []string
		for _, e := range pv.evidence {
			switch {
			case e.weight > 0:
				fors = append(fors, e.kind)
			case e.weight < 0:
				againsts = append(againsts, e.kind)
			}
		}
		out = append(out, fmt.Sprintf("the clues conflict: %s point one way, %s the other", strings.Join(uniq(fors), ", "), strings.Join(uniq(againsts), ", ")))
	}
	return out
}

// sameDay reports whether two dated documents fall on one calendar day
// with at least one of them dated without a time.
func sameDay(a, b *docInfo) bool {
	dateOnly := func(d *docInfo) bool { return !strings.Contains(d.doc.Meta.Published.Value, "T") }
	return (dateOnly(a) || dateOnly(b)) && a.when.Truncate(24*3600e9).Equal(b.when.Truncate(24*3600e9))
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
