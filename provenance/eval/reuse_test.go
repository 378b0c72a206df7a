package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/eval"
	"github.com/copytrail/copytrail/provenance/gen"
)

// TestReuseCorporaTargets: on the PAN-style collection every verbatim
// insertion is found (≥ 0.99) and none is called incidental, even the
// popular passages many documents share; claimed directions point from the
// book to the document (≥ 0.95). On the short answers, cut-and-paste and
// light revisions are linked to their article, independent answers are not,
// and no claim points from an answer to the article.
func TestReuseCorporaTargets(t *testing.T) {
	books, susp := 20, 300
	if testing.Short() {
		books, susp = 10, 80
	}
	v, err := eval.RunVerbatim(context.Background(), runner, gen.BuildVerbatim(11, books, 4000, susp, 4))
	if err != nil {
		t.Fatal(err)
	}
	answers, err := eval.RunShortAnswers(context.Background(), runner, gen.BuildShortAnswers(12, 5, 19))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	eval.WriteReuseTables(&b, v, answers)
	t.Log("\n" + b.String())
	for i, f := range v.Failures {
		if i < 20 {
			t.Log(f)
		}
	}
	if float64(v.Found) < 0.99*float64(v.Insertions) {
		t.Errorf("verbatim insertions found %d of %d, want ≥ 0.99", v.Found, v.Insertions)
	}
	if v.Incidental > 0 {
		t.Errorf("%d verbatim insertions called incidental", v.Incidental)
	}
	if claimed := v.Right + v.Reversed + v.Siblings; claimed > 0 && float64(v.Right) < 0.95*float64(claimed) {
		t.Errorf("directions right %d of %d claimed, want ≥ 0.95", v.Right, claimed)
	}
	for _, a := range answers {
		switch a.Category {
		case gen.AnswerCut, gen.AnswerLight:
			if float64(a.Flagged) < 0.99*float64(a.Answers) {
				t.Errorf("%s answers linked to their article: %d of %d", a.Category, a.Flagged, a.Answers)
			}
		case gen.AnswerNon:
			if a.Flagged > 0 {
				t.Errorf("independent answers linked to the article: %d", a.Flagged)
			}
		}
		if a.Reversed > 0 || a.SiblingClaims > 0 || a.Unrelated > 0 {
			t.Errorf("%s: %d claims answer → article, %d answer → answer, %d links to another task", a.Category, a.Reversed, a.SiblingClaims, a.Unrelated)
		}
	}
}
