package lineage

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Hand-made start finders (fastre's WithStarts) for the patterns that can
// start on any capitalised word but only match a few words before a word
// they need: each lists a superset of the offsets where its pattern can
// start, found by walking back from every place that word occurs.
// TestPatternsMatchAsRegexp and TestStartFindersMatchAsRegexp hold the
// patterns, searched this way, to regexp. A change of a pattern's name
// part must be made here too.

// isSpaceByte is \s: [\t\n\f\r ].
func isSpaceByte(b byte) bool { return spaceBytes[b] }

var spaceBytes = [256]bool{' ': true, '\t': true, '\n': true, '\f': true, '\r': true}

// isASCIIWord is \w, what \b looks at on each side.
func isASCIIWord(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// capStarts appends the offsets in text[from:to] where \b[A-Z] holds.
func capStarts(out []int, text string, from, to int) []int {
	for k := from; k < to; k++ {
		if 'A' <= text[k] && text[k] <= 'Z' && (k == 0 || !isASCIIWord(text[k-1])) {
			out = append(out, k)
		}
	}
	return out
}

// orgSubjectRuns bounds the words orgSubject's name can have: its second
// form is a capitalised word and up to six more, each after a space, a
// joining word and a blank, so at most 13 runs of letters.
const orgSubjectRuns = 13

// orgSubjectStarts lists where orgSubject can start: on a capital at a
// word boundary among the 13 runs of [A-Za-z&] (between blanks) before a
// blank and one of its verbs — the only bytes its name part takes in.
// The run just before the blank must hold a capital: both forms of the
// name end on it ([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*, or a last word
// [A-Z][a-z]+), so "the company is" starts nothing.
func orgSubjectStarts(text string) []int {
	var out []int
	// Each kind of blank in its own pass, by the runtime's byte search: a
	// loop over every byte cost more than the rest of the finder.
	for _, blank := range []byte{' ', '\n', '\t', '\r', '\f'} {
		for i := strings.IndexByte(text, blank); i >= 0; {
			if i+2 < len(text) && verbPairs.has(text[i+1], text[i+2]) && verbAt(text[i+1:]) {
				out = orgSubjectBefore(out, text, i)
			}
			k := strings.IndexByte(text[i+1:], blank)
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// orgSubjectBefore appends the starts orgSubjectStarts finds before the
// blank at text[i] that a verb follows.
func orgSubjectBefore(out []int, text string, i int) []int {
	j := i
	for j >= 0 && isSpaceByte(text[j]) {
		j--
	}
	if !capitalInRun(text, j) {
		return out
	}
	for runs := 0; runs < orgSubjectRuns && j >= 0 && isAlphaAmp(text[j]); runs++ {
		end := j + 1
		for j >= 0 && isAlphaAmp(text[j]) {
			j--
		}
		out = capStarts(out, text, j+1, end)
		for j >= 0 && isSpaceByte(text[j]) {
			j--
		}
	}
	return out
}

// capitalInRun reports whether the run of [A-Za-z&] ending at text[j]
// holds a capital (false for an empty run, j < 0 included).
func capitalInRun(text string, j int) bool {
	for ; j >= 0 && isAlphaAmp(text[j]); j-- {
		if 'A' <= text[j] && text[j] <= 'Z' {
			return true
		}
	}
	return false
}

func isAlphaAmp(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '&'
}

// verbsByFirst are orgSubjectVerbs by their first byte.
var verbsByFirst = func() (m [256][]string) {
	for _, v := range orgSubjectVerbs {
		m[v[0]] = append(m[v[0]], v)
	}
	return m
}()

// bytePairs is a set of two-byte strings.
type bytePairs [1 << 16 / 64]uint64

func (p *bytePairs) add(a, b byte) { k := uint16(a)<<8 | uint16(b); p[k/64] |= 1 << (k % 64) }
func (p *bytePairs) has(a, b byte) bool {
	k := uint16(a)<<8 | uint16(b)
	return p[k/64]&(1<<(k%64)) != 0
}

// verbPairs are the first two bytes of orgSubjectVerbs (each has two or
// more).
var verbPairs = func() (p bytePairs) {
	for _, v := range orgSubjectVerbs {
		p.add(v[0], v[1])
	}
	return p
}()

// verbAt reports whether s starts with one of orgSubjectVerbs.
func verbAt(s string) bool {
	for _, v := range verbsByFirst[s[0]] {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
}

// orgNameJoiners are the small words orgName allows between capitalised
// words.
var orgNameJoiners = map[string]bool{"of": true, "for": true, "and": true, "on": true, "at": true, "de": true, "the": true}

// orgNameRunBack walks back from text[:end] (end: just past the name's
// last byte) over orgName's words — runs of [A-Za-z0-9&’'.-] between
// blanks, each capitalised or a joining word — and appends the offsets
// where \b[A-Z] holds in them, and in the first run that is neither (a
// name can start inside it, after a hyphen).
func orgNameRunBack(out []int, text string, end int) []int {
	j := end - 1
	for j >= 0 {
		runEnd := j + 1
		for j >= 0 {
			if isOrgNameByte(text[j]) {
				j--
			} else if j >= 2 && text[j-2:j+1] == "’" {
				j -= 3
			} else {
				break
			}
		}
		start := j + 1
		if start == runEnd {
			break
		}
		out = capStarts(out, text, start, runEnd)
		if run := text[start:runEnd]; !('A' <= run[0] && run[0] <= 'Z') && !orgNameJoiners[run] {
			break
		}
		if j < 0 || !isSpaceByte(text[j]) {
			break
		}
		for j >= 0 && isSpaceByte(text[j]) {
			j--
		}
	}
	return out
}

func isOrgNameByte(b byte) bool {
	return isAlphaAmp(b) || '0' <= b && b <= '9' || b == '\'' || b == '.' || b == '-'
}

// orgSaidStarts lists where `\b` + orgName + `\s+said\s+…` can start: in
// the name's words before each blank and "said".
func orgSaidStarts(text string) []int {
	var out []int
	eachAfterBlank(text, "said", func(p int) {
		out = orgNameRunBack(out, text, blanksBack(text, p))
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// eachAfterBlank calls fn with each offset of word in text that follows
// a blank.
func eachAfterBlank(text, word string, fn func(p int)) {
	eachIndex(text, word, func(p int) {
		if p > 0 && isSpaceByte(text[p-1]) {
			fn(p)
		}
	})
}

// orgPossessiveStarts lists where `\b` + orgName + `[’']s\s+…` can
// start: in the name's words before each ’s or 's.
func orgPossessiveStarts(text string) []int {
	var out []int
	for i := 0; i < len(text); i++ {
		var q int // length of the apostrophe
		switch {
		case text[i] == '\'':
			q = 1
		case strings.HasPrefix(text[i:], "’"):
			q = 3
		default:
			continue
		}
		if i+q < len(text) && text[i+q] == 's' {
			out = orgNameRunBack(out, text, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// lineNameRuns bounds the blank-separated words of a line that is a name
// alone: a dash, "The" and the name's nine words.
const lineNameRuns = 11

// lineNameStarts lists where the credit pattern of a name alone on its
// line (`(?m)^\s*[-–—]?\s*(?:The\s+)?` + name + `\s*$`) can start: at
// the start of a line whose every byte the match would take in (blanks,
// dashes, the name's ASCII word characters, . & ' ! - and ’) in at most
// 11 words, or of a line of blanks and dashes before such a line.
func lineNameStarts(text string) []int {
	type line struct{ start, end int }
	var lines []line
	for s := 0; s <= len(text); {
		e := strings.IndexByte(text[s:], '\n')
		if e < 0 {
			lines = append(lines, line{s, len(text)})
			break
		}
		lines = append(lines, line{s, s + e})
		s += e + 1
	}
	ok := make([]bool, len(lines))
	for k := len(lines) - 1; k >= 0; k-- {
		l := text[lines[k].start:lines[k].end]
		name, filler := nameLine(l)
		ok[k] = name && (!filler || k+1 < len(lines) && ok[k+1])
	}
	var out []int
	for k, l := range lines {
		if ok[k] {
			out = append(out, l.start)
		}
	}
	return out
}

// nameLine reports whether l holds only what a name alone on its line is
// made of, in at most lineNameRuns words (name), and whether it holds
// nothing but blanks and dashes (filler).
func nameLine(l string) (name, filler bool) {
	filler = true
	words, inWord := 0, false
	for i := 0; i < len(l); {
		c := l[i]
		n := 1
		switch {
		case isSpaceByte(c):
			inWord = false
			i++
			continue
		case c == '-':
		case isASCIIWord(c) || c == '.' || c == '&' || c == '\'' || c == '!':
			filler = false
		case strings.HasPrefix(l[i:], "–") || strings.HasPrefix(l[i:], "—"):
			n = 3
		case strings.HasPrefix(l[i:], "’"):
			n, filler = 3, false
		default:
			return false, false
		}
		if !inWord {
			if words++; words > lineNameRuns {
				return false, false // too long for a name: the rest need not be read
			}
			inWord = true
		}
		i += n
	}
	return true, filler
}

// lineStartsWhere lists the line starts of text (0 and each offset after a
// newline) at which keep, given the text from there on, says a match can
// start.
func lineStartsWhere(text string, keep func(rest string) bool) []int {
	var out []int
	for at := 0; ; {
		if keep(text[at:]) {
			out = append(out, at)
		}
		nl := strings.IndexByte(text[at:], '\n')
		if nl < 0 {
			return out
		}
		at += nl + 1
	}
}

// storySourceStarts lists where the credit pattern of a source line
// (`(?m)^\W{0,3}(?i:(?:story\s+)?source)\s*[:\-–]…`) can start: at a line
// start followed, past at most three runes that are not \w (a newline is
// one), by "story" or "source" in any case. A text holding ſ (which (?i)
// folds to s) gets every line start.
func storySourceStarts(text string) []int {
	anyCase := strings.Contains(text, "ſ")
	return lineStartsWhere(text, func(rest string) bool {
		k := 0
		for n := 0; n < 3 && k < len(rest) && !isASCIIWord(rest[k]); n++ {
			_, w := utf8.DecodeRuneInString(rest[k:])
			k += w
		}
		return anyCase || hasFoldPrefix(rest[k:], "story") || hasFoldPrefix(rest[k:], "source")
	})
}

// fromLineStarts lists where the credit pattern of a "From …" line
// (`(?m)^\s*(?i:from)\s+…`) can start: at a line start followed, past
// blanks, by "from" in any case.
func fromLineStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool { return hasFoldPrefix(rest[skipBlanks(rest, 0):], "from") })
}

// byLineStarts and authorLineStarts list where the credit patterns of a
// byline (`(?m)^\s*By\s+…`) and an author line (`(?m)^\s*(?i:author)\s*:…`)
// can start: at a line start followed, past blanks, by "By", or by
// "author" in any case.
func byLineStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool { return strings.HasPrefix(rest[skipBlanks(rest, 0):], "By") })
}
func authorLineStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool { return hasFoldPrefix(rest[skipBlanks(rest, 0):], "author") })
}

// aProposStarts lists where the "À propos de" section heading
// (`(?m)^\s*(À|A) (propos|PROPOS) …`) can start: at a line start followed,
// past blanks, by "À propos", "A propos" or the same in capitals.
func aProposStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool {
		rest = rest[skipBlanks(rest, 0):]
		if r, ok := strings.CutPrefix(rest, "À "); ok {
			rest = r
		} else if r, ok := strings.CutPrefix(rest, "A "); ok {
			rest = r
		} else {
			return false
		}
		return strings.HasPrefix(rest, "propos") || strings.HasPrefix(rest, "PROPOS")
	})
}

// hasFoldPrefix reports whether s begins with the lower-case ASCII word
// lit, its letters in either case.
func hasFoldPrefix(s, lit string) bool {
	if len(s) < len(lit) {
		return false
	}
	for i := 0; i < len(lit); i++ {
		if s[i]|0x20 != lit[i] {
			return false
		}
	}
	return true
}

// releaseDatelineStarts lists where releaseDateline
// (`(?m)^(?:\(Press-News\.org\)\s*)?[A-Z][A-Z .'-]{2,30},\s+…`) can start:
// at a line start where, past the aggregator's tag and blanks, a capital
// and 2 to 30 of [A-Z .'-] come before a comma.
func releaseDatelineStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool {
		k := 0
		if strings.HasPrefix(rest, "(Press-News.org)") {
			k = skipBlanks(rest, len("(Press-News.org)"))
		}
		if k >= len(rest) || rest[k] < 'A' || rest[k] > 'Z' {
			return false
		}
		r := k + 1
		for r < len(rest) && r-k-1 < 31 && datelineCityByte(rest[r]) {
			r++
		}
		n := r - k - 1
		return n >= 2 && n <= 30 && r < len(rest) && rest[r] == ','
	})
}

// datelineCityByte is [A-Z .'-].
func datelineCityByte(b byte) bool {
	return 'A' <= b && b <= 'Z' || b == ' ' || b == '.' || b == '\'' || b == '-'
}

// skipBlanks returns the offset of the first byte at or after k that is
// not \s.
func skipBlanks(text string, k int) int {
	for k < len(text) && isSpaceByte(text[k]) {
		k++
	}
	return k
}

// saysStarts lists where saysAttribution
// (`[”"»]\s*,?\s*(says|…|précise)\b|\b(says|…|estime)\s*:?\s*[“"«]`) can
// start, found from the quotation marks, rarer than the verbs' letters: at
// a closing mark followed, past blanks and one comma, by one of the nine
// verbs and a word boundary; at one of the five verbs of the second form,
// after a word boundary, that blanks and one colon separate from an
// opening mark after it. Both forms are searched exactly (the runs
// between mark and verb can only be blanks around one comma or colon),
// so the offsets are the matches' starts.
func saysStarts(text string) []int {
	var out []int
	for _, mark := range []string{"”", `"`, "»"} {
		eachIndex(text, mark, func(q int) {
			p := skipBlanks(text, q+len(mark))
			if p < len(text) && text[p] == ',' {
				p = skipBlanks(text, p+1)
			}
			if verbEndingWord(text[p:], saysWords) {
				out = append(out, q)
			}
		})
	}
	for _, mark := range []string{"“", `"`, "«"} {
		eachIndex(text, mark, func(q int) {
			j := blanksBack(text, q)
			if j > 0 && text[j-1] == ':' {
				j = blanksBack(text, j-1)
			}
			for _, v := range saysQuotedWords {
				if k := j - len(v); k >= 0 && text[k:j] == v && (k == 0 || !isASCIIWord(text[k-1])) {
					out = append(out, k)
				}
			}
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// saysQuotedWords are the verbs of saysAttribution's second form, which
// a quotation follows ("says: “…").
var saysQuotedWords = []string{"says", "déclare", "affirme", "souligne", "estime"}

// verbEndingWord reports whether s begins with one of verbs followed by a
// word boundary (each verb ends in an ASCII letter).
func verbEndingWord(s string, verbs []string) bool {
	for _, v := range verbs {
		if strings.HasPrefix(s, v) && (len(s) == len(v) || !isASCIIWord(s[len(v)])) {
			return true
		}
	}
	return false
}

// blanksBack returns the offset after the last byte before k that is not
// \s (0 when there is none).
func blanksBack(text string, k int) int {
	for k > 0 && isSpaceByte(text[k-1]) {
		k--
	}
	return k
}

// eachIndex calls fn with each offset of sub in text, in order.
func eachIndex(text, sub string, fn func(i int)) {
	for i := 0; ; i++ {
		j := strings.Index(text[i:], sub)
		if j < 0 {
			return
		}
		i += j
		fn(i)
	}
}

// outletCitedRuns bounds the runs of non-blank bytes outletCited's second
// form can take in before its verb: the name's nine words (a hyphen
// joins two inside one run) and "The".
const outletCitedRuns = 10

// outletCitedStarts lists where outletCited
// (`\b(?i:according\s+to|told)\s+…` + name + `|\b(?:[Tt]he\s+)?` + name +
// `\s+(?i:reported|reports|said|says)\b`) can start: on "according" or
// "told" in any case after a word boundary; and on a letter after a
// word boundary among the ten runs of the name's bytes ([\w.&'’!-])
// between blanks before blanks and one of the second form's verbs,
// in any case, ending a word. A text holding ſ (which (?i) folds to s)
// gets every rune.
func outletCitedStarts(text string) []int {
	if strings.Contains(text, "ſ") {
		return runeStarts(text)
	}
	var out []int
	for i := 0; i < len(text); i++ {
		c := text[i] | 0x20
		if c != 'a' && c != 't' && c != 'r' && c != 's' || i > 0 && isASCIIWord(text[i-1]) && c != 'r' && c != 's' {
			continue
		}
		rest := text[i:]
		switch {
		case c == 'a' && hasFoldPrefix(rest, "according"), c == 't' && hasFoldPrefix(rest, "told"):
			out = append(out, i)
		case (c == 'r' || c == 's') && i > 0 && isSpaceByte(text[i-1]) && citedVerbAt(rest):
			out = nameRunsBack(out, text, blanksBack(text, i), outletCitedRuns)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// runeStarts lists the offset of every rune of text: where a match can
// start when nothing narrower is known.
func runeStarts(text string) []int {
	out := make([]int, 0, len(text))
	for i := range text {
		out = append(out, i)
	}
	return out
}

// citedVerbAt reports whether s begins with one of outletCited's verbs
// (reported, reports, said, says) in any case, ending a word.
func citedVerbAt(s string) bool {
	for _, v := range []string{"reported", "reports", "said", "says"} {
		if hasFoldPrefix(s, v) && (len(s) == len(v) || !isASCIIWord(s[len(v)])) {
			return true
		}
	}
	return false
}

// nameRunsBack walks back from text[:end] over at most runs runs of the
// name's bytes ([\w.&'’!-]) separated by blanks and appends the offsets
// of the letters in them that follow a non-word byte (or start the
// text): where \b and a name's first word (or "The") can start.
func nameRunsBack(out []int, text string, end, runs int) []int {
	j := end
	for n := 0; n < runs && j > 0; n++ {
		runEnd := j
		for j > 0 {
			if isNameByte(text[j-1]) {
				j--
			} else if j >= 3 && text[j-3:j] == "’" {
				j -= 3
			} else {
				break
			}
		}
		if j == runEnd {
			break
		}
		for k := j; k < runEnd; k++ {
			if c := text[k] | 0x20; 'a' <= c && c <= 'z' && (k == 0 || !isASCIIWord(text[k-1])) {
				out = append(out, k)
			}
		}
		j = blanksBack(text, j)
	}
	return out
}

// isNameByte is the ASCII part of the name's word class [\w.&'’!-].
func isNameByte(b byte) bool {
	return isASCIIWord(b) || b == '.' || b == '&' || b == '\'' || b == '!' || b == '-'
}

// orgAnnouncedStarts lists where the announcement attribution (`\b` +
// orgName + `\s+(?:today\s+)?(?:has\s+)?announced…`) can start: in the
// name's words before "announced", "entered", "signed" or "reached", or
// before the one adverb or auxiliary ("today", "has") between them.
func orgAnnouncedStarts(text string) []int {
	var out []int
	for _, verb := range []string{"announced", "entered", "signed", "reached"} {
		eachAfterBlank(text, verb, func(p int) {
			for hops := 0; hops < 3; hops++ {
				j := blanksBack(text, p)
				if j == 0 {
					break
				}
				out = orgNameRunBack(out, text, j)
				w := j - 1
				for w >= 0 && !isSpaceByte(text[w]) {
					w--
				}
				word := text[w+1 : j]
				if !announceSkips[word] && !strings.HasSuffix(word, "day") && !ticker(word) {
					break
				}
				p = w + 1 // past an adverb, an auxiliary or "on Tuesday"
			}
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// announceSkips are the words that may stand between an announcing
// organisation and its verb.
var announceSkips = map[string]bool{"today": true, "officially": true, "formally": true, "jointly": true, "also": true, "has": true, "have": true, "on": true}

// ticker reports whether word is a stock ticker in brackets: "(ADBE)",
// "(NasdaqGS:ADBE)".
func ticker(word string) bool {
	return len(word) > 2 && word[0] == '(' && word[len(word)-1] == ')'
}

// eachDocArticle calls fn with the offset and the word of each run of
// ASCII letters among the three before a document noun that follows a
// blank (`(?:a|an|the)\s+` + docNoun: press or news, an adjective, the
// article): where the phrase's article can stand. The nouns are found in
// one pass: docNoun's end on report, study, survey, analysis, statement or
// release ("press release", "news release").
func eachDocArticle(text string, fn func(at int, word string)) {
	for i := 0; i+1 < len(text); i++ {
		if !spaceBytes[text[i]] || !docNounAt(text[i+1:]) {
			continue
		}
		j := i + 1
		for runs := 0; runs < 3; runs++ {
			end := blanksBack(text, j)
			if end == j {
				break // no blank before the run
			}
			start := end
			for start > 0 && isASCIILetter(text[start-1]) {
				start--
			}
			if start == end {
				break
			}
			fn(start, text[start:end])
			j = start
		}
	}
}

// docNounAt reports whether s begins with one of the words docNoun ends on.
func docNounAt(s string) bool {
	switch s[0] {
	case 'r':
		return strings.HasPrefix(s, "report") || strings.HasPrefix(s, "release")
	case 's':
		return strings.HasPrefix(s, "study") || strings.HasPrefix(s, "survey") || strings.HasPrefix(s, "statement")
	case 'a':
		return strings.HasPrefix(s, "analysis")
	}
	return false
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// wordBoundaryBefore is \b before a word character at text[i].
func wordBoundaryBefore(text string, i int) bool { return i == 0 || !isASCIIWord(text[i-1]) }

// docByStarts lists where `\b(?:a|an|the)\s+` + docNoun + `\s+…(?:by|from)…`
// can start: on a, an or the after a word boundary, among the three runs
// before a document noun.
func docByStarts(text string) []int {
	var out []int
	eachDocArticle(text, func(at int, w string) {
		if (w == "a" || w == "an" || w == "the") && wordBoundaryBefore(text, at) {
			out = append(out, at)
		}
	})
	slices.Sort(out)
	return slices.Compact(out)
}
