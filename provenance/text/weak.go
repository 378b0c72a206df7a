package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// functionWords are English words that carry no content on their own.
var functionWords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of in on at to for from by with
		as into onto over under about after before between through during without within
		is are was were be been being am has have had do does did will would shall should
		can could may might must it its it's this that these those there here which who whom
		whose what when where why how not no so than then too very also just only such
		he she they we you i me him her them us our your their his my mine ours theirs
		said says say according told all any each other some more most many much one`) {
		m[HashTerm(w)] = true
	}
	return m
}()

// FunctionWord reports whether a term hash is an English function word
// (articles, prepositions, pronouns, auxiliaries, "said").
func FunctionWord(h uint64) bool { return functionWords[h] }

// NameLike reports whether the word text[start:end] looks like part of a
// name or a number: digits, an all-capitals acronym, or a capital that does
// not open a sentence.
func NameLike(text string, start, end int) bool {
	w := text[start:end]
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	if len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
		return true
	}
	return !OpensSentence(text, start)
}

// OpensSentence reports whether the word at byte st starts a sentence or a
// line (only spaces and punctuation since the last . ! ? : or line break).
func OpensSentence(t string, st int) bool {
	for i := st; i > 0; {
		r, size := utf8.DecodeLastRuneInString(t[:i])
		i -= size
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ':':
			return true
		case unicode.IsSpace(r) || unicode.IsPunct(r):
			continue
		default:
			return false
		}
	}
	return true
}
