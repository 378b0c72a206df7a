package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance"
)

func TestSeedsOutlets(t *testing.T) {
	seeds := testseeds.Dir(t)
	want := map[string]string{
		"000": "CAJ News", "001": "CIVIC", "002": "The Wall Street Herald", "003": "BNN Breaking", "004": "Al Jazeera",
	}
	docs, dups, errs := Load(context.Background(), []string{seeds}, DefaultOptions(), nil)
	if len(errs) > 0 || len(dups) > 0 {
		t.Fatalf("errors %v, duplicates %v", errs, dups)
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d documents, want %d", len(docs), len(want))
	}
	for _, d := range docs {
		prefix := filepath.Base(d.Path)[:3]
		if got := d.Meta.Outlet; got.Value != want[prefix] || got.Origin != provenance.OriginInferred || got.Detail == "" {
			t.Errorf("%s: outlet %+v, want %q inferred with a detail", prefix, got, want[prefix])
		}
		if d.Meta.Published.Known() {
			t.Errorf("%s: published %q invented from plain text", prefix, d.Meta.Published.Value)
		}
		// Every seed gets a title: 000–002 open without a headline line, so
		// theirs is derived from the first sentence and says so.
		if ti := d.Meta.Title; !ti.Known() || ti.Origin != provenance.OriginInferred || utf8.RuneCountInString(ti.Value) > titleMax {
			t.Errorf("%s: title %+v, want an inferred title of at most %d characters", prefix, ti, titleMax)
		} else if (prefix <= "002") != strings.Contains(ti.Detail, "first sentence") {
			t.Errorf("%s: title %q read from %q", prefix, ti.Value, ti.Detail)
		}
		raw, err := os.ReadFile(d.Path)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.ReplaceAll(strings.TrimPrefix(string(raw), "\ufeff"), "\r\n", "\n"); d.Text != want {
			t.Errorf("%s: text does not map to the file", prefix)
		}
		// 002 and 003 end in site chrome (a comment form and share buttons; a
		// newsletter prompt): it must be marked up to the end of the text.
		if prefix == "002" || prefix == "003" {
			if n := len(d.Boilerplate); n == 0 || d.Boilerplate[n-1].End != len(d.Text) {
				t.Errorf("%s: trailing chrome not marked: %v", prefix, d.Boilerplate)
			}
		} else if len(d.Boilerplate) > 0 {
			t.Errorf("%s: article text marked as chrome: %q", prefix, d.Text[d.Boilerplate[0].Start:d.Boilerplate[0].End])
		}
		t.Logf("%s outlet=%q (%s) title=%q (%s) boilerplate=%v", prefix, d.Meta.Outlet.Value, d.Meta.Outlet.Detail, d.Meta.Title.Value, d.Meta.Title.Detail, d.Boilerplate)
	}
}
