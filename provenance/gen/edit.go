package gen

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// category maps a word to its list, for substitutions of the same kind.
var category = func() map[string][]string {
	m := map[string][]string{}
	for _, l := range [][]string{nouns, adjectives, verbsPast, verbsBase, adverbs} {
		for _, w := range l {
			m[w] = l
		}
	}
	return m
}()

// core splits a word into leading punctuation, letters and trailing
// punctuation.
func core(w string) (pre, mid, post string) {
	i := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if i < 0 {
		return w, "", ""
	}
	j := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	_, size := utf8.DecodeRuneInString(w[j:])
	return w[:i], w[i : j+size], w[j+size:]
}

// substitute replaces about rate of the words that have a word class with
// another word of the same class.
func (w *Writer) substitute(s string, rate float64) string {
	words := strings.Fields(s)
	for i, word := range words {
		pre, mid, post := core(word)
		list, ok := category[mid]
		if !ok || w.r.Float64() >= rate {
			continue
		}
		for k := 0; k < 4; k++ {
			if alt := w.pick(list); alt != mid {
				words[i] = pre + alt + post
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// insertClause inserts a clause after a word in the middle of the sentence.
func (w *Writer) insertClause(s string) string {
	words := strings.Fields(s)
	if len(words) < 6 {
		return s
	}
	i := 2 + w.r.IntN(len(words)-4)
	words[i] = strings.TrimRight(words[i], ",") + ", " + w.stockClause() + ","
	return strings.Join(words, " ")
}

// deleteWords drops one or two words from the middle of the sentence.
func (w *Writer) deleteWords(s string) string {
	words := strings.Fields(s)
	if len(words) < 8 {
		return s
	}
	n := 1 + w.r.IntN(2)
	i := 2 + w.r.IntN(len(words)-n-3)
	return strings.Join(append(words[:i:i], words[i+n:]...), " ")
}

var (
	saysPerson = regexp.MustCompile(`says ([A-Z][a-z]+ [A-Z][a-z]+)`)
	personSays = regexp.MustCompile(`^([A-Z][a-z]+ [A-Z][a-z]+) says `)
)

// retense moves the sentence to the past tense and changes its attribution
// ("says X" -> "X said", "X says ..." -> "According to X, ...").
func retense(s string) string {
	s = saysPerson.ReplaceAllString(s, "$1 said")
	s = personSays.ReplaceAllString(s, "According to $1, ")
	words := strings.Fields(s)
	for i, word := range words {
		pre, mid, post := core(word)
		if past, ok := tense[mid]; ok {
			words[i] = pre + past + post
		}
	}
	return strings.Join(words, " ")
}

// Edit is a named way to change a reused sentence.
type Edit func(w *Writer, s string) string

// lightEdit makes one or two small edits, as a sub-editor would.
func lightEdit(w *Writer, s string) string {
	s = w.substitute(s, 0.06)
	if w.r.IntN(3) == 0 {
		s = w.insertClause(s)
	}
	return s
}

// heavyEdit substitutes many words, inserts and deletes, and changes tense.
func heavyEdit(w *Writer, s string) string {
	s = retense(w.substitute(s, 0.2))
	if w.r.IntN(5) < 4 {
		s = w.insertClause(s)
	}
	if w.r.IntN(5) < 4 {
		s = w.deleteWords(s)
	}
	return s
}
