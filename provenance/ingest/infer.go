package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/copytrail/copytrail/provenance"
)

// Outlet inference reads an outlet from the text only where it is plain:
// each rule below names a convention of news and press-release writing,
// and the Detail of the result quotes the line it was read from.

// nameChars is what an outlet name may be made of.
const nameChars = `[\p{Lu}\p{N}][\p{L}\p{N}&.'’ -]{0,48}[\p{L}\p{N}.]`

// nameLazy is nameChars matching as little as it can, for names followed
// by optional words ("… newsletter", "… All rights reserved").
const nameLazy = `[\p{Lu}\p{N}][\p{L}\p{N}&.'’ -]{0,48}?[\p{L}\p{N}]`

var (
	// datelineRE: "BAMAKO, (CAJ News) –", "WASHINGTON (Reuters) -",
	// "NAIROBI, Kenya, (AFP) —".
	datelineRE = anchoredLine(`^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:, [\p{L} .]{1,30})?,? ?\((`+nameChars+`|\p{Lu})\) ?[–—-]`, upperASCII, '(')
	// signOffRE: a last line "– CAJ News" or "—Reuters".
	signOffRE = regexp.MustCompile(`^[–—-]{1,2} ?(` + nameChars + `)$`)
	// titleSuffixRE: "Headline – Al Jazeera English", "Headline | The Times".
	titleSuffixRE = regexp.MustCompile(`^(.{10,}?) +[–—|-] +(` + nameChars + `)$`)
	// subscribeRE: "Subscribe to BNN Breaking", "Follow The Daily Star".
	subscribeRE = anchoredLine(`^(?i:subscribe to|follow|sign up for) (?:the )?(`+nameLazy+`)(?:’s|'s)?(?i: newsletters?)?[.!]?$`, "sSfF", 0)
	// copyrightRE: "© 2024 The Daily Star. All rights reserved."
	copyrightRE = anchoredLine(`^(?i:copyright )?(?:©|\(c\)) ?(?:\d{4}(?:[–-]\d{4})? )?(`+nameLazy+`)[.,]?(?: (?i:all rights reserved)\.?)?$`, "cC(", 0)
	// acronymRE: "Center for Civilians in Conflict (CIVIC)".
	acronymRE = regexp.MustCompile(`\((\p{Lu}[\p{Lu}\p{N}&-]{1,11})\)`)
	// contactRE: the media-contact block of a press release.
	contactRE = anchoredLine(`(?i)^(?:for (?:more|further) information|media (?:contact|enquiries|inquiries)|press (?:contact|office)|for media (?:enquiries|inquiries)|notes? to editors|about \p{Lu}|contact:|###|-?ends-?$)`, "fFmMpPnNaAcC#-eE", 0)
	domainRE  = regexp.MustCompile(`(?i)[a-z0-9-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})|(?:https?://)?(?:www\.)((?:[a-z0-9-]+\.)+[a-z]{2,})`)
)

// mastheadWords end the names of newspapers and news sites.
var mastheadWords = map[string]bool{
	"herald": true, "times": true, "post": true, "news": true, "journal": true, "tribune": true,
	"gazette": true, "chronicle": true, "telegraph": true, "guardian": true, "observer": true,
	"mail": true, "express": true, "star": true, "sun": true, "review": true, "standard": true,
	"independent": true, "press": true, "reporter": true, "courier": true, "globe": true,
	"wire": true, "today": true, "daily": true, "weekly": true, "monitor": true, "record": true,
	"bulletin": true, "dispatch": true, "examiner": true, "inquirer": true, "sentinel": true,
	"mirror": true, "voice": true, "insider": true, "register": true, "citizen": true,
	"magazine": true, "breaking": true, "times.": true, "informer": true, "digest": true,
}

