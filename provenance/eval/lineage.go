package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
)

// Runner turns documents into a finished result (scan.Run with settings).
type Runner func(ctx context.Context, docs []provenance.Document) (*provenance.Result, error)

// Bin is one row of the reliability table: directed links claimed with a
// confidence in [Lo, Hi) and how many of them pointed the right way.
type Bin struct {
	Lo, Hi       float64
	Links, Right int
}

// LineageScore is the measure of the lineage layer over a set of cases.
type LineageScore struct {
	Cases int
	// TrueEdges are direct copies in the ground truth; Found of them got a
	// link of any kind, Directed a copy link, RightWay the right direction.
	TrueEdges, Found, Directed, RightWay int
	// CopyLinks are all directed links claimed; Direct of them are true
	// direct edges, Indirect point down an indirect path, Wrong accuse a
	// document of copying one it did not descend from.
	CopyLinks, Direct, Indirect, Wrong int
	// CommonPairs, CommonFound: common-source pairs and those reported so.
	CommonPairs, CommonFound int
	// IndependentPairs, IndependentLinked: same-topic texts, and links between them.
	IndependentPairs, IndependentLinked int
	Bins                                []Bin
	// FalseNumbers counts number-changed mutations: the generator changes no
	// number, only date formats ("1 July" → "July 1"), so each is an error.
	// Hedges counts hedge-dropped mutations found.
	FalseNumbers, Hedges int
	// Failures describe wrong links for the report.
	Failures []string
}

// NewLineageScore makes an empty score with ten confidence bins.
func NewLineageScore() *LineageScore {
	s := &LineageScore{Bins: NewBins()}
	return s
}

// NewBins makes the reliability bins 0.5–0.6 … 0.9–1.0.
func NewBins() []Bin {
	var bins []Bin
	for i := 5; i < 10; i++ {
		bins = append(bins, Bin{Lo: float64(i) / 10, Hi: float64(i+1) / 10})
	}
	bins[len(bins)-1].Hi = 1.0001
	return bins
}

