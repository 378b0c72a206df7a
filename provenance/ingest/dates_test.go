package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/dates"
)

// Every way a date enters goes through dates.Parse: metadata.csv, front
// matter, meta tags and JSON-LD read the same forms and refuse the same.
func TestDatesReadAlikeInEveryEntry(t *testing.T) {
	dir := t.TempDir()
	body := "A ferry operator raised fares by a third on Friday, the second rise this year.\n"
	writeFiles(t, dir, map[string]string{
		"metadata.csv":  "file,published\nsidecar.txt,\"June 1, 2021\"\nambiguous.txt,01/06/2021\nnoday.txt,June 2021\n",
		"sidecar.txt":   "Sidecar. " + body,
		"ambiguous.txt": "Ambiguous. " + body,
		"noday.txt":     "No day. " + body,
		"front.md":      "---\ndate: 1 June 2021\n---\nFront. " + body,
		"meta.html": `<html><head><meta property="article:published_time" content="Tue, 01 Jun 2021 10:00:00 GMT"></head>` +
			`<body><article><p>Meta. ` + body + `</p></article></body></html>`,
		"ld.html": `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"June 1, 2021 9:00 a.m. ET"}</script></head>` +
			`<body><article><p>LD. ` + body + `</p></article></body></html>`,
	})
	load := func(order dates.Order) (map[string]string, []string) {
		opts := DefaultOptions()
		opts.DateOrder = order
		docs, _, errs := Load(context.Background(), []string{dir}, opts, nil)
		got := map[string]string{}
		for _, d := range docs {
			got[filepath.Base(d.Path)] = d.Meta.Published.Value
		}
		var problems []string
		for _, e := range errs {
			problems = append(problems, e.Error())
		}
		return got, problems
	}
	got, problems := load(dates.Unset)
	want := map[string]string{
		"sidecar.txt": "2021-06-01", "front.md": "2021-06-01", "meta.html": "2021-06-01T10:00:00Z",
		"ld.html": "2021-06-01T09:00:00-04:00", "ambiguous.txt": "", "noday.txt": "",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: published %q, want %q", name, got[name], w)
		}
	}
	// The refusals are reported, naming the file, the line and the reason.
	joined := strings.Join(problems, "\n")
	for _, w := range []string{"metadata.csv line 3", "could be 1 June 2021 or 6 January 2021", "metadata.csv line 4", "no day"} {
		if !strings.Contains(joined, w) {
			t.Errorf("problems lack %q:\n%s", w, joined)
		}
	}
	// Once the user says day-first, the ambiguous date reads.
	got, problems = load(dates.DayFirst)
	if got["ambiguous.txt"] != "2021-06-01" {
		t.Errorf("day-first: ambiguous.txt published %q", got["ambiguous.txt"])
	}
	if strings.Contains(strings.Join(problems, "\n"), "line 3") {
		t.Errorf("day-first still reports line 3: %v", problems)
	}
	if got, _ = load(dates.MonthFirst); got["ambiguous.txt"] != "2021-01-06" {
		t.Errorf("month-first: ambiguous.txt published %q", got["ambiguous.txt"])
	}
}
