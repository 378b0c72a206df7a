package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/scan"
)

// page is one loaded page with its labels.
type page struct {
	fam   *Family
	truth FileTruth
	id    string
}

// RealScore measures the lineage layer on families of real pages, scored
// as the families' README says: per copy, whether it has a directed link to
// its lineage (or a named common source); whether any link joins two
// families or an independent page (a false accusation when it is a copy
// link); and whether each claimed direction is right.
type RealScore struct {
	Set      string
	Mode     Mode
	Families int
	Pages    int
	// Copies are pages labelled copy; Linked of them share a link of any
	// kind with their lineage; Directed have a copy link from an ancestor
	// (or a common-source link naming their source when it is not in the
	// collection).
	Copies, Linked, Directed int
	// CopyLinks are all directed links claimed. Right point down a lineage;
	// Wrong accuse a page of copying one it does not descend from (across
	// families, to or from an independent page, between siblings, or
	// backwards); NotJudged point from a copy to a stand-in origin, whose
	// direction the labels cannot judge.
	CopyLinks, Right, Wrong, NotJudged int
	// Siblings are wrong copy links between two pages of one lineage,
	// neither descending from the other.
	Siblings int
	// Unrelated counts links of any kind across families or touching an
	// independent page; UnrelatedCopies those that are copy links.
	Unrelated, UnrelatedCopies int
	// Undirected counts unknown and common-source links within lineages.
	Undirected int
	Bins       []Bin
	// Clues tallies each direction clue on pairs of one lineage; Claims
	// the copy links by the set of clues that carried them (Fired: judged
	// claims, Right: right ones).
	Clues, Claims map[string]*ClueTally
	// Named counts the common-source links that name their source, by what
	// the labels say of the pair (NamedSiblings, NamedStandIn: one side is a
	// stand-in for the origin, NamedCopied: one copied the other, which
	// the link does not say; NamedUnrelated: different stories).
	Named, NamedSiblings, NamedStandIn, NamedCopied, NamedUnrelated int
	// NamedOther counts the named common-source links of a lineage whose
	// family's label names its common source, and which name another: they
	// give their pages no credit as directed.
	NamedOther int
	// Misses count the copies without a directed link to their source by
	// missCategory.
	Misses map[string]int
	// Failures say what went wrong, for -v.
	Failures []string
	// Pairs are every weighed pair's clues with the labels' direction,
	// for WriteClueDump.
	Pairs []PairDump
}

// PairDump is one weighed pair of a real-world run: its two pages, the
// direction the labels give ("a→b", "b→a", "stand-in", "siblings",
// "unrelated") and the clues that fired.
type PairDump struct {
	A, B  string
	Truth string
	Clues []lineage.Clue
}

// ClueTally counts how often a direction clue fired on a pair whose
// direction is known, and how often it pointed the right way.
type ClueTally struct{ Fired, Right, Siblings, Unrelated int }

// DirectedRate is the share of copies with a directed link to their source.
func (s *RealScore) DirectedRate() float64 { return ratio(s.Directed, s.Copies) }

// LinkedRate is the share of copies with a link of any kind to their lineage.
func (s *RealScore) LinkedRate() float64 { return ratio(s.Linked, s.Copies) }

// DirectionRight is the share of judged copy links that point the right way.
func (s *RealScore) DirectionRight() float64 { return ratio(s.Right, s.Right+s.Wrong) }

// RunRealWorld loads the families into one collection (so links across
// families are tested too), scans it with settings and scores it.
func RunRealWorld(ctx context.Context, fams []Family, mode Mode, roles Roles, settings provenance.Settings, set string) (*RealScore, *provenance.Result, error) {
	fsys, err := collectionFS(fams, mode, roles)
	if err != nil {
		return nil, nil, err
	}
	docs, _, errs := ingest.LoadFS(ctx, fsys, ingest.DefaultOptions())
	for _, e := range errs {
		return nil, nil, fmt.Errorf("loading the families: %s", e.Error())
	}
	r, err := scan.Run(ctx, docs, settings, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("scanning the families: %w", err)
	}
	clues, err := lineage.Clues(ctx, r)
	if err != nil {
		return nil, nil, err
	}
	s := &RealScore{Set: set, Mode: mode, Families: len(fams), Bins: NewBins(), Clues: map[string]*ClueTally{}, Claims: map[string]*ClueTally{}}
	byPath := map[string]*page{}
	for i := range fams {
		for _, ft := range fams[i].Truth.Files {
			byPath[fams[i].Name+"/"+ft.File] = &page{fam: &fams[i], truth: ft}
		}
	}
	pages := map[string]*page{}
	for _, d := range r.Documents {
		if p := byPath[d.Path]; p != nil {
			p.id = d.ID
			pages[d.ID] = p
		}
	}
	for _, d := range r.Duplicates {
		if p := byPath[d.Doc]; p != nil {
			s.Failures = append(s.Failures, fmt.Sprintf("%s: left out as a duplicate of %s", d.Doc, d.Original))
		}
	}
	s.Pages = len(pages)
	s.score(r, pages)
	s.tallyClues(clues, pages)
	s.tallyClaims(r, clues, pages)
	return s, r, nil
}

