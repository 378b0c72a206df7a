package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestCompareGolden pins how a comparison looks: numbered highlights, word
// diffs (struck and underlined), the mutation box, the overview strips.
func TestCompareGolden(t *testing.T) {
	v, _, w := newTestCompare(t, 300)
	v.Focus(1)
	test.AssertImageMatches(t, "compare.png", w.Canvas().Capture())
}
