package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// lineRE is a pattern, most often anchored at the start of the text (^,
// not (?m)), with what its every match needs: a
// line refused by may is not given to the pattern at all. Inference tries
// a dozen such patterns on every line near the top and the end of every
// document; the backtracker each run sets up costs more than the match.
type lineRE struct {
	re *regexp.Regexp
	// first holds the ASCII bytes a match may start with; a line starting
	// with a non-ASCII byte is always tried (a letter may case-fold to
	// one of them: ſ for s, K for k). "" allows every first byte.
	first string
	// needs is a byte every match holds (0: none).
	needs byte
}

// may reports whether s can match: false only when it cannot.
func (p lineRE) may(s string) bool {
	if s == "" {
		return p.first == "" && p.needs == 0
	}
	if p.first != "" && s[0] < utf8.RuneSelf && strings.IndexByte(p.first, s[0]) < 0 {
		return false
	}
	return p.needs == 0 || strings.IndexByte(s, p.needs) >= 0
}

func (p lineRE) MatchString(s string) bool { return p.may(s) && p.re.MatchString(s) }

func (p lineRE) FindString(s string) string {
	if !p.may(s) {
		return ""
	}
	return p.re.FindString(s)
}

func (p lineRE) FindStringSubmatch(s string) []string {
	if !p.may(s) {
		return nil
	}
	return p.re.FindStringSubmatch(s)
}

// ReplaceAllString is the pattern's: an anchored pattern that cannot
// match at the start matches nowhere, so s comes back as it is.
func (p lineRE) ReplaceAllString(s, repl string) string {
	if !p.may(s) {
		return s
	}
	return p.re.ReplaceAllString(s, repl)
}

// upperASCII are the ASCII bytes \p{Lu} matches.
const upperASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// anchoredLine compiles expr with the first bytes and the needed byte of
// its matches. first may be given only when every alternative of expr
// starts with ^: a pattern free to match further on could start anywhere.
func anchoredLine(expr, first string, needs byte) lineRE {
	return lineRE{re: regexp.MustCompile(expr), first: first, needs: needs}
}