// tallyClaims counts the copy links by the set of clues that carried their
// direction, and how many of each set were right.
func (s *RealScore) tallyClaims(r *provenance.Result, clues []lineage.PairClues, pages map[string]*page) {
	by := map[[2]string][]lineage.Clue{}
	for _, pc := range clues {
		by[[2]string{pc.A, pc.B}] = pc.Clues
		for i := range pc.Clues {
			c := pc.Clues[i]
			c.Weight = -c.Weight
			by[[2]string{pc.B, pc.A}] = append(by[[2]string{pc.B, pc.A}], c)
		}
	}
	for _, l := range r.Links {
		a, b := pages[l.Source], pages[l.Target]
		if l.Kind != provenance.LinkCopy || a == nil || b == nil {
			continue
		}
		kinds := map[string]bool{}
		for _, c := range by[[2]string{l.Source, l.Target}] {
			if c.Weight > 0 {
				kinds[c.Kind] = true
			}
		}
		var names []string
		for k := range kinds {
			names = append(names, k)
		}
		sort.Strings(names)
		key := strings.Join(names, " + ")
		t := s.Claims[key]
		if t == nil {
			t = &ClueTally{}
			s.Claims[key] = t
		}
		switch {
		case descends(a, b):
			t.Fired++
			t.Right++
		case related(a, b) && b.standIn() && descends(b, a):
		default:
			t.Fired++
		}
	}
}

// ancestors lists the pages p copies from, nearest first.
func (p *page) ancestors() []string {
	var out []string
	seen := map[string]bool{}
	cur := p.truth
	for cur.CopiesFrom != nil && !seen[*cur.CopiesFrom] {
		a := *cur.CopiesFrom
		seen[a] = true
		out = append(out, a)
		found := false
		for _, ft := range p.fam.Truth.Files {
			if ft.File == a {
				cur, found = ft, true
			}
		}
		if !found {
			break
		}
	}
	return out
}

// descends reports whether text flowed from a to b in the labels.
func descends(a, b *page) bool {
	if a.fam != b.fam {
		return false
	}
	for _, x := range b.ancestors() {
		if x == a.truth.File {
			return true
		}
	}
	return false
}

func (p *page) lineage() bool { return p.truth.Role == PageOrigin || p.truth.Role == PageCopy }

func (p *page) standIn() bool {
	o := p.fam.Truth.OriginFile
	return p.fam.Truth.OriginIsProxy && o != nil && p.truth.File == *o
}

// quotesSameSource reports whether the labels say a and b share only a
// quotation of one statement (a common-source link between them is right).
func quotesSameSource(a, b *page) bool {
	if a.fam != b.fam {
		return false
	}
	for _, x := range [][2]*page{{a, b}, {b, a}} {
		for _, f := range x[0].truth.QuotesSameSourceAs {
			if f == x[1].truth.File {
				return true
			}
		}
	}
	return false
}

func (p *page) name() string { return p.fam.Name + "/" + p.truth.File }

// related reports whether a and b belong to one lineage.
func related(a, b *page) bool { return a.fam == b.fam && a.lineage() && b.lineage() }

