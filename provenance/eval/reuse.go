package eval

import (
	"context"
	"fmt"
	"io"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
)

// VerbatimScore measures a PAN-style collection: suspicious documents that
// insert verbatim passages of books.
type VerbatimScore struct {
	Insertions int
	// Found: a non-incidental passage covers at least 90% of the inserted
	// text. Incidental: a passage over the inserted text was called
	// incidental.
	Found, Incidental int
	// Right copy links point from a book to a document that inserted it;
	// Reversed point back; Siblings join two documents that inserted the
	// same passage.
	Right, Reversed, Siblings int
	Failures                  []string
}

// RunVerbatim scans a generated PAN-style collection and scores it.
func RunVerbatim(ctx context.Context, run Runner, vc *gen.VerbatimCorpus) (*VerbatimScore, error) {
	r, err := run(ctx, vc.Docs)
	if err != nil {
		return nil, fmt.Errorf("verbatim corpus: %w", err)
	}
	s := &VerbatimScore{}
	source := map[[2]string]bool{}
	for _, in := range vc.Insertions {
		source[[2]string{in.Book, in.Susp}] = true
	}
	for _, in := range vc.Insertions {
		s.Insertions++
		found := false
		best, bestIncidental, why := 0, false, ""
		for _, p := range r.Passages {
			span := provenance.Span{}
			switch {
			case p.A == in.Book && p.B == in.Susp:
				span = p.BSpan()
			case p.B == in.Book && p.A == in.Susp:
				span = p.ASpan()
			default:
				continue
			}
			ov := min(span.End, in.Span.End) - max(span.Start, in.Span.Start)
			if ov <= 0 {
				continue
			}
			if ov > best {
				best, bestIncidental, why = ov, p.Incidental, p.IncidentalReason
			}
			if !p.Incidental && ov*10 >= in.Span.Len()*9 {
				found = true
			}
		}
		if found {
			s.Found++
		} else {
			s.Failures = append(s.Failures, fmt.Sprintf("missed: %s's passage of %d bytes in %s", in.Book, in.Span.Len(), in.Susp))
		}
		if bestIncidental {
			s.Incidental++
			s.Failures = append(s.Failures, fmt.Sprintf("incidental: %s in %s: %s", in.Book, in.Susp, why))
		}
	}
	for _, l := range r.Links {
		if l.Kind != provenance.LinkCopy {
			continue
		}
		desc := fmt.Sprintf("%s → %s (%.2f)", l.Source, l.Target, l.Confidence)
		switch {
		case source[[2]string{l.Source, l.Target}]:
			s.Right++
		case source[[2]string{l.Target, l.Source}]:
			s.Reversed++
			s.Failures = append(s.Failures, "reversed: "+desc)
		default:
			s.Siblings++
			s.Failures = append(s.Failures, "sibling: "+desc)
		}
	}
	return s, nil
}

// AnswerScore measures a Clough-style collection of short answers, per
// category of reuse.
type AnswerScore struct {
	Category string
	Answers  int
	// Flagged answers share a link of any kind with their source; Directed
	// a copy link from it; Reversed a copy link back to it.
	Flagged, Directed, Reversed int
	// SiblingClaims are copy links between two answers (they took from the
	// same article; neither copied the other); Unrelated links of any kind
	// to another task's article or answers.
	SiblingClaims, Unrelated int
}

// RunShortAnswers scans a generated short-answer collection and scores each category.
func RunShortAnswers(ctx context.Context, run Runner, sa *gen.ShortAnswers) ([]*AnswerScore, error) {
	r, err := run(ctx, sa.Docs)
	if err != nil {
		return nil, fmt.Errorf("short answers: %w", err)
	}
	by := map[string]*AnswerScore{}
	var rows []*AnswerScore
	for _, c := range gen.AnswerCategories {
		by[c] = &AnswerScore{Category: c}
		rows = append(rows, by[c])
	}
	answer := map[string]gen.ShortAnswer{}
	task := map[string]string{}
	for _, a := range sa.Answers {
		answer[a.ID] = a
		task[a.ID], task[a.Source] = a.Source, a.Source
		by[a.Category].Answers++
	}
	flagged, directed, reversed := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, l := range r.Links {
		for _, end := range [][2]string{{l.Source, l.Target}, {l.Target, l.Source}} {
			a, ok := answer[end[1]]
			if !ok {
				continue
			}
			if task[end[0]] != task[end[1]] {
				by[a.Category].Unrelated++
				continue
			}
			if end[0] != a.Source {
				if l.Kind == provenance.LinkCopy && end[1] == l.Target {
					by[a.Category].SiblingClaims++
				}
				continue
			}
			flagged[a.ID] = true
			if l.Kind == provenance.LinkCopy {
				if l.Source == a.Source {
					directed[a.ID] = true
				} else {
					reversed[a.ID] = true
				}
			}
		}
	}
	for id, a := range answer {
		if flagged[id] {
			by[a.Category].Flagged++
		}
		if directed[id] {
			by[a.Category].Directed++
		}
		if reversed[id] {
			by[a.Category].Reversed++
		}
	}
	return rows, nil
}

// WriteReuseTables writes the verbatim and short-answer tables.
func WriteReuseTables(w io.Writer, v *VerbatimScore, answers []*AnswerScore) {
	fmt.Fprintln(w, "| verbatim insertions | found | marked incidental | copy links book → document | document → book | between two documents | direction right where claimed |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	fmt.Fprintf(w, "| %d | %d (%.3f) | %d | %d | %d | %d | %.3f |\n", v.Insertions, v.Found, ratio(v.Found, v.Insertions), v.Incidental,
		v.Right, v.Reversed, v.Siblings, ratio(v.Right, v.Right+v.Reversed+v.Siblings))
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| short answers | answers | linked to the source article | copy link source → answer | answer → source | copy claims answer → answer | links to another task |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, a := range answers {
		fmt.Fprintf(w, "| %s | %d | %d (%.2f) | %d | %d | %d | %d |\n", a.Category, a.Answers, a.Flagged, ratio(a.Flagged, a.Answers), a.Directed, a.Reversed, a.SiblingClaims, a.Unrelated)
	}
}
