package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/fastre"
)

// Title inference, used only when no metadata source names a title. The
// rules, in order:
//
//  1. the headline part of a "Headline – Outlet" line near the top;
//  2. among the first five lines (hard-wrapped lines joined), skipping a
//     masthead first line, a line that is the outlet's name, bylines
//     ("By Ann Writer", "from Ann Writer in Lagos"), desk lines
//     ("Lagos Bureau") and release headers ("FOR IMMEDIATE RELEASE"): the
//     first line, if it is short and does not end in a full stop (a
//     headline);
//  3. if that first line is instead a long paragraph (over 20 words or 160
//     bytes; a dateline at its start is dropped), its first sentence, cut at
//     a word boundary to at most titleMax characters and ended with "…".
//
// A short paragraph that reads as a sentence gives no title: it may be a
// caption or a one-line note, and the file name serves better.

// titleMax is the longest title, in characters, derived from a sentence.
const titleMax = 80

// bylineRE matches lines that are bylines, desk names or release
// headers ("FOR IMMEDIATE RELEASE"), not titles.
var bylineRE = fastre.MustCompile(`^(?i:by|posted by|written by) \p{Lu}` +
	`|^(?i:from) \p{Lu}[\p{L}\p{M}.'’ -]{1,60}? (?i:in|at) \p{Lu}|^(?i:from our) ` +
	`|(?i:bureau|desk|correspondent|staff writer|staff reporter)$` +
	`|^(?i:for immediate release|(?:press|news|media) release|embargoed\b.*|communiqué de presse)$`)

// datelineLeadRE matches a dateline opening a paragraph, with or without an
// outlet: "BAMAKO, (CAJ News) – ", "LAGOS, Nigeria — ", "PARIS - ".
var datelineLeadRE = anchoredLine(`^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:, [\p{L} .]{1,30})?,? ?(?:\([^()]{1,60}\) ?)?[–—-]{1,2} +`, upperASCII, 0)

// inferTitle returns a title read from the text by the rules above.
func inferTitle(text string, skip []provenance.Span, outlet string) provenance.Field {
	lines := contentLines(text, skip)
	if t, _, l := titleSuffix(lines); t != "" {
		return inferred(t, "title line "+quoteShort(l))
	}
	lines = joinWrapped(lines[:min(len(lines), 12)])
	for i, l := range lines[:min(len(lines), 5)] {
		l = stripFurniture(strings.TrimSpace(strings.TrimLeft(l, "#"))) // a Markdown heading, a date stamp
		l = strings.TrimSpace(markupRE.ReplaceAllString(l, ""))         // links left in the text as HTML
		if (i == 0 && (isMasthead(l) || stripControls(l) != l)) || l == outlet || bylineRE.MatchString(l) || furnitureTitle(l) {
			continue
		}
		dateline := datelineLeadRE.FindString(l)
		if dateline == "" {
			dateline = newswireLeadRE.FindString(l)
		}
		body := l[len(dateline):]
		if long := len(body) > 160 || len(strings.Fields(body)) > 20; long {
			return titleFromSentence(body, strings.TrimSpace(dateline))
		}
		if dateline != "" || strings.HasSuffix(l, ".") {
			return provenance.Field{}
		}
		return inferred(l, "first short line")
	}
	return provenance.Field{}
}

// titleFromSentence derives a title from the first sentence of a paragraph
// (dateline, if not empty, is the dateline dropped from its start).
func titleFromSentence(para, dateline string) provenance.Field {
	s := capsLead(firstSentence(para))
	if len(strings.Fields(s)) < 3 {
		return provenance.Field{}
	}
	detail := "from the first sentence"
	if dateline != "" {
		detail += ", after the dateline " + quoteShort(dateline)
	}
	if short := shorten(s, titleMax); short != s {
		s, detail = short, detail+", shortened at a word boundary"
	}
	return inferred(s, detail)
}

