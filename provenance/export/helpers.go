package export

import (
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// JoinKnown joins the non-blank parts with sep: "Outlet · 2024-03-04".
func JoinKnown(sep string, parts ...string) string {
	var keep []string
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, sep)
}

// DateOnly shortens an RFC 3339 date-time to its date.
func DateOnly(s string) string {
	if len(s) > 10 && s[4] == '-' {
		return s[:10]
	}
	return s
}

// InSpans reports whether byte offset i lies in one of spans.
func InSpans(i int, spans []provenance.Span) bool {
	for _, s := range spans {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}
