// Package dates reads publication dates the way people type them and pages
// print them. It is the one date reader of Copytrail: the metadata editor,
// the paste dialog, metadata.csv, front matter, HTML meta tags and JSON-LD,
// PDF/DOCX/e-mail properties and archive records all call Parse, so a date
// that takes in one place takes in every other.
//
// Parse never invents a date: a value without a day ("June 2021") is
// refused, a numeric date that reads two ways ("01/06/2021") is refused
// until the user has said day-first or month-first, and a clock time
// without a zone keeps only its day, since the zone would be a guess.
// Refusals are *Error values whose message says why and gives an example
// of what is read.
//
// Parsing is done by github.com/itlightning/dateparse; this package adds
// the rules above, zone abbreviations (EDT, CEST, ET …), a few labels
// ("Published:", "Updated"), "a.m."/"p.m." and month names in French,
// Spanish, German, Portuguese and Italian.
package dates

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// Order says how to read an all-numeric date whose first two numbers could
// each be the day or the month, such as 01/06/2021.
type Order int

const (
	// Unset refuses a numeric date that reads two ways, naming both readings.
	Unset Order = iota
	// DayFirst reads 01/06/2021 as 1 June 2021 (most of the world).
	DayFirst
	// MonthFirst reads 01/06/2021 as 6 January 2021 (the United States).
	MonthFirst
)

// String is the order's setting name: "day-first", "month-first" or "".
func (o Order) String() string {
	switch o {
	case DayFirst:
		return "day-first"
	case MonthFirst:
		return "month-first"
	}
	return ""
}

// ParseOrder reads a setting name written by Order.String. "" (or
// "unset") is Unset; anything else unknown is an error.
func ParseOrder(s string) (Order, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "unset", "ask":
		return Unset, nil
	case "day-first", "dmy", "dd/mm":
		return DayFirst, nil
	case "month-first", "mdy", "mm/dd":
		return MonthFirst, nil
	}
	return Unset, fmt.Errorf("date order %q: want day-first, month-first or empty", s)
}

// Example shows, in a refusal, what Parse reads.
const Example = "2021-06-01, 1 June 2021, June 1, 2021 or Tue, 01 Jun 2021 10:00:00 GMT"

// Error is a refused date: the text as given and the reason in plain words.
type Error struct {
	Input  string
	Reason string
	// Ambiguous is set when the date reads two ways and a day-first or
	// month-first order would settle it.
	Ambiguous bool
}

// twoWays begins the reason of an ambiguous refusal (see Refused).
const twoWays = "it reads two ways"

// Refused finds a refusal written by Error.Error inside text (such as a
// metadata field's Detail, "metadata.csv line 3: unreadable date …") and
// returns the date as it was given, and whether it was refused only for
// reading two ways, so that it can be read again once the order is known.
func Refused(text string) (input string, ambiguous bool) {
	const mark = "unreadable date "
	i := strings.Index(text, mark)
	if i < 0 {
		return "", false
	}
	rest := text[i+len(mark):]
	q, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", false
	}
	input, err = strconv.Unquote(q)
	if err != nil {
		return "", false
	}
	return input, strings.HasPrefix(rest[len(q):], ": "+twoWays)
}

// Error reads: unreadable date "June 2021": it has no day; write it like 1 June 2021.
func (e *Error) Error() string {
	return fmt.Sprintf("unreadable date %q: %s", e.Input, e.Reason)
}

// Parse reads s and returns it as RFC 3339 ("2021-06-01T10:00:00-04:00")
// when a time of day and its zone are known, or as the day alone
// ("2021-06-01"). A blank s is no date: "" and a nil error. Anything it
// cannot read with certainty is an *Error.
func Parse(s string, order Order) (string, error) {
	input := strings.TrimSpace(s)
	if input == "" {
		return "", nil
	}
	if len(input) > maxLen {
		return "", refuse(quoteShort(input), fmt.Sprintf("over %d characters, too long to be a date", maxLen))
	}
	clean, zone, err := prepare(input)
	if err != nil {
		return "", &Error{Input: input, Reason: err.Error()}
	}
	if allDigits(clean) && len(clean) != 8 {
		return "", refuse(input, "a bare number is not a date; write it like "+Example)
	}
	r, err := readAs(clean, order)
	if err != nil {
		var de *Error
		if errors.As(err, &de) {
			de.Input = input
			return "", de
		}
		return "", refuse(input, err.Error())
	}
	return r.format(zone), nil
}