// joinWrapped joins hard-wrapped lines back into paragraphs: a line is
// continued by the next when the next starts with a lower-case letter or
// the line ends in a comma or a connecting word ("of", "the", "and").
func joinWrapped(lines []string) []string {
	var out []string
	for _, l := range lines {
		if n := len(out); n > 0 && continues(out[n-1], l) {
			out[n-1] += " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// continues reports whether next continues the paragraph of prev. The
// cheap test of the joint comes first: most lines end a sentence before a
// capital, and the patterns that forbid a joint are read only when the
// lines would otherwise join.
func continues(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	last := strings.ToLower(lastField(prev))
	if !unicode.IsLower(r) && !strings.HasSuffix(prev, ",") && !connectors[last] && !trailingWords[last] {
		return false
	}
	switch {
	case isFormLabel(prev), pictureCreditRE.MatchString(strings.ToLower(prev)):
		return false // "Find: in" and a credit's "CC BY" end on a connector, and continue nothing
	case next == prev, bylineRE.MatchString(next), pictureCreditRE.MatchString(strings.ToLower(next)), webAddressRE.MatchString(next):
		return false // a headline printed twice, "by Ann Writer", a picture's credit and a link start lines of their own
	}
	return true
}

// lastField is the last of strings.Fields(s), "" when there is none.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	start := end
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= w
	}
	return s[start:end]
}

// webAddressRE matches a line that opens with a web address.
var webAddressRE = regexp.MustCompile(`^(?:https?://|www\.)`)

// trailingWords are words a title or a line does not end on.
var trailingWords = map[string]bool{
	"a": true, "an": true, "to": true, "at": true, "by": true, "with": true, "from": true,
	"or": true, "as": true, "that": true, "its": true, "their": true,
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true,
	"maj": true, "jr": true, "sr": true, "no": true, "vs": true, "mt": true, "ft": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "dept": true,
}

// firstSentence returns the paragraph up to the end of its first sentence:
// a full stop, question or exclamation mark (with any closing quotes or
// brackets) followed by a space and a capital, digit or opening quote. A
// full stop after an initial ("J."), a dotted abbreviation ("U.S.") or a
// title such as "Dr." does not end the sentence.
func firstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) {
			r, n := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(`"')]”’»`, r) {
				break
			}
			j += n
		}
		if j == len(p) {
			return p
		}
		if p[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[j:], " "))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(`"'(“‘«`, next) {
			continue
		}
		if c == '.' && abbreviated(p[:i]) {
			continue
		}
		return p[:j]
	}
	return p
}

// abbreviated reports whether the word ending before a full stop is an
// initial, a dotted abbreviation or a known short form.
func abbreviated(before string) bool {
	word := before[strings.LastIndexByte(before, ' ')+1:]
	word = strings.TrimLeft(word, `"'(“‘`)
	return utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") || abbreviations[strings.ToLower(word)]
}

// leadWords are common opening words that wire copy sets in capitals
// ("THE withdrawal of …"); unlike acronyms ("UN officials") they are
// written in sentence case in a title.
var leadWords = map[string]bool{
	"THE": true, "A": true, "AN": true, "THIS": true, "THAT": true, "THESE": true, "THOSE": true,
	"IT": true, "IN": true, "ON": true, "AT": true, "AS": true, "AFTER": true, "BEFORE": true,
	"WHEN": true, "WHILE": true, "WITH": true, "FOR": true, "FROM": true, "SOME": true,
	"MORE": true, "MANY": true, "THERE": true, "SINCE": true, "OVER": true, "UNDER": true,
}

// capsLead writes a capitalised opening word in sentence case when the word
// after it is lower-case: "THE withdrawal" → "The withdrawal".
func capsLead(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok || !leadWords[first] {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLower(r) {
		return s
	}
	return first[:1] + strings.ToLower(first[1:]) + " " + rest
}

// shorten cuts s to at most max characters at a word boundary, drops
// trailing punctuation and connecting words, and ends it with "…"; s is
// returned unchanged when it fits (a final full stop aside).
func shorten(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(strings.TrimSuffix(s, ".")) <= max {
		return s
	}
	runes := []rune(s)
	words := strings.Fields(string(runes[:max-1])) // room for "…"
	if len(words) > 1 && !unicode.IsSpace(runes[max-2]) && !unicode.IsSpace(runes[max-1]) {
		words = words[:len(words)-1] // a word cut in two
	}
	for len(words) > 1 {
		last := strings.TrimRight(words[len(words)-1], ",;:–—-(")
		if last == "" || connectors[strings.ToLower(last)] || trailingWords[strings.ToLower(last)] {
			words = words[:len(words)-1]
			continue
		}
		words[len(words)-1] = last
		break
	}
	return strings.Join(words, " ") + "…"
}
