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
		said says say according told all any each other some more most many much one
		added noted warned stated explained insisted claimed near across throughout around
		along beyond inside outside against among towards toward upon via since until while
		although because though whether if yet both either neither every several two`) {
		m[HashTerm(w)] = true
	}
	return m
}()

// FunctionWord reports whether a term hash is an English function word
// (articles, prepositions, pronouns, auxiliaries, "said").
func FunctionWord(h uint64) bool { return functionWords[h] }

// NameLike reports whether the word text[start:end] looks like part of a
// name or a number: digits, an all-capitals acronym, a capital that does
// not open a sentence, or one that does but is followed by another capital.
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
	if !OpensSentence(text, start) {
		return true
	}
	// a capital opening a sentence is a name when a capitalised word
	// follows ("Quive Gamgamdun said"), not otherwise ("The talks")
	rest := strings.TrimLeft(text[end:], " ")
	r, _ = utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) && !functionWords[HashTerm(strings.ToLower(w))]
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

// stockPhrases are stock phrases of news writing: attributions, time
// expressions and connectives that many unrelated articles share.
var stockPhrases = []string{
	"according to", "a source close to", "sources close to", "close to the talks",
	"said in a statement", "in a statement", "told reporters", "at a press conference",
	"press conference", "on condition of anonymity", "seen by reporters", "in a brief interview",
	"officials confirmed", "local reports", "local media reported", "news agency",
	"earlier this", "late last", "last week", "last month", "last year", "this week", "this month",
	"this year", "next week", "next month", "next year", "on monday", "on tuesday", "on wednesday",
	"on thursday", "on friday", "on saturday", "on sunday", "for the first time", "for the second time",
	"in the coming weeks", "in the coming days", "as widely expected", "under mounting pressure",
	"amid growing criticism", "without further explanation", "once again", "two days later",
	"for more information", "please contact", "all rights reserved", "read more", "click here",
}

// stockIndex maps the hash of a stock phrase's first word to the phrases'
// word hashes.
var stockIndex = func() map[uint64][][]uint64 {
	m := map[uint64][][]uint64{}
	for _, p := range stockPhrases {
		var hs []uint64
		for _, w := range strings.Fields(p) {
			hs = append(hs, HashTerm(w))
		}
		m[hs[0]] = append(m[hs[0]], hs)
	}
	return m
}()

// StockMask marks the words of hashes that belong to a stock phrase.
func StockMask(hashes []uint64) []bool {
	mask := make([]bool, len(hashes))
	for i, h := range hashes {
		for _, p := range stockIndex[h] {
			if i+len(p) > len(hashes) {
				continue
			}
			match := true
			for k, ph := range p {
				if hashes[i+k] != ph {
					match = false
					break
				}
			}
			if match {
				for k := range p {
					mask[i+k] = true
				}
			}
		}
	}
	return mask
}