// MustParse is Parse for values known to be good (tests, constants); it
// panics on a refusal.
func MustParse(s string) string {
	v, err := Parse(s, Unset)
	if err != nil {
		panic(err)
	}
	return v
}

// maxLen bounds what Parse reads: no date is longer.
const maxLen = 120

func quoteShort(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "") + "…"
	}
	return s
}

func refuse(input, reason string) *Error { return &Error{Input: input, Reason: reason} }

// reading is one successful parse and what its layout held.
type reading struct {
	t     time.Time
	parts layoutParts
}

// format writes the reading as RFC 3339 or a day, applying a stripped zone.
func (r reading) format(zone *time.Location) string {
	t := r.t
	switch {
	case !r.parts.clock:
		return t.Format(time.DateOnly)
	case zone != nil && !r.parts.offset:
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), zone)
	case r.parts.offset:
	default: // a clock time in an unknown or missing zone: the day only
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// numericRe matches a day and month in either order: 01/06/2021, 1.6.21, 01-06-2021 10:00.
var numericRe = regexp.MustCompile(`^(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4}|\d{2})\b(.*)$`)

// readAs parses clean, settling day/month ambiguity by order: numeric
// dates are rewritten as year-month-day here, so that the parser's own
// preferences (dashes read day-first, slashes month-first) play no part.
func readAs(clean string, order Order) (reading, error) {
	if m := numericRe.FindStringSubmatch(clean); m != nil && m[2] == m[4] {
		iso, err := numericDay(m, order)
		if err != nil {
			return reading{}, err
		}
		clean = iso
	}
	return readOne(clean)
}

// numericDay turns the parts of a numeric date into "2006-01-02" + the rest.
func numericDay(m []string, order Order) (string, error) {
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[3])
	year, _ := strconv.Atoi(m[5])
	if len(m[5]) == 2 { // as Go reads "06": 69–99 are the 1900s
		year += 2000
		if year >= 2069 {
			year -= 100
		}
	}
	day, month := a, b // day-first
	long := func(d, mo int) string {
		return time.Date(year, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Format("2 January 2006")
	}
	switch {
	case a > 12 && b > 12, a == 0 || b == 0:
		return "", errors.New("there is no such month")
	case a > 12 && order == MonthFirst:
		return "", fmt.Errorf("it is not month-first (there is no month %d), though month-first dates are set in Settings; it reads only as %s", a, long(a, b))
	case b > 12 && order == DayFirst:
		return "", fmt.Errorf("it is not day-first (there is no month %d), though day-first dates are set in Settings; it reads only as %s", b, long(b, a))
	case b > 12:
		day, month = b, a
	case a > 12, a == b:
	case order == DayFirst:
	case order == MonthFirst:
		day, month = b, a
	default:
		return "", &Error{Ambiguous: true, Reason: fmt.Sprintf(
			"%s: it could be %s or %s; choose day-first or month-first dates in Settings, or write it like 2021-06-01",
			twoWays, long(a, b), long(b, a))}
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day) + m[6], nil
}

// guarded calls the date parser and turns a panic of its own into an
// error: it indexes past the end of some strings of digits
// ("000000 000,0000000000", found by FuzzParse), and a bad date must be
// reported, never crash the import.
func guarded[T any](parse func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			var zero T
			v, err = zero, fmt.Errorf("not a date the parser can read")
		}
	}()
	return parse()
}

