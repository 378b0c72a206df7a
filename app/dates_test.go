package app

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

func TestShowDateIsReadable(t *testing.T) {
	for in, want := range map[string]string{
		"2025-03-05T07:40:00Z":      "5 Mar 2025 07:40",
		"2025-03-05T09:40:00+02:00": "5 Mar 2025 07:40",
		"2024-12-31T23:30":          "31 Dec 2024 23:30",
		"2024-03-18":                "18 Mar 2024",
		" 2024-03-18 ":              "18 Mar 2024",
		"":                          "",
		"spring 2024":               "spring 2024",
	} {
		if got := showDate(in); got != want {
			t.Errorf("showDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLibraryAndCompareShowReadableDates(t *testing.T) {
	u := demoUI(t)
	row := newLibraryRow().(*libraryRow)
	var undated bool
	for i, id := range u.library.Rows() {
		u.library.updateRow(i, row)
		d := u.ws.Result.Doc(id)
		v := d.Meta.Published.Value
		switch {
		case !d.Meta.Published.Known():
			undated = true
			if !strings.Contains(row.meta.Text, "no date") {
				t.Errorf("undated article row %q does not say so", row.meta.Text)
			}
		case strings.Contains(row.meta.Text, v) || !strings.Contains(row.meta.Text, showDate(v)):
			t.Errorf("row %q: want %q, not %q", row.meta.Text, showDate(v), v)
		}
	}
	if !undated {
		t.Error("the demo corpus has no undated article to check")
	}
	l := u.ws.Result.Links[0]
	u.Compare(l.Source, l.Target)
	src := u.ws.Result.Doc(u.compare.cmp.A.ID)
	if v := src.Meta.Published.Value; src.Meta.Published.Known() && (strings.Contains(u.compare.metaA.Text, v) || !strings.Contains(u.compare.metaA.Text, showDate(v))) {
		t.Errorf("compare header %q shows the raw date %q", u.compare.metaA.Text, v)
	}
	// sorting by date: oldest first, undated last
	u.library.SetOrder(sortDate)
	rows := u.library.Rows()
	var prev provenance.Document
	for i, id := range rows {
		d := *u.ws.Result.Doc(id)
		if i > 0 {
			tp, okp := prev.Meta.PublishedTime()
			td, okd := d.Meta.PublishedTime()
			if (!okp && okd) || (okp && okd && td.Before(tp)) {
				t.Fatalf("by date: %q listed after %q", d.Label(), prev.Label())
			}
		}
		prev = d
	}
}

func TestLibraryScreenShowsWhereAnArticlesDetailsCameFrom(t *testing.T) {
	u := demoUI(t)
	k := len(u.ws.Documents) - 1
	want := u.ws.Documents[k].ID
	u.ws.Documents[k].Meta.Author = provenance.Field{Value: "Web Desk", Origin: provenance.OriginInferred, Detail: "byline"}
	u.library.Refresh()
	u.pendingStart = &Options{Screen: ScreenLibrary}
	u.applyStart()
	if got := u.library.Selected(); got != want {
		t.Fatalf("--screen library selected %q, want the article with an inferred field %q", got, want)
	}
	for i, o := range u.library.details.origins {
		if o.Text == "" || !o.Visible() {
			t.Errorf("%s: origin not shown", metaNames[i])
		}
	}
	if s := u.library.details.origins[2].Text; !strings.Contains(s, "inferred") {
		t.Errorf("author origin %q does not say it was inferred", s)
	}
	if u.split.Offset < 0.4 {
		t.Errorf("library left at %v of the window", u.split.Offset)
	}
	if b := bestPartner(u.Result(), want); b != "" {
		if _, right := u.compare.Pair(); u.currentScreen() != ScreenCompare || right != want {
			t.Errorf("beside the library: %s comparing %q, want the article with its closest match", u.currentScreen(), right)
		}
	}
}
