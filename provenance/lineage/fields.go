package lineage

import (
	"unicode"
	"unicode/utf8"
)

// Counting words the way strings.Fields splits them (around
// unicode.IsSpace), without making the list: the lineage asks "at least n
// words?" of every quotation and paragraph, and strings.Fields allocated a
// slice each time.

// fieldsAtLeast reports whether len(strings.Fields(s)) >= n, reading s
// only as far as the n-th field.
func fieldsAtLeast(s string, n int) bool {
	if n <= 0 {
		return true
	}
	count, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		space, w := asciiSpace[c], 1
		if c >= utf8.RuneSelf {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			in = false
		} else if !in {
			in = true
			if count++; count >= n {
				return true
			}
		}
		i += w
	}
	return false
}

// lastField is the last of strings.Fields(s), "" when there is none.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:end])
		if !isFieldSpace(r, w) {
			break
		}
		end -= w
	}
	start := end
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if isFieldSpace(r, w) {
			break
		}
		start -= w
	}
	return s[start:end]
}

// isFieldSpace is unicode.IsSpace of a rune decoded w bytes wide (an
// invalid byte, RuneError of width 1, is not a space).
func isFieldSpace(r rune, w int) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[byte(r)]
	}
	return !(r == utf8.RuneError && w == 1) && unicode.IsSpace(r)
}

// asciiSpace is unicode.IsSpace for ASCII: \t \n \v \f \r and space.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
