package lineage

import (
	"github.com/copytrail/copytrail/provenance/fastre"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// quote is one quotation in a document: Inner is the text between the marks.
type quote struct {
	outer, inner provenance.Span
	// attribution is the text around the quote that names its speaker (the
	// rest of the sentence after it, or the lead-in before it).
	attribution provenance.Span
	verb        string // the reporting verb found, "" when none
	present     bool   // the verb is present tense ("says", "déclare")
	speaker     string // surname named in the attribution, "" when none
}

// quotePairs are the opening and closing marks recognised.
var quotePairs = map[rune]rune{'“': '”', '"': '"', '«': '»', '„': '“'}

// maxQuoteBytes is the longest quotation looked for.
const maxQuoteBytes = 4000

// findQuotes lists quotations of at least three words.
func findQuotes(text string) []quote {
	var qs []quote
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' {
			i++ // the one ASCII mark among quotePairs
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		closer, ok := quotePairs[r]
		if !ok {
			i += w
			continue
		}
		// The closing mark must come before a blank line.
		rest := text[i+w:]
		limit := strings.Index(rest, "\n\n")
		if limit < 0 {
			limit = len(rest)
		}
		limit = min(limit, maxQuoteBytes) // no quadratic scan of a long line of unclosed marks
		j := strings.IndexRune(rest[:limit], closer)
		if j < 0 {
			i += w
			continue
		}
		inner := provenance.Span{Start: i + w, End: i + w + j}
		outer := provenance.Span{Start: i, End: inner.End + utf8.RuneLen(closer)}
		if fieldsAtLeast(text[inner.Start:inner.End], 3) {
			q := quote{outer: outer, inner: inner}
			q.attribution, q.verb, q.present = findAttribution(text, outer)
			q.speaker = speakerOf(text, q)
			qs = append(qs, q)
		}
		i = outer.End
	}
	return qs
}

// reportingVerb matches a reporting verb; present tense forms are listed in presentVerbs.
var reportingVerb = fastre.MustCompile(`(?i)(?:^|[^\p{L}])(says|said|say|adds|added|notes|noted|told|tells|explains|explained|states|stated|declares|declared|warns|warned|insists|insisted|stresses|stressed|according to|appealed|déclare|a déclaré|affirme|a affirmé|explique|a expliqué|ajoute|a ajouté|souligne|a souligné|estime|a estimé|indique|a indiqué|précise|a précisé|selon)(?:[^\p{L}]|$)`)

var presentVerbs = map[string]bool{
	"says": true, "say": true, "adds": true, "notes": true, "tells": true, "explains": true,
	"states": true, "declares": true, "warns": true, "insists": true, "stresses": true,
	"déclare": true, "affirme": true, "explique": true, "ajoute": true, "souligne": true,
	"estime": true, "indique": true, "précise": true,
}

// findAttribution looks for the speaker of the quote at outer: first in the
// rest of its sentence after the closing mark, then in the lead-in before it.
func findAttribution(text string, outer provenance.Span) (provenance.Span, string, bool) {
	after := provenance.Span{Start: outer.End, End: sentenceEnd(text, outer.End, 200)}
	if m := reportingVerb.FindStringSubmatchIndex(text[after.Start:after.End]); m != nil {
		v := strings.ToLower(text[after.Start+m[2] : after.Start+m[3]])
		return after, v, presentVerbs[v]
	}
	before := provenance.Span{Start: sentenceStart(text, outer.Start, 200), End: outer.Start}
	if m := reportingVerb.FindStringSubmatchIndex(text[before.Start:before.End]); m != nil {
		v := strings.ToLower(text[before.Start+m[2] : before.Start+m[3]])
		return before, v, presentVerbs[v]
	}
	return provenance.Span{Start: outer.End, End: outer.End}, "", false
}

// sentenceEnd is the offset of the end of the sentence containing pos (at
// most max bytes on).
func sentenceEnd(text string, pos, max int) int {
	end := pos + max
	if end > len(text) {
		end = len(text)
	}
	for i := pos; i < end; i++ {
		switch text[i] {
		case '\n':
			return i
		case '.', '!', '?':
			if i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				return i + 1
			}
		}
	}
	return end
}

// sentenceStart is the offset of the start of the sentence containing pos.
func sentenceStart(text string, pos, max int) int {
	start := pos - max
	if start < 0 {
		start = 0
	}
	for i := pos - 1; i >= start; i-- {
		switch text[i] {
		case '\n':
			return i + 1
		case '.', '!', '?':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
				return i + 1
			}
		}
	}
	return start
}

