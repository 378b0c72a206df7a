package text

import (
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
	start := -1
	si := 0 // next skip span to consider (skip sorted by Ignored; tolerate unsorted)
	sorted := isSorted(skip)
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, Token{Term: text[start:end], Start: start, End: end})
			start = -1
		}
	}
	for i := 0; i < len(text); {
		// Jump over ignored spans.
		if len(skip) > 0 {
			if end, in := inSkip(skip, &si, sorted, i); in {
				flush(i)
				if end <= i {
					end = i + 1
				}
				i = end
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start = i
				}
			} else if c == '\'' && start >= 0 && i+1 < len(text) && nextIsWord(text[i+1:]) {
				// apostrophe inside a word: keep going
			} else {
				flush(i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case perCharacter(r):
			flush(i)
			toks = append(toks, Token{Term: text[i : i+size], Start: i, End: i + size})
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0 && i+size < len(text) && nextIsWord(text[i+size:]):
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
	return toks
}

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r) && !perCharacter(r)
}

func isSorted(s []provenance.Span) bool {
	for i := 1; i < len(s); i++ {
		if s[i].Start < s[i-1].Start {
			return false
		}
	}
	return true
}

// inSkip reports whether byte i lies in a skip span and, if so, where the
// covering spans end.
func inSkip(skip []provenance.Span, si *int, sorted bool, i int) (int, bool) {
	if !sorted {
		end, in := 0, false
		for _, s := range skip {
			if s.Start <= i && i < s.End && s.End > end {
				end, in = s.End, true
			}
		}
		return end, in
	}
	for *si < len(skip) && skip[*si].End <= i {
		*si++
	}
	end, in := 0, false
	for k := *si; k < len(skip) && skip[k].Start <= i; k++ {
		if i < skip[k].End && skip[k].End > end {
			end, in = skip[k].End, true
		}
	}
	return end, in
}
