package ingest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// TestInferTitleFromSentence covers texts with no headline line: bylines,
// desk lines, mastheads and datelines are skipped and the title is derived
// from the first sentence of the first real paragraph.
func TestInferTitleFromSentence(t *testing.T) {
	rest := " Commuters said the increase would cost them a day's wages each month, and unions called a meeting.\n" +
		"The operator blamed fuel costs.\n"
	long := "The harbour ferry operator raised fares by a third on Friday, blaming the price of fuel and a shortage of crews on the morning routes." + rest
	cases := []struct {
		name, text, want, detail string
	}{
		{"byline, desk line and dateline", "from ANA REPORTER in Lagos, Nigeria\nLagos Bureau\nLAGOS, (Example Wire) – " + long,
			"The harbour ferry operator raised fares by a third on Friday, blaming the price…", "after the dateline 'LAGOS, (Example Wire) –', shortened"},
		{"masthead then a long paragraph", "The Harbour Gazette\n\n" + long,
			"The harbour ferry operator raised fares by a third on Friday, blaming the price…", "first sentence, shortened"},
		{"body from the first line", long, "The harbour ferry operator raised fares by a third on Friday, blaming the price…", "first sentence"},
		{"short first sentence kept whole", "Ferry fares rose by a third on Friday." + rest, "Ferry fares rose by a third on Friday", "from the first sentence"},
		{"dateline without an outlet", "LAGOS, Nigeria — Ferry fares rose by a third on Friday." + rest, "Ferry fares rose by a third on Friday", "after the dateline 'LAGOS, Nigeria —'"},
		{"abbreviations do not end the sentence", "Dr. Ann Writer of the U.S. Ferry Board said fares rose. " + rest,
			"Dr. Ann Writer of the U.S. Ferry Board said fares rose", "first sentence"},
		{"question", "Who pays for the ferry? " + long, "Who pays for the ferry?", "first sentence"},
		{"wire capitals in sentence case", "THE ferry operator raised fares on Friday." + rest, "The ferry operator raised fares on Friday", "first sentence"},
		{"an acronym stays in capitals", "UN officials said the ferry would stop on Friday." + rest, "UN officials said the ferry would stop on Friday", "first sentence"},
		{"hard-wrapped paragraph", "The harbour ferry operator raised fares by a third on\nFriday, blaming the price of fuel and a shortage of\ncrews on the morning routes. Commuters said the rise\nwould cost them a day's wages each month.\n",
			"The harbour ferry operator raised fares by a third on Friday, blaming the price…", "first sentence"},
		{"a headline still wins", "By Ann Writer\nFares rise again\n" + long, "Fares rise again", "first short line"},
		{"a short sentence alone gives none", "Fares rose on Friday, the operator said.\n", "", ""},
		{"too few words", "Yes! " + long, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FromText(c.text, provenance.Metadata{}).Meta.Title
			if got.Value != c.want || (c.want != "" && (got.Origin != provenance.OriginInferred || !strings.Contains(got.Detail, c.detail))) {
				t.Errorf("title %+v, want %q with a detail holding %q", got, c.want, c.detail)
			}
			if n := utf8.RuneCountInString(got.Value); n > titleMax {
				t.Errorf("title of %d characters, over %d", n, titleMax)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	cases := []struct {
		s    string
		max  int
		want string
	}{
		{"Fares rise again.", 20, "Fares rise again."},
		{"Fares rise again on the morning routes", 20, "Fares rise again…"},
		{"Fares rose sharply, unions said today", 20, "Fares rose sharply…"},
		{"The operator raised the price of fuel today", 26, "The operator raised…"},
		{"Fares rise on routes", 15, "Fares rise…"},
		{"Fares rise sharply now", 12, "Fares rise…"},
		{"Fares rise fast now", 16, "Fares rise fast…"},
		{"Überfahrtspreise steigen ständig überall", 20, "Überfahrtspreise…"},
	}
	for _, c := range cases {
		got := shorten(c.s, c.max)
		if got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.s, c.max, got, c.want)
		}
		if utf8.RuneCountInString(got) > c.max && got != c.s {
			t.Errorf("shorten(%q, %d) = %q is too long", c.s, c.max, got)
		}
	}
}

// FuzzLastField: lastField is the last of strings.Fields on any bytes.
func FuzzLastField(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a b ", "a\u00a0b\u2003", "x \xe2\x80\x83\x80", "\xe2\xc2\xa0y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := ""
		if w := strings.Fields(s); len(w) > 0 {
			want = w[len(w)-1]
		}
		if got := lastField(s); got != want {
			t.Fatalf("lastField(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzContentLines: contentLines keeps the trimmed non-empty lines of
// splitLines whose start lies outside skip, on any text and skip span.
func FuzzContentLines(f *testing.F) {
	f.Add("Title\n\n  body line \n\t\nlast", 3, 12)
	f.Add("\n\n", 0, 1)
	f.Add("no newline", 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		skip := []provenance.Span{{Start: a, End: b}}
		var want []string
		for _, l := range splitLines(text) {
			if s := strings.TrimSpace(l.text); s != "" && !inSpans(l.start, skip) {
				want = append(want, s)
			}
		}
		if got := contentLines(text, skip); !slices.Equal(got, want) {
			t.Fatalf("contentLines(%q, %v) = %q, want %q", text, skip, got, want)
		}
	})
}
