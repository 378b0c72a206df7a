package lineage

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// TestCaptureDateWeighedLikeInferred: a page whose only date is when a web
// archive captured it (origin capture) gets its date weighed as an
// inferred one, and the reasons name where it came from.
func TestCaptureDateWeighedLikeInferred(t *testing.T) {
	para := "The regional water board approved a new rationing timetable for the eastern districts after a review of the reservoir levels that lasted most of the dry season"
	confidence := func(origin provenance.Origin) (provenance.Link, string) {
		f := newFixture(t)
		f.doc("a", "Daily Ledger", "2026-04-01T08:00:00Z", "Residents queued again. "+para+".\n")
		f.doc("b", "Evening Star", "", "Queues grew longer. "+para+".\n")
		f.r.Documents[1].Meta.Published = provenance.Field{Value: "2026-04-03T09:00:00Z", Origin: origin,
			Detail: "WARC-Date of crawl.warc.gz record 7: when the page was captured (published then or earlier)"}
		f.share("a", "b", para, para)
		l, _ := linkBetween(f.analyze(), "a", "b")
		return l, strings.Join(l.Reasons, " ")
	}
	meta, _ := confidence(provenance.OriginMeta)
	capture, reasons := confidence(provenance.OriginCapture)
	if !strings.Contains(reasons, "WARC-Date of crawl.warc.gz record 7") {
		t.Errorf("a capture date must be named as such: %v", reasons)
	}
	if capture.Confidence >= meta.Confidence {
		t.Errorf("a capture date weighs as much as a publication date: %.2f vs %.2f", capture.Confidence, meta.Confidence)
	}
}