func (s *RealScore) score(r *provenance.Result, pages map[string]*page) {
	directed := map[string]bool{}
	linked := map[string]bool{}
	between := map[[2]string]provenance.LinkKind{}
	for _, l := range r.Links {
		a, b := pages[l.Source], pages[l.Target]
		if a == nil || b == nil {
			continue
		}
		between[[2]string{a.name(), b.name()}] = l.Kind
		desc := fmt.Sprintf("%s %s → %s (%.2f)", l.Kind, a.name(), b.name(), l.Confidence)
		if named(l) {
			s.countNamed(a, b)
		}
		if l.Kind == provenance.LinkCommonSource && quotesSameSource(a, b) {
			s.Undirected++
			continue
		}
		if !related(a, b) {
			s.Unrelated++
			if l.Kind == provenance.LinkCopy {
				s.UnrelatedCopies++
			}
			s.Failures = append(s.Failures, "unrelated: "+desc+": "+strings.Join(l.Reasons, " | "))
		} else {
			linked[a.id], linked[b.id] = true, true
		}
		if l.Kind != provenance.LinkCopy {
			if related(a, b) {
				s.Undirected++
				if named(l) {
					if namesFamilySource(l, a.fam) {
						for _, p := range []*page{a, b} {
							if noSourceInCollection(p) {
								directed[p.id] = true
							}
						}
					} else {
						s.NamedOther++
						s.Failures = append(s.Failures, "named another source than the label's ("+a.fam.Truth.CommonSource+"): "+desc+": "+firstReasons(l, 2))
					}
				}
				s.Failures = append(s.Failures, "undirected: "+desc+": "+firstReasons(l, 6))
			}
			continue
		}
		s.CopyLinks++
		right := false
		switch {
		case descends(a, b):
			right = true
			s.Right++
			directed[b.id] = true
		case related(a, b) && b.standIn() && descends(b, a):
			s.NotJudged++
			s.Failures = append(s.Failures, "not judged (to a stand-in): "+desc)
			continue
		default:
			s.Wrong++
			if related(a, b) {
				if !descends(b, a) {
					s.Siblings++
					s.Failures = append(s.Failures, "sibling: "+desc+": "+strings.Join(l.Reasons, " | "))
				} else {
					s.Failures = append(s.Failures, "backwards: "+desc+": "+strings.Join(l.Reasons, " | "))
				}
			}
		}
		for i := range s.Bins {
			if l.Confidence >= s.Bins[i].Lo && l.Confidence < s.Bins[i].Hi {
				s.Bins[i].Links++
				if right {
					s.Bins[i].Right++
				}
			}
		}
	}
	ids := make([]string, 0, len(pages))
	for id := range pages {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return pages[ids[i]].name() < pages[ids[j]].name() })
	for _, id := range ids {
		p := pages[id]
		if p.truth.Role != PageCopy {
			continue
		}
		s.Copies++
		if linked[id] {
			s.Linked++
		}
		if directed[id] {
			s.Directed++
		} else {
			why := "no link"
			if linked[id] {
				why = "no directed link"
			}
			cat := missCategory(p, between)
			if s.Misses == nil {
				s.Misses = map[string]int{}
			}
			s.Misses[cat]++
			s.Failures = append(s.Failures, fmt.Sprintf("missed: %s (%s; copies from %s) [%s]", p.name(), why, strings.Join(p.ancestors(), " ← "), cat))
		}
	}
}

// Miss categories: why a copy has no directed link to its source.
const (
	MissNoSource     = "its source is not in the collection (or only a stand-in is), no named common source"
	MissUndirected   = "linked to its source, no direction"
	MissBackwards    = "linked to its source, direction backwards"
	MissSiblingsOnly = "linked only to other copies (source in the collection)"
	MissNoLink       = "no link to its lineage"
)

// missCategory sorts a copy without a directed link to its source by what
// links it has to its lineage (between: the kind of the link joining two
// pages, by name, in the link's direction).
func missCategory(p *page, between map[[2]string]provenance.LinkKind) string {
	if noSourceInCollection(p) {
		return MissNoSource
	}
	backwards := false
	for _, anc := range p.ancestors() {
		a := p.fam.Name + "/" + anc
		if k, ok := between[[2]string{a, p.name()}]; ok && k != provenance.LinkCopy {
			return MissUndirected
		}
		if _, ok := between[[2]string{p.name(), a}]; ok {
			if between[[2]string{p.name(), a}] != provenance.LinkCopy {
				return MissUndirected
			}
			backwards = true
		}
	}
	if backwards {
		return MissBackwards
	}
	for k := range between {
		if k[0] == p.name() || k[1] == p.name() {
			other := k[0]
			if other == p.name() {
				other = k[1]
			}
			if strings.HasPrefix(other, p.fam.Name+"/") {
				return MissSiblingsOnly
			}
		}
	}
	return MissNoLink
}

