package lineage

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// TestSameHeadlineReprintsAreToldApart: two reprints of one release keep
// its headline; the reasons name each by its headline and its file, not
// both by the same words. A page of another story with that headline too
// keeps its plain name: only names that would meet in one story's reasons
// are tagged.
func TestSameHeadlineReprintsAreToldApart(t *testing.T) {
	body := "The harbour board opened the new ferry terminal on Monday after four years of building, and the first boats left for the islands at dawn with three hundred passengers on board."
	other := "Fishermen on the north quay counted their catch in the rain on Tuesday and said the season had been the poorest in twenty years along the whole coast."
	f := newFixture(t)
	f.doc("release", "", "", "Harbour Board news\n\n"+body+"\n")
	f.doc("reprint-a", "", "", "Ferry terminal opens\n\n"+body+"\n")
	f.doc("reprint-b", "", "", "Ferry terminal opens\n\n"+body+" More soon.\n")
	f.doc("quay", "", "", "Ferry terminal opens\n\n"+other+"\n")
	f.doc("quay-blog", "", "", "Catch notes\n\n"+other+"\n")
	for _, id := range []string{"reprint-a", "reprint-b", "quay"} {
		f.r.Doc(id).Meta.Title = provenance.Field{Value: "Ferry terminal opens", Origin: provenance.OriginInferred}
	}
	f.share("release", "reprint-a", body, body)
	f.share("release", "reprint-b", body, body)
	f.share("reprint-a", "reprint-b", body, body)
	f.share("quay", "quay-blog", other, other)
	_, infos, err := weigh(context.Background(), &f.r)
	if err != nil {
		t.Fatal(err)
	}
	a, b, q := infos["reprint-a"].name(), infos["reprint-b"].name(), infos["quay"].name()
	if a == b {
		t.Fatalf("both reprints are named %s", a)
	}
	if !strings.Contains(a, "reprint-a.txt") || !strings.Contains(b, "reprint-b.txt") {
		t.Errorf("names %s and %s do not give the files", a, b)
	}
	if q != "“Ferry terminal opens”" {
		t.Errorf("the other story's page is named %s", q)
	}
}
