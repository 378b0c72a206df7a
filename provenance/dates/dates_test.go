package dates

import (
	"errors"
	"strings"
	"testing"
)

func TestParseReadsWhatPeopleTypeAndPagesPrint(t *testing.T) {
	cases := []struct{ in, want string }{
		{"June 1, 2021", "2021-06-01"},
		{"1 June 2021", "2021-06-01"},
		{"2021-06-01", "2021-06-01"},
		{"  Jun 1 2021 ", "2021-06-01"},
		{"Monday, June 1, 2021", "2021-06-01"},
		{"1st June 2021", "2021-06-01"},
		{"June 1st, 2021", "2021-06-01"},
		{"20210601", "2021-06-01"},
		{"2021/06/01", "2021-06-01"},
		{"Published: June 1, 2021", "2021-06-01"},
		{"Updated on 1 June 2021", "2021-06-01"},
		{"Tue, 01 Jun 2021 10:00:00 GMT", "2021-06-01T10:00:00Z"},
		{"Tue, 01 Jun 2021 10:00:00 +0200", "2021-06-01T10:00:00+02:00"},
		{"2021-06-01T10:00:00Z", "2021-06-01T10:00:00Z"},
		{"2021-06-01T10:00:00.000Z", "2021-06-01T10:00:00Z"},
		{"2021-06-01T10:00:00+02:00", "2021-06-01T10:00:00+02:00"},
		{"2021-06-01 10:00:00 -0500", "2021-06-01T10:00:00-05:00"},
		{"Jun 1, 2021 at 3:04 PM EDT", "2021-06-01T15:04:00-04:00"},
		{"May 21, 2022 9:00 a.m. ET", "2022-05-21T09:00:00-04:00"},
		{"January 21, 2022 9:00 AM ET", "2022-01-21T09:00:00-05:00"},
		{"1 June 2021 10:00 CEST", "2021-06-01T10:00:00+02:00"},
		{"1 June 2021 10:00 (UTC)", "2021-06-01T10:00:00Z"},
		// A clock time without a zone, or in a zone not known here, keeps the day only.
		{"2021-06-01 10:00", "2021-06-01"},
		{"2021-06-01T23:30:00", "2021-06-01"},
		{"1 June 2021 10:00 XYZT", "2021-06-01"},
		// Unambiguous numeric dates need no order.
		{"13/06/2021", "2021-06-13"},
		{"06/13/2021", "2021-06-13"},
		{"05/05/2021", "2021-05-05"},
		// Other languages.
		{"1er juin 2021", "2021-06-01"},
		{"1 de junio de 2021", "2021-06-01"},
		{"1. Juni 2021", "2021-06-01"},
		{"3 março 2021", "2021-03-03"},
		{"", ""},
	}
	for _, c := range cases {
		got, err := Parse(c.in, Unset)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestParseAmbiguousNeedsTheOrder(t *testing.T) {
	for _, in := range []string{"01/06/2021", "1.6.2021", "01/06/21", "01-06-2021"} {
		_, err := Parse(in, Unset)
		var de *Error
		if !errors.As(err, &de) || !de.Ambiguous {
			t.Fatalf("Parse(%q, Unset) = %v; want an ambiguous refusal", in, err)
		}
		if !strings.Contains(err.Error(), "1 June 2021") || !strings.Contains(err.Error(), "6 January 2021") ||
			!strings.Contains(err.Error(), "day-first or month-first") {
			t.Errorf("refusal of %q does not name both readings and the setting: %v", in, err)
		}
		if got, err := Parse(in, DayFirst); err != nil || got != "2021-06-01" {
			t.Errorf("Parse(%q, DayFirst) = %q, %v", in, got, err)
		}
		if got, err := Parse(in, MonthFirst); err != nil || got != "2021-01-06" {
			t.Errorf("Parse(%q, MonthFirst) = %q, %v", in, got, err)
		}
	}
}

func TestParseNamesAContradictedOrder(t *testing.T) {
	_, err := Parse("13/06/2021", MonthFirst)
	if err == nil || !strings.Contains(err.Error(), "not month-first") || !strings.Contains(err.Error(), "13 June 2021") {
		t.Errorf("13/06/2021 month-first: %v", err)
	}
	_, err = Parse("06/13/2021", DayFirst)
	if err == nil || !strings.Contains(err.Error(), "not day-first") {
		t.Errorf("06/13/2021 day-first: %v", err)
	}
}

func TestParseRefusesWithReasonAndExample(t *testing.T) {
	cases := []struct{ in, reason string }{
		{"June 2021", "no day"},
		{"2021-06", "no day"},
		{"2021", "bare number"},
		{"1622505600", "bare number"},
		{"yesterday", "write it like"},
		{"abc", "write it like"},
		{"2021-02-30", "no such day"},
		{"32/01/2021", "no such"},
		{"1 June 0021", "outside"},
		{"June 1", "no year"},
	}
	for _, c := range cases {
		got, err := Parse(c.in, DayFirst)
		var de *Error
		if !errors.As(err, &de) || got != "" {
			t.Errorf("Parse(%q) = %q, %v; want a refusal", c.in, got, err)
			continue
		}
		if !strings.Contains(err.Error(), c.reason) || !strings.Contains(err.Error(), `"`+c.in+`"`) {
			t.Errorf("Parse(%q) refusal %q lacks %q or the input", c.in, err, c.reason)
		}
	}
}

func TestOrderRoundTrips(t *testing.T) {
	for _, o := range []Order{Unset, DayFirst, MonthFirst} {
		got, err := ParseOrder(o.String())
		if err != nil || got != o {
			t.Errorf("ParseOrder(%q) = %v, %v", o.String(), got, err)
		}
	}
	if _, err := ParseOrder("sideways"); err == nil {
		t.Error("ParseOrder accepted an unknown order")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"June 1, 2021", "01/06/2021", "Tue, 01 Jun 2021 10:00:00 GMT", "1er juin 2021 10 h", "2021-06-01T10:00:00+02:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []Order{Unset, DayFirst, MonthFirst} {
			v, err := Parse(s, o)
			if err != nil {
				continue
			}
			// What Parse returns it reads again as itself.
			if again, err := Parse(v, o); err != nil || again != v {
				t.Fatalf("Parse(%q) = %q, which reads again as %q, %v", s, v, again, err)
			}
		}
	})
}

func TestParseRefusesLongInputQuickly(t *testing.T) {
	long := strings.Repeat("1 June 2021 ", 1000)
	if _, err := Parse(long, Unset); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("a 12,000-character value: %v", err)
	}
}

func TestRefusedReadsBackTheInput(t *testing.T) {
	_, err := Parse("01/06/2021", Unset)
	detail := "metadata.csv line 3: " + err.Error()
	if in, amb := Refused(detail); in != "01/06/2021" || !amb {
		t.Errorf("Refused(%q) = %q, %v", detail, in, amb)
	}
	_, err = Parse("June 2021", Unset)
	if in, amb := Refused("front matter: " + err.Error()); in != "June 2021" || amb {
		t.Errorf("Refused(no day) = %q, %v", in, amb)
	}
	if in, amb := Refused("from the sidecar"); in != "" || amb {
		t.Errorf("Refused(no refusal) = %q, %v", in, amb)
	}
}
