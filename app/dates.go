package app

import (
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// Date formats shown in the window: a day as "5 Mar 2025", a time as
// "5 Mar 2025 07:40" (UTC).
const (
	dayLayout  = "2 Jan 2006"
	timeLayout = "2 Jan 2006 15:04"
)

// showDate puts a publication date as stored (RFC 3339, or a date alone) in
// words: "5 Mar 2025 07:40" (in UTC), or "5 Mar 2025" when only the day is known.
// "" stays "" (callers say "no date" or "undated"); a value that is not a
// date is shown as written.
func showDate(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	t, ok := provenance.Metadata{Published: provenance.Field{Value: v}}.PublishedTime()
	switch {
	case !ok:
		return v
	case len(v) <= len("2006-01-02"):
		return t.Format(dayLayout)
	default:
		return t.UTC().Format(timeLayout)
	}
}

// showDay is the day of t, as the timeline columns and family dates show it.
func showDay(t time.Time) string { return t.Format(dayLayout) }