// languageWords are edition names dropped from the end of an outlet name
// ("Al Jazeera English" is the outlet Al Jazeera).
var languageWords = map[string]bool{
	"english": true, "français": true, "francais": true, "español": true, "espanol": true,
	"arabic": true, "deutsch": true, "português": true, "edition": true, "online": true,
}

// connectors may appear uncapitalised inside a proper name.
var connectors = map[string]bool{
	"of": true, "for": true, "in": true, "on": true, "and": true, "the": true, "de": true,
	"du": true, "des": true, "la": true, "le": true, "&": true, "al": true, "el": true, "y": true,
}

// broadcasterRE matches broadcasters' call letters: "WEHT", "KTLA-TV".
var broadcasterRE = regexp.MustCompile(`^[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?$`)

// inferOutlet reads an outlet from the text by the first rule that applies.
// A date stamp before the first line is read through (stripFurniture), and
// labels such as "Press Release" are never an outlet (isLabel).
func inferOutlet(text string, skip, boiler []provenance.Span) provenance.Field {
	lines := contentLines(text, skip)
	if len(lines) > 0 {
		lines[0] = stripFurniture(lines[0])
	}
	if name, l := newswireOutlet(lines); name != "" {
		return inferred(name, "newswire dateline "+quoteShort(l))
	}
	head := lines[:min(len(lines), 15)]
	for _, l := range head {
		if m := datelineRE.FindStringSubmatch(l); m != nil && !isLabel(m[1]) {
			what := "dateline "
			if broadcasterRE.MatchString(m[1]) {
				what = "broadcaster's dateline "
			}
			return inferred(m[1], what+quoteShort(strings.TrimSpace(m[0])))
		}
	}
	if body := linesOutside(lines, text, boiler); len(body) > 0 {
		last := body[len(body)-1]
		if m := signOffRE.FindStringSubmatch(last); m != nil && isProperName(m[1]) && !isLabel(m[1]) {
			return inferred(m[1], "sign-off line "+quoteShort(last))
		}
	}
	if len(lines) > 0 && isMasthead(lines[0]) {
		return inferred(stripControls(lines[0]), "site name line at the top "+quoteShort(lines[0]))
	}
	if _, outlet, l := titleSuffix(lines); outlet != "" {
		return inferred(outlet, "title line "+quoteShort(l))
	}
	tail := lines[max(0, len(lines)-15):]
	for _, l := range tail {
		if m := subscribeRE.FindStringSubmatch(l); m != nil && isProperName(m[1]) && !isLabel(m[1]) {
			return inferred(m[1], "site chrome "+quoteShort(l))
		}
		if m := copyrightRE.FindStringSubmatch(l); m != nil && isProperName(m[1]) && !isLabel(m[1]) {
			return inferred(m[1], "copyright line "+quoteShort(l))
		}
	}
	if org, detail := pressReleaseOrg(text, lines); org != "" {
		return inferred(org, detail)
	}
	return provenance.Field{}
}

// inferred makes a field read from the text; a final full stop is dropped.
func inferred(value, detail string) provenance.Field {
	return provenance.Field{Value: strings.TrimSuffix(strings.TrimSpace(value), "."), Origin: provenance.OriginInferred, Detail: detail}
}

// contentLines returns the trimmed non-empty lines outside skip (the lines
// of splitLines, read without making its list).
func contentLines(text string, skip []provenance.Span) []string {
	var out []string
	for start := 0; start < len(text); {
		end := len(text)
		if nl := strings.IndexByte(text[start:], '\n'); nl >= 0 {
			end = start + nl
		}
		if s := strings.TrimSpace(text[start:end]); s != "" && !inSpans(start, skip) {
			out = append(out, s)
		}
		start = end + 1
	}
	return out
}

// linesOutside drops from lines those that lie in boiler (by content).
func linesOutside(lines []string, text string, boiler []provenance.Span) []string {
	if len(boiler) == 0 {
		return lines
	}
	chrome := map[string]bool{}
	for _, s := range boiler {
		for _, l := range strings.Split(text[s.Start:s.End], "\n") {
			chrome[strings.TrimSpace(l)] = true
		}
	}
	out := lines[:0:0]
	for _, l := range lines {
		if !chrome[l] {
			out = append(out, l)
		}
	}
	return out
}

