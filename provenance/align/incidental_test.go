package align

import (
	"strings"
	"testing"
)

// commonEverywhere marks every position of d as starting a collection-common
// n-gram, as the index does for text carried by more documents than the DF
// limit.
func commonEverywhere(d *Doc) {
	d.Common = make([]int32, len(d.Words.Hash))
	for i := range d.Common {
		d.Common[i] = int32(i)
	}
}

// wire is a story of well over 50 content words, the kind of text a wire
// carries into hundreds of papers.
const wire = "Engineers at the northern water authority finished repairing the cracked dam spillway on Tuesday, three weeks ahead of the rainy season, after divers found a second fracture below the waterline last month. " +
	"The regional governor said the repairs had cost about twice the original estimate because contractors had to import special cement and work through the night while reservoir levels kept rising. " +
	"Farmers downstream, who had moved livestock to higher pastures in case of flooding, began bringing their herds back on Wednesday morning as officials lifted the evacuation warning for seven villages. " +
	"An independent inspection team will examine the spillway again in November before the authority decides whether the older turbines also need replacing."

func passagesWithCommon(t *testing.T, a, b string) []string {
	t.Helper()
	p := balanced()
	da, db := doc("a", a), doc("b", b)
	commonEverywhere(da)
	commonEverywhere(db)
	seeds := SeedsBetween(Shingles(da.Words, p.NGram), Shingles(db.Words, p.NGram))
	var reasons []string
	for _, ps := range AlignPair(da, db, seeds, p) {
		if ps.Words < 30 {
			continue
		}
		reasons = append(reasons, ps.IncidentalReason)
	}
	return reasons
}

// A widely carried story is evidence, not boilerplate: a verbatim run of
// 50+ content words is never incidental only because many documents share
// it, wherever it stands.
func TestWidelySharedStoryIsNotIncidental(t *testing.T) {
	reasons := passagesWithCommon(t, "Local news in brief. "+wire, wire+" Reporting by our correspondent.")
	if len(reasons) != 1 || reasons[0] != "" {
		t.Fatalf("the shared wire story: %q, want one passage that is evidence", reasons)
	}
}

// Collection-common text at the bottom of both pages that is not one long
// verbatim run (a footer the pages each trim or pad a little) is boilerplate.
func TestCommonFooterIsIncidental(t *testing.T) {
	footer := "Sign up for our morning newsletter and get the headlines delivered to your inbox every weekday. " +
		"We respect your privacy and you can unsubscribe at any time from the link at the bottom of any message. " +
		"Support independent local journalism today by becoming a member for the price of a coffee a month."
	edited := strings.Replace(footer, "every weekday", "each morning", 1)
	a := strings.Repeat(filler, 12) + footer
	b := strings.Repeat("Another story about the harbour and its new ferry timetable for the summer months. ", 12) + edited
	reasons := passagesWithCommon(t, a, b)
	if len(reasons) != 1 || !strings.Contains(reasons[0], "common in the collection") {
		t.Fatalf("the shared footer: %q, want one incidental passage", reasons)
	}
}

// The same collection-common paragraph in the middle of two stories, with
// enough content words to be a sentence of a story, is not boilerplate.
func TestCommonParagraphInsideStoriesIsNotIncidental(t *testing.T) {
	para := "Engineers at the northern water authority finished repairing the cracked dam spillway on Tuesday, three weeks ahead of the rainy season, after divers found a second fracture below the waterline last month, the governor said on Wednesday."
	edited := strings.Replace(para, "three weeks", "nearly three weeks", 1)
	a := strings.Repeat(filler, 6) + para + " " + strings.Repeat(filler, 6)
	b := strings.Repeat("Another story about the harbour and its new ferry timetable for the summer months. ", 6) + edited + " " +
		strings.Repeat("Another story about the harbour and its new ferry timetable for the summer months. ", 6)
	reasons := passagesWithCommon(t, a, b)
	if len(reasons) != 1 || reasons[0] != "" {
		t.Fatalf("a story paragraph in mid-page: %q, want one passage that is evidence", reasons)
	}
}

// A lightly edited wire story that is the whole of both pages (so it touches
// their edges) and is carried by many is still a story: its runs are short,
// but it says far more than boilerplate does.
func TestEditedWidelySharedStoryIsNotIncidental(t *testing.T) {
	edited := strings.NewReplacer("Tuesday", "Tuesday afternoon", "about twice", "roughly twice", "Wednesday morning", "Wednesday", "seven villages", "several villages").Replace(wire)
	reasons := passagesWithCommon(t, wire, edited)
	if len(reasons) == 0 {
		t.Fatal("the edited wire story was not found")
	}
	for _, r := range reasons {
		if r != "" {
			t.Fatalf("the edited wire story: %q, want evidence", reasons)
		}
	}
}
