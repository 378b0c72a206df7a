package palette

import (
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

func TestPassageTintsReadWithInk(t *testing.T) {
	seen := map[string]int{}
	for n := 0; n < PassageCount; n++ {
		tint := PassageTint(n)
		if c := Contrast(Ink, tint); c < 7 {
			t.Errorf("passage %d tint %s: contrast with ink %.2f < 7", n, Hex(tint), c)
		}
		h := Hex(Passage(n))
		if prev, dup := seen[h]; dup {
			t.Errorf("passages %d and %d share colour %s", prev, n, h)
		}
		seen[h] = n
	}
	if Passage(PassageCount) != Passage(0) || Passage(-1) != Passage(1) {
		t.Error("passage colours must cycle and accept any index")
	}
}

func TestHexAndRoles(t *testing.T) {
	if got := Hex(Orange); got != "#E69F00" {
		t.Errorf("Hex(Orange) = %s", got)
	}
	if Link(provenance.LinkCopy) == Link(provenance.LinkCommonSource) || Link(provenance.LinkCopy) == Link(provenance.LinkUnknown) {
		t.Error("link kinds need distinct colours")
	}
	if Deleted == Inserted {
		t.Error("deleted and inserted words need distinct colours")
	}
	if TextOn(Black) != Paper || TextOn(Yellow) != Ink {
		t.Error("TextOn picks the wrong text colour")
	}
	if c := Contrast(Black, Paper); c < 20.9 || c > 21.1 {
		t.Errorf("contrast black/white = %.2f, want 21", c)
	}
}