// readOne parses clean and checks that a whole day was given.
func readOne(clean string) (reading, error) {
	opts := []dateparse.ParserOption{dateparse.RetryAmbiguousDateWithSwap(false)}
	layout, err := guarded(func() (string, error) { return dateparse.ParseFormat(clean, opts...) })
	if err != nil {
		return reading{}, explain(clean, err)
	}
	t, err := guarded(func() (time.Time, error) { return dateparse.ParseAny(clean, opts...) })
	if err != nil {
		return reading{}, explain(clean, err)
	}
	p := scanLayout(layout)
	p.offset = p.offset || strings.HasSuffix(strings.ToUpper(clean), "Z") && p.clock
	switch {
	case !p.year:
		return reading{}, errors.New("it has no year; write it like 1 June 2021")
	case !p.month || !p.day:
		return reading{}, errors.New("it has no day; a publication date needs one, e.g. 1 June 2021")
	case t.Year() < 1800 || t.Year() > 2199:
		return reading{}, fmt.Errorf("the year %d is outside 1800–2199", t.Year())
	}
	return reading{t: t, parts: p}, nil
}

// Partial dates the parser does not read, named so the refusal can say what is missing.
var (
	monthYearRe = regexp.MustCompile(`(?i)^(?:[a-z]+\.?,? \d{4}|\d{4}[-/]\d{1,2})$`)
	dayMonthRe  = regexp.MustCompile(`(?i)^(?:[a-z]+\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\.? [a-z]+\.?)$`)
)

// explain turns a parser error about clean into plain words.
func explain(clean string, err error) error {
	msg := err.Error()
	switch {
	case monthYearRe.MatchString(clean):
		return errors.New("it has no day; a publication date needs one, e.g. 1 June 2021")
	case dayMonthRe.MatchString(clean):
		return errors.New("it has no year; write it like 1 June 2021")
	case strings.Contains(msg, "day out of range"):
		return errors.New("there is no such day in that month")
	case strings.Contains(msg, "month out of range"):
		return errors.New("there is no such month")
	case strings.Contains(msg, "hour out of range"), strings.Contains(msg, "minute out of range"),
		strings.Contains(msg, "second out of range"):
		return errors.New("the time of day is out of range")
	case errors.Is(err, dateparse.ErrUnknownTimeZone), errors.Is(err, dateparse.ErrUnknownTZOffset):
		return errors.New("its time zone is not one Copytrail knows; leave the zone out or write it as +02:00")
	}
	return errors.New("not a date Copytrail can read; write it like " + Example)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// layoutParts says which elements a Go time layout holds.
type layoutParts struct {
	year, month, day, clock, offset bool
}

// scanLayout walks a Go reference layout chunk by chunk, as time.Parse does.
func scanLayout(layout string) layoutParts {
	var p layoutParts
	for i := 0; i < len(layout); {
		rest := layout[i:]
		n := 1
		switch {
		case strings.HasPrefix(rest, "January"):
			p.month, n = true, 7
		case strings.HasPrefix(rest, "Jan"):
			p.month, n = true, 3
		case strings.HasPrefix(rest, "Monday"):
			n = 6
		case strings.HasPrefix(rest, "Mon"):
			n = 3
		case strings.HasPrefix(rest, "MST"):
			n = 3 // a zone name the prepare step did not know: not trusted
		case strings.HasPrefix(rest, "2006"), strings.HasPrefix(rest, "_2006"):
			p.year, n = true, len("2006")+strings.Count(rest[:1], "_")
		case strings.HasPrefix(rest, "01"):
			p.month, n = true, 2
		case strings.HasPrefix(rest, "002"):
			p.day, p.month, n = true, true, 3
		case strings.HasPrefix(rest, "02"), strings.HasPrefix(rest, "_2"):
			p.day, n = true, 2
		case strings.HasPrefix(rest, "03"), strings.HasPrefix(rest, "15"):
			p.clock, n = true, 2
		case strings.HasPrefix(rest, "04"), strings.HasPrefix(rest, "05"):
			n = 2
		case strings.HasPrefix(rest, "06"):
			p.year, n = true, 2
		case strings.HasPrefix(rest, "-07"), strings.HasPrefix(rest, "Z07"):
			p.offset = true
			n = 3
			for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == ':') {
				n++
			}
		case rest[0] == '1':
			p.month = true
		case rest[0] == '2':
			p.day = true
		case rest[0] == '3':
			p.clock = true
		}
		i += n
	}
	return p
}
