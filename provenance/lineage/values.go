package lineage

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/copytrail/copytrail/provenance"
)

// value is a number, amount or date read from text, normalised so that
// "1 July" and "July 1", or "17,400" and "17400", compare equal.
type value struct {
	kind string // "date" or "number"
	norm string
	span provenance.Span
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}

// multipliers scale amounts: "1.2bn", "3 million".
var multipliers = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
	"billions": 1e9, "milliard": 1e9, "milliards": 1e9, "mille": 1e3, "k": 1e3, "trillion": 1e12,
}

// dayNumber reads "1", "31", "1er".
func dayNumber(s string) (int, bool) {
	s = strings.TrimSuffix(s, "er")
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "st"), "nd"), "rd"), "th")
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= 31
}

func yearNumber(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && len(s) == 4 && n >= 1800 && n <= 2200
}

// parseNumber reads "17,400", "1.2bn", "300", "2,5" (French decimal).
func parseNumber(s string) (float64, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	mult := 1.0
	for suf, m := range multipliers {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) && unicode.IsDigit(rune(s[len(s)-len(suf)-1])) {
			s, mult = s[:len(s)-len(suf)], m
			break
		}
	}
	if s == "" || !unicode.IsDigit(rune(s[0])) {
		return 0, false
	}
	// A comma followed by exactly three digits groups thousands; else a decimal.
	parts := strings.Split(s, ",")
	if len(parts) > 1 && len(parts[len(parts)-1]) == 3 {
		s = strings.Join(parts, "")
	} else {
		s = strings.ReplaceAll(s, ",", ".")
	}
	f, err := strconv.ParseFloat(s, 64)
	return f * mult, err == nil
}

// readValues finds the dates and numbers among toks.
func readValues(toks []token) []value {
	var out []value
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		next := func(k int) string {
			if i+k < len(toks) {
				return toks[i+k].norm
			}
			return ""
		}
		span := func(n int) provenance.Span { return provenance.Span{Start: t.start, End: toks[i+n-1].end} }
		// "July 1[, 2024]", "1 July[ 2024]", "1er juillet"
		m, mok := months[t.norm]
		d, dok := dayNumber(next(1))
		if !mok {
			d, dok = dayNumber(t.norm)
			m, mok = months[next(1)]
		}
		if mok && dok {
			n, norm := 2, strconv.Itoa(m)+"-"+strconv.Itoa(d)
			if y, ok := yearNumber(next(2)); ok {
				n, norm = 3, norm+"-"+strconv.Itoa(y)
			}
			out = append(out, value{"date", norm, span(n)})
			i += n - 1
			continue
		}
		if f, ok := parseNumber(t.norm); ok {
			n := 1
			if m, ok := multipliers[next(1)]; ok && m >= 1e3 {
				f *= m
				n = 2
			}
			out = append(out, value{"number", strconv.FormatFloat(f, 'g', -1, 64), span(n)})
			i += n - 1
		}
	}
	return out
}

// sameValue compares values; dates compare, ignoring a year one side leaves out.
func sameValue(a, b value) bool {
	if a.kind != b.kind {
		return false
	}
	if a.norm == b.norm {
		return true
	}
	if a.kind == "date" {
		ap, bp := strings.Split(a.norm, "-"), strings.Split(b.norm, "-")
		return ap[0] == bp[0] && ap[1] == bp[1] && (len(ap) == 2 || len(bp) == 2)
	}
	return false
}

// changedValues pairs the values of a source span that the target does not
// have with target values the source does not have, kind by kind, in order.
func changedValues(src, dst []value) [][2]value {
	used := make([]bool, len(dst))
	var lost []value
	for _, s := range src {
		found := false
		for j, d := range dst {
			if !used[j] && sameValue(s, d) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			lost = append(lost, s)
		}
	}
	var gained []value
	for j, d := range dst {
		if !used[j] {
			gained = append(gained, d)
		}
	}
	var out [][2]value
	taken := make([]bool, len(gained))
	for _, l := range lost {
		for j, g := range gained {
			if !taken[j] && g.kind == l.kind {
				taken[j] = true
				out = append(out, [2]value{l, g})
				break
			}
		}
	}
	return out
}