// orgSubject finds an organisation acting as the subject of a sentence, the
// voice of a release ("CIVIC calls for", "CIVIC is deeply concerned",
// "L'ONG appelle").
// It is tried only before its verbs (orgSubjectStarts).
var orgSubject = fastre.MustCompile(`\b([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*|[A-Z][a-z]+(?: (?:for|of|in|de|du|des|pour)?\s?[A-Z][a-z]+){1,6})\s+(?:` + strings.Join(orgSubjectVerbs, "|") + `)\b`).WithStarts(orgSubjectStarts)

var orgSubjectVerbs = []string{"is", "are", "has", "calls", "urges", "welcomes", "fears", "reminds", "insists", "announces", "announced", "condemns", "recommends", "believes", "demands", "warns", "notes", "stresses", "appelle", "demande", "salue", "condamne", "rappelle", "exige", "estime", "se félicite", "s'inquiète", "s’inquiète", "annonce", "est"}

// aboutOrg captures the organisation of an "About X" / "À propos de X" section.
var aboutOrg = fastre.MustCompile(`(?m)^\s*(?:About|ABOUT|À propos de|A propos de|À propos d['’])\s*([^\n.!?:]{2,60})\s*:?\s*$`)

// selfOrgs lists the organisations a document speaks for: its outlet, the
// organisation of its "About" section, and organisations that act as the
// subject of its sentences at least twice (CIVIC calls for…, CIVIC fears…).
func selfOrgs(d *provenance.Document, g genreProfile) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || len(s) < 2 {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	// An outlet guessed from a title's suffix ("Headline – Eastport") is a
	// guess about the site, not an organisation the text speaks for.
	if o := d.Meta.Outlet; o.Known() && !(o.Origin == provenance.OriginInferred && strings.HasPrefix(o.Detail, "title line")) {
		add(o.Value)
	}
	for _, m := range aboutOrg.FindAllStringSubmatch(d.Text, -1) {
		add(m[1])
	}
	counts := map[string]int{}
	for _, m := range orgSubject.FindAllStringSubmatch(d.Text, -1) {
		name := m[1]
		if stopSubjects[strings.ToLower(name)] {
			continue
		}
		counts[name]++
	}
	need := 3
	if g.genre == GenreRelease {
		need = 2
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	top := 0
	for _, n := range names {
		if counts[n] > top {
			top = counts[n]
		}
	}
	for _, n := range names {
		if counts[n] >= need && 2*counts[n] >= top {
			add(n)
		}
	}
	return out
}

// stopSubjects are capitalised words that start sentences but are not organisations.
var stopSubjects = map[string]bool{
	"this": true, "that": true, "it": true, "there": true, "he": true, "she": true, "the": true,
	"we": true, "they": true, "il": true, "elle": true, "ce": true, "cette": true, "le": true, "la": true,
}

// mentionsOrg reports whether text names org as a whole word (CIVIC, not CIVICUS).
func mentionsOrg(text, org string) bool {
	return mentionWhere(text, org, func(int, int) bool { return true })
}

// mentionWhere reports whether text names org as a whole word at some
// offsets s, e for which ok(s, e) holds.
func mentionWhere(text, org string, ok func(s, e int) bool) bool {
	if org == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], org)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(org)
		before, _ := utf8.DecodeLastRuneInString(text[:s])
		after, _ := utf8.DecodeRuneInString(text[e:])
		if (s == 0 || !isWordRune(before)) && (e == len(text) || !isWordRune(after)) && ok(s, e) {
			return true
		}
		i = e
	}
}

// speakerName extracts a capitalised personal name from an attribution
// ("said Wendy MacClinchy, CIVIC's…" → "Wendy MacClinchy"; "says MacClinchy").
var speakerName = fastre.MustCompile(`\b([A-Z][a-zà-ÿ]+(?:[ -](?:[A-Z][a-zà-ÿ]*[A-Za-zà-ÿ]+|de|van|von|al|El))*)\b`)

// speakerOf returns the last word of the first capitalised name in the
// attribution (a surname), or "" when none.
func speakerOf(text string, q quote) string {
	if q.verb == "" {
		return ""
	}
	att := spanText(text, q.attribution)
	for _, m := range speakerName.FindAllString(att, -1) {
		if stopSubjects[strings.ToLower(m)] || strings.EqualFold(m, q.verb) {
			continue
		}
		f := strings.Fields(m)
		last := f[len(f)-1]
		if r, _ := utf8.DecodeRuneInString(last); unicode.IsUpper(r) {
			return last
		}
	}
	return ""
}

// quoteAt returns the quote whose inner span overlaps span, if any.
func quoteAt(qs []quote, span provenance.Span) (quote, bool) {
	for _, q := range qs {
		if q.inner.Start < span.End && span.Start < q.inner.End {
			return q, true
		}
	}
	return quote{}, false
}
