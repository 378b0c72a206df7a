package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// Page furniture never becomes the title or the outlet; distributors' and
// broadcasters' datelines give the outlet. The texts are invented.
func TestFurnitureAndDistributorDatelines(t *testing.T) {
	body := "The ferry operator is recalling two hundred life jackets sold in the harbour shops because their buckles may open under load, the company said on Friday.\n" +
		"Passengers who bought one should return it for a refund at any ticket office.\n"
	cases := []struct {
		name, text, title, outlet, detail string
	}{
		{"PR Newswire dateline", "RIVERTON, Kestovia, May 20, 2022 /PRNewswire/ -- " + body,
			"The ferry operator is recalling two hundred life jackets sold in the harbour…", "PR Newswire", "newswire dateline"},
		{"PR Newswire variant", "RIVERTON, Kestovia, May 20, 2022 /PRNewswire-HISPANIC PR WIRE/ — " + body, "", "PR Newswire", "newswire dateline"},
		{"Business Wire slashes", "LAGOS, Nigeria, March 3, 2024 /Business Wire/ -- " + body, "", "Business Wire", "newswire dateline"},
		{"Business Wire dashes", "SAN FRANCISCO--(BUSINESS WIRE)--" + body, "", "Business Wire", "newswire dateline"},
		{"GlobeNewswire", "NEW YORK, Jan. 5, 2021 (GLOBE NEWSWIRE) -- " + body, "", "GlobeNewswire", "newswire dateline"},
		{"broadcaster dateline after a date stamp", " date 2022-05-21 RIVERTON, Kestovia (WKTV) – " + body,
			"The ferry operator is recalling two hundred life jackets sold in the harbour…", "WKTV", "broadcaster's dateline"},
		{"date stamp and a Press Release label", " date 2022-05-21 Ferry operator recalls life jackets – Press Release\n\n" + body,
			"Ferry operator recalls life jackets", "", ""},
		{"logo alt text and a section name", "Harbour InfoLink Logo\n\nRecall Details\n\nFerry operator recalls life jackets\n\n" + body,
			"Ferry operator recalls life jackets", "", ""},
		{"one-word section name", "World\n\nFerry operator recalls life jackets\n\n" + body, "Ferry operator recalls life jackets", "", ""},
		{"a list item is no title", "- Recall covers two hundred life jackets sold in the harbour shops\n\nFerry operator recalls life jackets\n\n" + body,
			"Ferry operator recalls life jackets", "", ""},
		{"Press Release sign-off is no outlet", body + "— Press Release\n", "", "", ""},
		{"date stamp before a masthead", " date 2022-05-23 Riverton Harbour Review\n\nFerry operator recalls life jackets\n\n" + body,
			"Ferry operator recalls life jackets", "Riverton Harbour Review", "site name line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := FromText(c.text, provenance.Metadata{}).Meta
			if c.title != "" && m.Title.Value != c.title {
				t.Errorf("title %q, want %q", m.Title.Value, c.title)
			}
			for _, bad := range []string{"date 2022", "/PRNewswire/", "Logo", "Recall Details", "- Recall", "(WKTV)", "World"} {
				if strings.Contains(m.Title.Value, bad) {
					t.Errorf("title %q carries furniture %q", m.Title.Value, bad)
				}
			}
			if m.Outlet.Value != c.outlet || c.outlet != "" && !strings.Contains(m.Outlet.Detail, c.detail) {
				t.Errorf("outlet %+v, want %q from %s", m.Outlet, c.outlet, c.detail)
			}
		})
	}
}

func TestHTMLTitleFurniture(t *testing.T) {
	body := "<p>The ferry operator is recalling two hundred life jackets sold in the harbour shops because their buckles may open under load, the company said on Friday, and passengers should return them.</p>"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"section.html": `<html><head><title>World</title></head><body><article><h1>Harbour InfoLink Logo</h1>` + body + `</article></body></html>`,
	})
	docs, _, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("%d docs, errors %v", len(docs), errs)
	}
	if got := docs[0].Meta.Title.Value; got == "World" || strings.Contains(got, "Logo") {
		t.Errorf("title %q is page furniture", got)
	}
}

// The distributor is the outlet of the text it opens, not of a page that
// reprints the release under its own headline.
func TestNewswireOnlyWhereTheReleaseOpens(t *testing.T) {
	body := "RIVERTON, Kestovia, May 20, 2022 /PRNewswire/ -- The ferry operator is recalling two hundred life jackets sold in the harbour shops, the company said.\n"
	for _, c := range []struct{ text, outlet string }{
		{body, "PR Newswire"},
		{"- Recall covers two hundred life jackets\n- No other products are affected\n" + body, "PR Newswire"},
		{"Ferry operator recalls life jackets – Harbour Scraper\n\n" + body, "Harbour Scraper"},
		{"Ferry operator recalls life jackets\n\n" + body, ""},
	} {
		if got := FromText(c.text, provenance.Metadata{}).Meta.Outlet.Value; got != c.outlet {
			t.Errorf("%q: outlet %q, want %q", c.text[:40], got, c.outlet)
		}
	}
}
