package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// MaxFamilies caps how many families the report lists, widest first.
const MaxFamilies = 30

// familyView is one reused passage that travels across articles.
type familyView struct {
	Num, Reach, Words int
	Snippet           string
	Origin            *memberView // nil when no earliest witness was decided
	Members           []memberView
}

// memberView is one article's copy of a family's text.
type memberView struct {
	Label, Anchor, Outlet, Date, Opening string
}

// familiesSection is the Families section: the listed families and how
// many more there are.
type familiesSection struct {
	List  []familyView
	Total int
	More  int
}

// buildFamilies lists the families whose members are all among anchors'
// documents (every family in a whole report; in a comparison, those that
// live only in the two compared articles), widest reach first, then most
// words, capped at MaxFamilies.
func buildFamilies(r *result, anchors map[string]string) familiesSection {
	var fams []provenance.Family
	for _, f := range r.Families {
		if len(f.Members) < 2 {
			continue
		}
		all := true
		for _, m := range f.Members {
			if _, ok := anchors[m.Doc]; !ok {
				all = false
				break
			}
		}
		if all {
			fams = append(fams, f)
		}
	}
	sort.SliceStable(fams, func(i, j int) bool {
		if a, b := reach(fams[i]), reach(fams[j]); a != b {
			return a > b
		}
		return fams[i].Words > fams[j].Words
	})
	s := familiesSection{Total: len(fams)}
	if len(fams) > MaxFamilies {
		s.More = len(fams) - MaxFamilies
		fams = fams[:MaxFamilies]
	}
	for i, f := range fams {
		s.List = append(s.List, buildFamily(r, f, i+1, anchors))
	}
	return s
}

// reach counts the distinct articles a family lives in.
func reach(f provenance.Family) int {
	seen := map[string]bool{}
	for _, m := range f.Members {
		seen[m.Doc] = true
	}
	return len(seen)
}

func buildFamily(r *result, f provenance.Family, num int, anchors map[string]string) familyView {
	type dated struct {
		v  memberView
		t  time.Time
		ok bool
	}
	ms := make([]dated, 0, len(f.Members))
	for _, m := range f.Members {
		v := memberView{Label: label(r, m.Doc), Anchor: anchors[m.Doc], Date: "undated"}
		var t time.Time
		var ok bool
		if d := r.Doc(m.Doc); d != nil {
			v.Outlet = d.Meta.Outlet.Value
			if t, ok = d.Meta.PublishedTime(); ok {
				v.Date = displayDate(d.Meta.Published.Value)
			}
			v.Opening = opening(d.Text, m.Start, m.End, 12)
		}
		ms = append(ms, dated{v, t, ok})
	}
	// Dated members in date order, undated ones last, each in the
	// family's own order.
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].ok != ms[j].ok {
			return ms[i].ok
		}
		return ms[i].ok && ms[i].t.Before(ms[j].t)
	})
	fv := familyView{Num: num, Reach: reach(f), Words: f.Words, Snippet: f.Snippet}
	for _, m := range ms {
		fv.Members = append(fv.Members, m.v)
	}
	if f.Origin != "" {
		for _, m := range fv.Members {
			if m.Anchor != "" && m.Anchor == anchors[f.Origin] {
				o := m
				fv.Origin = &o
				break
			}
		}
		if fv.Origin == nil { // origin outside the listed members
			fv.Origin = &memberView{Label: label(r, f.Origin), Date: "undated"}
		}
	}
	if fv.Snippet == "" && len(fv.Members) > 0 {
		fv.Snippet = fv.Members[0].Opening
	}
	return fv
}

// opening returns the first n words of text[start:end] (offsets clamped),
// with an ellipsis when there are more.
func opening(text string, start, end, n int) string {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if start >= end {
		return ""
	}
	words := strings.Fields(text[start:end])
	if len(words) > n {
		return strings.Join(words[:n], " ") + " …"
	}
	return strings.Join(words, " ")
}

// familiesNote says how many families are not listed, or "".
func (s familiesSection) Note() string {
	if s.More == 0 {
		return ""
	}
	return fmt.Sprintf("The %d widest families are listed; %d more are not shown.", len(s.List), s.More)
}
