package text

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// WordTokenizer is the script-aware tokenizer described in the package doc.
// Its tokens' Term is the raw word; the Normaliser makes it a matching form.
type WordTokenizer struct{}

// perCharacter reports scripts written without spaces between words.
func perCharacter(r rune) bool {
	if r < 0x0E00 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.IsNumber(r)
}

// isApostrophe reports the characters used as apostrophes inside words.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC' || r == '\u2018' || r == '\u2032'
}

// Tokenize implements Tokenizer.
func (WordTokenizer) Tokenize(text string, skip []provenance.Span) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	eachWord(text, skip, func(start, end int) {
		toks = append(toks, Token{Term: text[start:end], Start: start, End: end})
	})
	return toks
}

// eachWord calls emit with the byte span of every word of text outside skip,
// in order: the tokenizer without building tokens.
func eachWord(text string, skip []provenance.Span, emit func(start, end int)) {
	spans := MergeSpans(skip)
	si := 0
	nextSkip := len(text) + 1
	if len(spans) > 0 {
		nextSkip = spans[0].Start
	}
	start := -1
	flush := func(end int) {
		if start >= 0 {
			emit(start, end)
			start = -1
		}
	}
	for i := 0; i < len(text); {
		if i >= nextSkip {
			flush(i)
			i = max(i, spans[si].End)
			si++
			nextSkip = len(text) + 1
			if si < len(spans) {
				nextSkip = spans[si].Start
			}
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start = i
				}
			} else if c == '\'' && start >= 0 && i+1 < nextSkip && nextIsWord(text[i+1:]) {
				// apostrophe inside a word: keep going
			} else {
				flush(i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if i+size > nextSkip {
			// the rune straddles an ignored span: cut here
			flush(i)
			i = nextSkip
			continue
		}
		switch {
		case perCharacter(r):
			flush(i)
			emit(i, i+size)
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0 && i+size < nextSkip && nextIsWord(text[i+size:]):
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
}

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r) && !perCharacter(r)
}

// MergeSpans returns spans sorted by start with overlapping spans joined and
// empty ones dropped.
func MergeSpans(skip []provenance.Span) []provenance.Span {
	if len(skip) == 0 {
		return nil
	}
	s := make([]provenance.Span, 0, len(skip))
	for _, sp := range skip {
		if sp.End > sp.Start && sp.End > 0 {
			s = append(s, provenance.Span{Start: max(sp.Start, 0), End: sp.End})
		}
	}
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	out := s[:0]
	for _, sp := range s {
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}