// countNamed files a named common-source link between a and b by what the
// labels say of the pair.
func (s *RealScore) countNamed(a, b *page) {
	s.Named++
	switch {
	case !related(a, b):
		s.NamedUnrelated++
	case a.standIn() || b.standIn():
		s.NamedStandIn++
	case descends(a, b) || descends(b, a):
		s.NamedCopied++
	default:
		s.NamedSiblings++
	}
}

// namesFamilySource reports whether a named common-source link names the
// source the family's label gives (truth.json's common_source: one name,
// or several joined by "and"), by the name, a known outlet's alias ("AP"
// for The Associated Press) or the name's distinctive words ("Oxfam" for
// Oxfam International, "Max Planck" for the Max Planck Society). A family
// whose label names no common source (its origin, or a stand-in, is in the
// collection) accepts any name: the labels cannot judge it.
func namesFamilySource(l provenance.Link, fam *Family) bool {
	if fam.Truth.CommonSource == "" {
		return true
	}
	why := l.CommonSource // the source as the link names it; older results say it only in the reasons
	if why == "" {
		why = strings.Join(l.Reasons, " ")
	}
	for _, part := range strings.Split(fam.Truth.CommonSource, " and ") {
		names := append([]string{strings.TrimPrefix(strings.TrimSpace(part), "The ")}, lineage.KnownNames(part)...)
		for _, n := range names {
			if n != "" && lineage.MentionsName(why, n) {
				return true
			}
		}
		if words := distinctiveWords(part); len(words) > 0 {
			all := true
			for _, w := range words {
				all = all && lineage.MentionsName(why, w)
			}
			if all {
				return true
			}
		}
	}
	return false
}

// genericWords are the words of an organisation's name that do not tell
// it apart.
var genericWords = map[string]bool{"the": true, "of": true, "international": true, "society": true, "university": true,
	"institute": true, "news": true, "agency": true, "press": true, "for": true, "and": true}

// distinctiveWords are a name's words but the generic ones.
func distinctiveWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if !genericWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// named reports whether a common-source link names the source both took from.
func named(l provenance.Link) bool {
	return l.Kind == provenance.LinkCommonSource && len(l.Reasons) > 0 && strings.HasPrefix(l.Reasons[0], lineage.NamedSourceReason)
}

// noSourceInCollection: a copy whose source the family does not hold —
// none is labelled, or the nearest one is a stand-in for an origin outside
// the store. A common-source link that names the source is then the right
// answer.
func noSourceInCollection(p *page) bool {
	if p.truth.Role != PageCopy {
		return false
	}
	if p.truth.CopiesFrom == nil {
		return true
	}
	for _, ft := range p.fam.Truth.Files {
		if ft.File == *p.truth.CopiesFrom {
			q := &page{fam: p.fam, truth: ft}
			return q.standIn()
		}
	}
	return false
}

func firstReasons(l provenance.Link, n int) string {
	rs := l.Reasons
	if len(rs) > n {
		rs = rs[:n]
	}
	return strings.Join(rs, " | ")
}

// tallyClues counts, per clue kind, how often it fired on a pair of one
// lineage whose direction the labels know, and how often it was right; and
// how often it fired on unrelated pairs.
func (s *RealScore) tallyClues(clues []lineage.PairClues, pages map[string]*page) {
	for _, pc := range clues {
		a, b := pages[pc.A], pages[pc.B]
		if a == nil || b == nil {
			continue
		}
		aFirst, bFirst := descends(a, b), descends(b, a)
		truth := "siblings"
		switch {
		case !related(a, b):
			truth = "unrelated"
		case aFirst:
			truth = "a→b"
		case bFirst:
			truth = "b→a"
		}
		if related(a, b) && (a.standIn() || b.standIn()) {
			truth += " (stand-in)"
		}
		s.Pairs = append(s.Pairs, PairDump{A: a.name(), B: b.name(), Truth: truth, Clues: pc.Clues})
		for _, c := range pc.Clues {
			if c.Weight == 0 {
				continue
			}
			t := s.Clues[c.Kind]
			if t == nil {
				t = &ClueTally{}
				s.Clues[c.Kind] = t
			}
			switch {
			case !related(a, b):
				t.Unrelated++
			case aFirst || bFirst:
				// Pairs with a stand-in origin count too: the stand-in is a
				// verbatim repost of the origin, so the text flowed from it.
				t.Fired++
				if (c.Weight > 0) == aFirst {
					t.Right++
				}
			default:
				t.Fired++ // siblings: any direction is wrong
				t.Siblings++
			}
		}
	}
}