// Add scores one case's result.
func (s *LineageScore) Add(c *lineages.Case, r *provenance.Result) {
	s.Cases++
	links := map[[2]string]provenance.Link{}
	for _, l := range r.Links {
		links[key(l.Source, l.Target)] = l
	}
	for _, e := range c.Edges {
		s.TrueEdges++
		l, ok := links[key(e[0], e[1])]
		if !ok {
			s.Failures = append(s.Failures, fmt.Sprintf("%s: missed %s → %s", c.Name, e[0], e[1]))
			continue
		}
		s.Found++
		if l.Kind == provenance.LinkCopy {
			s.Directed++
			if l.Source == e[0] {
				s.RightWay++
			}
		}
	}
	for _, l := range r.Links {
		if l.Kind != provenance.LinkCopy {
			continue
		}
		s.CopyLinks++
		right := c.Descends(l.Source, l.Target)
		switch {
		case isEdge(c, l.Source, l.Target):
			s.Direct++
		case right:
			s.Indirect++
			s.Failures = append(s.Failures, fmt.Sprintf("%s: indirect link %s → %s (%.2f)", c.Name, l.Source, l.Target, l.Confidence))
		default:
			s.Wrong++
			s.Failures = append(s.Failures, fmt.Sprintf("%s: wrong link %s → %s (%.2f): %s", c.Name, l.Source, l.Target, l.Confidence, strings.Join(l.Reasons, " | ")))
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
	for _, m := range r.Mutations {
		switch m.Kind {
		case provenance.MutationNumber:
			s.FalseNumbers++
			s.Failures = append(s.Failures, fmt.Sprintf("%s: false number change %q → %q", c.Name, m.SourceText, m.TargetText))
		case provenance.MutationHedge:
			s.Hedges++
		}
	}
	for _, p := range c.Common {
		s.CommonPairs++
		if l, ok := links[key(p[0], p[1])]; ok && l.Kind == provenance.LinkCommonSource {
			s.CommonFound++
		} else {
			got := "no link"
			if ok {
				got = string(l.Kind) + " " + l.Source + " → " + l.Target + ": " + strings.Join(l.Reasons, " | ")
			}
			s.Failures = append(s.Failures, fmt.Sprintf("%s: common source %s / %s reported as %s", c.Name, p[0], p[1], got))
		}
	}
	for _, p := range c.Independent {
		s.IndependentPairs++
		if _, ok := links[key(p[0], p[1])]; ok {
			s.IndependentLinked++
			s.Failures = append(s.Failures, fmt.Sprintf("%s: independent texts %s / %s linked", c.Name, p[0], p[1]))
		}
	}
}

func isEdge(c *lineages.Case, a, b string) bool {
	for _, e := range c.Edges {
		if e[0] == a && e[1] == b {
			return true
		}
	}
	return false
}

func key(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// DirectionAccuracy is the share of true edges claimed as copies that point the right way.
func (s *LineageScore) DirectionAccuracy() float64 { return ratio(s.RightWay, s.Directed) }

// Precision is the share of copy links that are true direct edges.
func (s *LineageScore) Precision() float64 { return ratio(s.Direct, s.CopyLinks) }

// Recall is the share of true edges found as a link of any kind.
func (s *LineageScore) Recall() float64 { return ratio(s.Found, s.TrueEdges) }

// DirectedRecall is the share of true edges found as copies the right way.
func (s *LineageScore) DirectedRecall() float64 { return ratio(s.RightWay, s.TrueEdges) }

// CommonRate is the share of common-source pairs reported as such.
func (s *LineageScore) CommonRate() float64 { return ratio(s.CommonFound, s.CommonPairs) }

// RunLineages generates n cases per language for mode and scores them.
func RunLineages(ctx context.Context, run Runner, mode lineages.DateMode, n int, seed int64) (*LineageScore, error) {
	s := NewLineageScore()
	for i := 0; i < n; i++ {
		for _, fr := range []bool{false, true} {
			c := lineages.Generate(seed+int64(i), mode, fr)
			r, err := run(ctx, c.Docs)
			if err != nil {
				return nil, fmt.Errorf("case %s: %w", c.Name, err)
			}
			s.Add(c, r)
		}
	}
	return s, nil
}

// WriteLineageTable writes the summary row of each mode as a Markdown table.
func WriteLineageTable(w io.Writer, rows map[lineages.DateMode]*LineageScore) {
	fmt.Fprintln(w, "| dates | cases | edge precision | recall (any link) | directed recall | direction accuracy | wrong arrows | indirect arrows | common-source rate | independent pairs linked | false number changes |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|")
	for _, m := range []lineages.DateMode{lineages.AllDates, lineages.SomeDates, lineages.NoDates} {
		s := rows[m]
		if s == nil {
			continue
		}
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %d / %d | %d | %.3f | %d / %d | %d |\n", m, s.Cases, s.Precision(), s.Recall(), s.DirectedRecall(),
			s.DirectionAccuracy(), s.Wrong, s.CopyLinks, s.Indirect, s.CommonRate(), s.IndependentLinked, s.IndependentPairs, s.FalseNumbers)
	}
}

// Pool adds up the reliability bins of several scores.
func Pool(rows map[lineages.DateMode]*LineageScore) *LineageScore {
	pooled := NewLineageScore()
	modes := make([]string, 0, len(rows))
	for m := range rows {
		modes = append(modes, string(m))
	}
	sort.Strings(modes)
	for _, m := range modes {
		for i, b := range rows[lineages.DateMode(m)].Bins {
			pooled.Bins[i].Links += b.Links
			pooled.Bins[i].Right += b.Right
		}
	}
	return pooled
}

// WriteReliability writes the pooled reliability table.
func WriteReliability(w io.Writer, rows map[lineages.DateMode]*LineageScore) {
	WriteBins(w, Pool(rows).Bins)
}

// WriteBins writes a reliability table: per confidence bin, the directed
// links claimed and the share that pointed the right way.
func WriteBins(w io.Writer, bins []Bin) {
	fmt.Fprintln(w, "| confidence claimed | links | right direction | observed share |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, b := range bins {
		hi := b.Hi
		if hi > 1 {
			hi = 1
		}
		fmt.Fprintf(w, "| %.1f–%.1f | %d | %d | %.3f |\n", b.Lo, hi, b.Links, b.Right, ratio(b.Right, b.Links))
	}
}
