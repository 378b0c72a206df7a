package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normaliser is the TokenFilter that makes each token's matching form: NFKC,
// Unicode case folding, curly quotes and apostrophes made straight, dashes
// made '-', and diacritics removed (é→e, ё→е, Arabic harakat dropped). The
// folding is for matching only; the text shown to users is never changed.
type Normaliser struct{}

// Filter implements TokenFilter.
func (Normaliser) Filter(toks []Token) []Token {
	for i := range toks {
		toks[i].Term = Fold(toks[i].Term)
	}
	return toks
}

// Fold returns the matching form of one word.
func Fold(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if upper {
			return strings.ToLower(s)
		}
		return s
	}
	s = norm.NFKC.String(s)
	s = cases.Fold().String(s)
	s = strings.Map(foldPunct, s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if out, _, err := transform.String(t, s); err == nil && out != "" {
		s = out
	}
	return s
}

// foldPunct straightens quotes and apostrophes and unifies dashes.
func foldPunct(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032', '`', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	return r
}