// isProperName reports a short name whose words are capitalised (bar
// connectors): "CAJ News", "The Wall Street Herald", "Al Jazeera".
func isProperName(s string) bool {
	if len(s) > 50 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		r := []rune(w)[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if i == 0 || !connectors[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// isMasthead reports a first line that is a publication's name: a short
// proper name ending in a word newspapers are named with.
func isMasthead(l string) bool {
	l = stripControls(l)
	if len(l) > 50 || bylineRE.MatchString(l) {
		return false
	}
	words := strings.Fields(l)
	if len(words) < 2 || len(words) > 6 || !isProperName(l) {
		return false
	}
	return mastheadWords[strings.ToLower(words[len(words)-1])]
}

// titleSuffix finds, among the first lines, a page title of the form
// "Headline – Outlet" and returns its two parts and the line. A label
// after the dash ("Headline – Press Release") gives the headline and no
// outlet.
func titleSuffix(lines []string) (title, outlet, line string) {
	for _, l := range lines[:min(len(lines), 5)] {
		l = stripFurniture(l)
		if len(l) > 250 || !titleDash(l) || isNavLine(l) {
			continue
		}
		m := titleSuffixRE.FindStringSubmatch(l)
		if m == nil || !isProperName(m[2]) || len(strings.Fields(m[1])) < 2 || isInstitution(m[1]) {
			continue
		}
		if isLabel(m[2]) {
			return strings.TrimSpace(m[1]), "", l
		}
		return strings.TrimSpace(m[1]), dropLanguage(m[2]), l
	}
	return "", "", ""
}

// isInstitution reports a name that is an institution's, not a headline:
// a short proper name with a word institutions are named with ("University
// of California – Riverside", the line releases carry under their
// headline on EurekAlert and its reposts, names the university and its
// campus, not a headline and its outlet).
func isInstitution(name string) bool {
	name = strings.TrimSpace(name)
	if !isProperName(name) {
		return false
	}
	for _, w := range strings.Fields(name) {
		if institutionWords[strings.ToLower(strings.Trim(w, ",."))] {
			return true
		}
	}
	return false
}

// institutionWords name universities, research bodies and public offices.
var institutionWords = map[string]bool{
	"university": true, "college": true, "institute": true, "institution": true, "school": true,
	"hospital": true, "laboratory": true, "ministry": true, "department": true, "agency": true,
	"foundation": true, "society": true, "council": true, "academy": true, "museum": true,
	"université": true, "universität": true, "universidad": true, "università": true,
}

// titleDash reports whether l holds a dash or bar between spaces, which
// every match of titleSuffixRE has: the pattern's lazy backtracking is
// slow, and most lines have none.
func titleDash(l string) bool {
	for _, sep := range []string{" - ", " – ", " — ", " | "} {
		if strings.Contains(l, sep) {
			return true
		}
	}
	return false
}

// dropLanguage removes a trailing edition word: "Al Jazeera English" → "Al Jazeera".
func dropLanguage(name string) string {
	words := strings.Fields(name)
	if len(words) >= 2 && languageWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// pressReleaseOrg finds the organisation that issued a press release: the
// text has a media-contact block, and an organisation introduced near the
// start as "Long Name (ACRONYM)" is named in that block, by name, acronym
// or the domain of its e-mail or web address. It returns the acronym.
func pressReleaseOrg(text string, lines []string) (org, detail string) {
	contact := -1
	for i, l := range lines {
		if contactRE.MatchString(l) {
			contact = i
			break
		}
	}
	if contact < 0 || contact < len(lines)/3 {
		return "", ""
	}
	block := strings.Join(lines[contact:], "\n")
	domains := domainRE.FindAllStringSubmatch(block, -1)
	head := text[:min(len(text), 1500)]
	for _, m := range acronymRE.FindAllStringSubmatchIndex(head, -1) {
		acr := head[m[2]:m[3]]
		long := expandAcronym(head[:m[0]], acr)
		if long == "" {
			continue
		}
		squashed := squash(long)
		switch {
		case strings.Contains(block, acr) || strings.Contains(block, long):
			return acr, "press release by " + quoteShort(long+" ("+acr+")") + " named near the start and in the contact block"
		default:
			for _, d := range domains {
				label := squash(strings.Split(d[1]+d[2], ".")[0])
				if len(label) >= 4 && (strings.Contains(squashed, label) || label == squash(acr)) {
					return acr, "press release by " + quoteShort(long+" ("+acr+")") + " named near the start; contact address at " + d[1] + d[2]
				}
			}
		}
	}
	// No acronym: a name near the start that spells the contact domain,
	// "Ombra Watch" for press@ombrawatch.example.
	for _, d := range domains {
		label := squash(strings.Split(d[1]+d[2], ".")[0])
		if len(label) < 4 {
			continue
		}
		for _, run := range nameRunRE.FindAllString(head, -1) {
			words := strings.Fields(run)
			for i := range words {
				for j := i + 1; j <= len(words) && j <= i+8; j++ {
					name := strings.Join(words[i:j], " ")
					if squash(name) == label && isProperName(name) {
						return name, "press release by " + quoteShort(name) + " named near the start; contact address at " + d[1] + d[2]
					}
				}
			}
		}
	}
	return "", ""
}

// nameRunRE matches runs of capitalised words, with connectors between.
var nameRunRE = regexp.MustCompile(`\p{Lu}[\p{L}'’&-]*(?:\s+(?:(?:of|for|in|on|and|the|de|du|des|la|le)\s+)*\p{Lu}[\p{L}'’&-]*)*`)

// squash lowercases s and keeps its letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// expandAcronym finds the long form an acronym abbreviates in the words just
// before it (after Schwartz and Hearst, 2003): the shortest run of
// capitalised words, starting with the acronym's first letter, in which the
// acronym's letters appear in order.
func expandAcronym(before, acr string) string {
	words := strings.Fields(before)
	if len(words) > 12 {
		words = words[len(words)-12:]
	}
	best := ""
	for k := 1; k <= len(words) && k <= len(acr)+4; k++ {
		cand := words[len(words)-k:]
		first := []rune(cand[0])[0]
		if !unicode.IsUpper(first) || unicode.ToLower(first) != unicode.ToLower([]rune(acr)[0]) {
			continue
		}
		long := strings.Join(cand, " ")
		if isProperName(long) {
			if lettersInOrder(strings.ToLower(acr), strings.ToLower(long)) {
				best = long // keep the longest: "Center for Civilians in Conflict"
			}
		}
	}
	return best
}

// lettersInOrder reports whether every letter of short appears in long in order.
func lettersInOrder(short, long string) bool {
	lr := []rune(long)
	j := 0
	for _, r := range short {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		for j < len(lr) && lr[j] != r {
			j++
		}
		if j == len(lr) {
			return false
		}
		j++
	}
	return true
}

// byRE reads the name from a "By Ann Writer" line.
var byRE = regexp.MustCompile(`^(?i:by) (\p{Lu}[\p{L}\p{M}.'’ -]{1,60}?)(?:,.*)?$`)

// inferAuthor reads the author from a "By …" line among the first lines.
func inferAuthor(text string, skip []provenance.Span) provenance.Field {
	lines := contentLines(text, skip)
	for _, l := range lines[:min(len(lines), 5)] {
		if len(l) > 120 {
			continue
		}
		if m := byRE.FindStringSubmatch(l); m != nil && isProperName(m[1]) {
			return inferred(m[1], "byline "+quoteShort(l))
		}
	}
	return provenance.Field{}
}