// WriteRealTable writes one row per score as a Markdown table.
func WriteRealTable(w io.Writer, rows []*RealScore) {
	fmt.Fprintln(w, "| families | mode | pages | copies | linked to their lineage | directed link to their source | copy links | right | wrong (siblings) | to a stand-in (not judged) | directed links right | links across unrelated stories (copy links) | undirected links in lineages |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, s := range rows {
		fmt.Fprintf(w, "| %s (%d) | %s | %d | %d | %d (%.2f) | %d (%.2f) | %d | %d | %d (%d) | %d | %.3f | %d (%d) | %d |\n",
			s.Set, s.Families, s.Mode, s.Pages, s.Copies, s.Linked, s.LinkedRate(), s.Directed, s.DirectedRate(),
			s.CopyLinks, s.Right, s.Wrong, s.Siblings, s.NotJudged, s.DirectionRight(), s.Unrelated, s.UnrelatedCopies, s.Undirected)
	}
}

// WriteClueTable writes, per clue, how often it fired on lineage pairs of
// known direction and how often it was right, pooled over rows.
func WriteClueTable(w io.Writer, rows []*RealScore) {
	pooled := map[string]*ClueTally{}
	for _, s := range rows {
		for k, t := range s.Clues {
			p := pooled[k]
			if p == nil {
				p = &ClueTally{}
				pooled[k] = p
			}
			p.Fired += t.Fired
			p.Right += t.Right
			p.Siblings += t.Siblings
			p.Unrelated += t.Unrelated
		}
	}
	kinds := make([]string, 0, len(pooled))
	for k := range pooled {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if pooled[kinds[i]].Fired != pooled[kinds[j]].Fired {
			return pooled[kinds[i]].Fired > pooled[kinds[j]].Fired
		}
		return kinds[i] < kinds[j] // ties in name order, not the map's
	})
	fmt.Fprintln(w, "| clue | fired on lineage pairs | right | share right | of which between siblings (all wrong) | fired on unrelated pairs |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, k := range kinds {
		t := pooled[k]
		fmt.Fprintf(w, "| %s | %d | %d | %.2f | %d | %d |\n", k, t.Fired, t.Right, ratio(t.Right, t.Fired), t.Siblings, t.Unrelated)
	}
}

// WriteClaimTable writes, per set of clues that carried a copy claim, how
// many judged claims there were and how many were right, pooled over rows.
func WriteClaimTable(w io.Writer, rows []*RealScore) {
	pooled := map[string]*ClueTally{}
	for _, s := range rows {
		for k, t := range s.Claims {
			p := pooled[k]
			if p == nil {
				p = &ClueTally{}
				pooled[k] = p
			}
			p.Fired += t.Fired
			p.Right += t.Right
		}
	}
	keys := make([]string, 0, len(pooled))
	for k := range pooled {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if pooled[keys[i]].Fired != pooled[keys[j]].Fired {
			return pooled[keys[i]].Fired > pooled[keys[j]].Fired
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintln(w, "| clues carrying the claim | copy claims judged | right |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, k := range keys {
		fmt.Fprintf(w, "| %s | %d | %d |\n", k, pooled[k].Fired, pooled[k].Right)
	}
}

// PoolBins adds up the reliability bins of several scores.
func PoolBins(rows []*RealScore) []Bin {
	bins := NewBins()
	for _, s := range rows {
		for i, b := range s.Bins {
			bins[i].Links += b.Links
			bins[i].Right += b.Right
		}
	}
	return bins
}

// WriteClueDump writes every weighed pair whose pages' names contain
// filter, with the labels' direction and each clue (weight > 0 favours A).
func (s *RealScore) WriteClueDump(w io.Writer, filter string) {
	for _, p := range s.Pairs {
		if !strings.Contains(p.A, filter) && !strings.Contains(p.B, filter) {
			continue
		}
		fmt.Fprintf(w, "%s / %s: A=%s B=%s truth %s\n", s.Set, s.Mode, p.A, p.B, p.Truth)
		for _, c := range p.Clues {
			fmt.Fprintf(w, "    %+.2f %-18s %s\n", c.Weight, c.Kind, c.Reason)
		}
	}
}
