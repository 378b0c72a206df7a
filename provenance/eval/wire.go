package eval

import (
	"context"
	"fmt"
	"io"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
)

// WireScore measures the lineage layer on generated wire rewrites: news
// agency copy rewritten the same day by newspapers, and same-event stories
// written independently.
type WireScore struct {
	Mode  Mode
	Cases int
	// Derived are the rewritten stories; Claimed of them got a copy link
	// from the agency story; Linked a link of any kind from it.
	Derived, Claimed, Linked int
	// Reversed are copy links from a newspaper to the agency (the direction
	// that never happens here); PaperToPaper copy links between two papers
	// that both rewrote the agency story.
	Reversed, PaperToPaper int
	// Independent are the same-event stories; IndependentLinked of them got
	// a link of any kind.
	Independent, IndependentLinked int
	Failures                       []string
}

// ClaimRate is the share of derived stories with a copy claim from the agency.
func (s *WireScore) ClaimRate() float64 { return ratio(s.Claimed, s.Derived) }

// IndependentRate is the share of independent stories flagged with any link.
func (s *WireScore) IndependentRate() float64 { return ratio(s.IndependentLinked, s.Independent) }

// RunWire scores n generated wire-rewrite cases. Bare strips every
// metadata field; WithMetadata gives outlets, the same-day dates and the
// roles (wire for the agency, newspaper for the papers).
func RunWire(ctx context.Context, run Runner, mode Mode, n int, seed int64) (*WireScore, error) {
	s := &WireScore{Mode: mode}
	for i := 0; i < n; i++ {
		c := lineages.GenerateWire(seed+int64(i), mode == WithMetadata)
		for j := range c.Docs {
			d := &c.Docs[j]
			switch {
			case mode == Bare:
				d.Meta = provenance.Metadata{}
			case d.ID == c.Agency:
				d.Meta.Role = provenance.Field{Value: string(provenance.RoleWire), Origin: provenance.OriginSidecar}
			default:
				d.Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginSidecar}
			}
		}
		r, err := run(ctx, c.Docs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Name, err)
		}
		s.add(c, r)
	}
	return s, nil
}

func (s *WireScore) add(c *lineages.WireCase, r *provenance.Result) {
	s.Cases++
	derived, indep := map[string]bool{}, map[string]bool{}
	for _, d := range c.Derived {
		derived[d] = true
	}
	for _, d := range c.Independent {
		indep[d] = true
	}
	claimed, linked, indepLinked := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, l := range r.Links {
		desc := fmt.Sprintf("%s: %s %s → %s (%.2f)", c.Name, l.Kind, l.Source, l.Target, l.Confidence)
		if indep[l.Source] || indep[l.Target] {
			indepLinked[l.Source], indepLinked[l.Target] = true, true
			s.Failures = append(s.Failures, "independent linked: "+desc)
			continue
		}
		agencyEnd := l.Source == c.Agency || l.Target == c.Agency
		switch {
		case agencyEnd && l.Kind == provenance.LinkCopy && l.Source == c.Agency:
			claimed[l.Target], linked[l.Target] = true, true
		case agencyEnd && l.Kind == provenance.LinkCopy:
			s.Reversed++
			s.Failures = append(s.Failures, "reversed: "+desc)
		case agencyEnd:
			linked[l.Source], linked[l.Target] = true, true
		case l.Kind == provenance.LinkCopy:
			s.PaperToPaper++
			s.Failures = append(s.Failures, "paper to paper: "+desc)
		}
	}
	for _, d := range c.Derived {
		s.Derived++
		if claimed[d] {
			s.Claimed++
		} else {
			s.Failures = append(s.Failures, fmt.Sprintf("%s: no copy claim agency → %s (linked %v)", c.Name, d, linked[d]))
		}
		if linked[d] {
			s.Linked++
		}
	}
	for _, d := range c.Independent {
		s.Independent++
		if indepLinked[d] {
			s.IndependentLinked++
		}
	}
}

// WriteWireTable writes one row per score.
func WriteWireTable(w io.Writer, rows []*WireScore) {
	fmt.Fprintln(w, "| mode | cases | derived stories | with a copy claim from the agency | linked to it | claims paper → agency | claims paper → paper | independent stories flagged |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, s := range rows {
		fmt.Fprintf(w, "| %s | %d | %d | %d (%.2f) | %d (%.2f) | %d | %d | %d / %d (%.2f) |\n", s.Mode, s.Cases, s.Derived,
			s.Claimed, s.ClaimRate(), s.Linked, ratio(s.Linked, s.Derived), s.Reversed, s.PaperToPaper,
			s.IndependentLinked, s.Independent, s.IndependentRate())
	}
}
