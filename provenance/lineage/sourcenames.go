package lineage

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/copytrail/copytrail/provenance"
)

// A source's name as one common-source link gives it comes from the words
// of the text that link read: one page says "a UC-R press release", another
// credits "University of California, Riverside", a third "Cornell’s press
// release" where its sibling has "Cornell University’s press release". Read
// apart, one release would be two sources, two hubs in the graph.
// unifySourceNames gives the variants of one source the same name on every
// common-source link of a story (the links joined through their texts):
// the fullest form of the organisation's name (a known outlet's own name
// first) with the kind of document each names. Two names are one
// source when they name one organisation — the same folded name, one known
// outlet, one name extending the other by words that only say what kind of
// body it is ("Cornell" and "Cornell University"), or one the abbreviation
// of the other ("UC-R", "UCR" or "UC Riverside" for "University of
// California, Riverside"); a name that gives no document takes the one
// document the story's other names give (none when they give two: the
// organisation's report and its release are two sources). A renamed link
// says so in a last reason. Quoted speakers ("a statement by Ann Writer")
// are left as they are.
func unifySourceNames(links []provenance.Link) {
	var stories provenance.DisjointSets[string]
	var named []int
	for i, l := range links {
		if l.Kind != provenance.LinkCommonSource || l.CommonSource == "" {
			continue
		}
		stories.Union(l.Source, l.Target)
		named = append(named, i)
	}
	byStory := map[string][]int{}
	var roots []string
	for _, i := range named {
		r := stories.Find(links[i].Source)
		if byStory[r] == nil {
			roots = append(roots, r)
		}
		byStory[r] = append(byStory[r], i)
	}
	for _, r := range roots {
		rename := storyNames(links, byStory[r])
		for _, i := range byStory[r] {
			old := links[i].CommonSource
			if to, ok := rename[old]; ok && to != old {
				links[i].CommonSource = to
				links[i].Reasons = append(links[i].Reasons, fmt.Sprintf("“%s” is %s, as the story's other links name it: one source, one name", old, to))
			}
		}
	}
}

// sourceName is a named common source read apart: the organisation and
// the kind of its document ("press release", "report"; "" for the
// organisation's own text, a wire's story).
type sourceName struct{ org, kind string }

// sourceKinds are the documents a name may say its source is, longest
// first; the release nouns are one kind.
var sourceKinds = []struct{ noun, kind string }{
	{"press release", "press release"}, {"news release", "press release"}, {"release", "press release"},
	{"statement", "statement"}, {"report", "report"}, {"study", "study"}, {"survey", "survey"}, {"analysis", "analysis"},
	{"announcement", "press release"}, // an organisation's announcement is its release
}

// parseSourceName splits "Cornell University’s press release" into its
// organisation and kind; ok is false for a name it does not read (a quoted
// speaker's statement).
func parseSourceName(s string) (sourceName, bool) {
	if strings.HasPrefix(s, "a statement by ") || strings.HasPrefix(s, "a ") {
		return sourceName{}, false
	}
	for _, k := range sourceKinds {
		for _, poss := range []string{"’s ", "'s ", "’ ", "' "} {
			if org, ok := strings.CutSuffix(s, poss+k.noun); ok && strings.TrimSpace(org) != "" {
				return sourceName{org: strings.TrimSpace(org), kind: k.kind}, true
			}
		}
	}
	return sourceName{org: s}, true
}

func (n sourceName) String() string {
	if n.kind == "" {
		return n.org
	}
	return possessive(n.org) + " " + n.kind
}

// storyNames maps each name the links at idx give to the one the story's
// variants of that source share.
func storyNames(links []provenance.Link, idx []int) map[string]string {
	var names []string
	parsed := map[string]sourceName{}
	for _, i := range idx {
		s := links[i].CommonSource
		if _, seen := parsed[s]; seen {
			continue
		}
		if n, ok := parseSourceName(s); ok {
			parsed[s] = n
			names = append(names, s)
		}
	}
	sort.Strings(names)
	var same provenance.DisjointSets[string]
	for i, x := range names {
		same.Add(x)
		for _, y := range names[i+1:] {
			if sameOrganisation(parsed[x].org, parsed[y].org) {
				same.Union(x, y)
			}
		}
	}
	groups := map[string][]string{}
	for _, x := range names {
		groups[same.Find(x)] = append(groups[same.Find(x)], x)
	}
	out := map[string]string{}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		kinds := map[string]bool{}
		org := parsed[g[0]].org
		for _, x := range g {
			n := parsed[x]
			if n.kind != "" {
				kinds[n.kind] = true
			}
			if fullerName(n.org, org) {
				org = n.org
			}
		}
		if k := lookupKnown(org); k != nil {
			org = k.name
		}
		for _, x := range g {
			n := sourceName{org: org, kind: parsed[x].kind}
			if n.kind == "" && len(kinds) == 1 {
				for k := range kinds {
					n.kind = k // the one document the story names
				}
			}
			out[x] = n.String()
		}
	}
	return out
}

// fullerName reports whether a is the fuller form of an organisation's name
// than b: a known outlet's own name, then more words, then more letters.
func fullerName(a, b string) bool {
	ka, kb := lookupKnown(a), lookupKnown(b)
	if (ka != nil && ka.name == a) != (kb != nil && kb.name == b) {
		return ka != nil && ka.name == a
	}
	wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
	if wa != wb {
		return wa > wb
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// kindWords only say what kind of body an organisation is: "Cornell" and
// "Cornell University" are one name.
var kindWords = map[string]bool{
	"university": true, "college": true, "institute": true, "international": true, "society": true,
	"foundation": true, "organisation": true, "organization": true, "agency": true, "association": true,
	"inc": true, "corp": true, "corporation": true, "co": true, "company": true, "group": true, "news": true,
	"ltd": true, "limited": true, "plc": true, "trust": true, "the": true, "cos": true, "companies": true,
}

// sameOrganisation reports whether two names name one organisation: the
// same folded name, one known outlet, one extending the other by kind words
// only, or one abbreviating the other — or one of two organisations
// joined by "and" in the other ("Harbourco" in "Harbourco and Quayside":
// their joint announcement is each one's, and the fuller name is kept).
func sameOrganisation(a, b string) bool {
	if oneOrganisation(a, b) {
		return true
	}
	for _, pair := range [][2]string{{a, b}, {b, a}} {
		parts := strings.Split(pair[1], " and ")
		if len(parts) != 2 || strings.Contains(pair[0], " and ") {
			continue
		}
		for _, part := range parts {
			if oneOrganisation(pair[0], strings.TrimSpace(part)) {
				return true
			}
		}
	}
	return false
}

// oneOrganisation is sameOrganisation without joint names.
func oneOrganisation(a, b string) bool {
	if outletKey(a) == outletKey(b) {
		return true
	}
	if ka, kb := lookupKnown(a), lookupKnown(b); ka != nil || kb != nil {
		return ka == kb
	}
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if extendsByKindWords(wa, wb) {
		return true
	}
	return abbreviates(a, b) || abbreviates(b, a)
}

// extendsByKindWords reports whether long is short with kind words added
// before or after it ("the cornell university" for "cornell").
func extendsByKindWords(short, long []string) bool {
	if len(short) == 0 || len(short) == len(long) {
		return false
	}
	for start := 0; start+len(short) <= len(long); start++ {
		match := true
		for i, w := range short {
			if long[start+i] != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		for i, w := range long {
			if (i < start || i >= start+len(short)) && !kindWords[w] {
				return false
			}
		}
		return true
	}
	return false
}

// abbrevStop are the small words an abbreviation skips ("University of
// California": UC).
var abbrevStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "at": true, "in": true, "on": true, "de": true, "du": true, "des": true, "&": true}

// abbreviates reports whether short abbreviates long: each of short's parts
// is either one of long's words or the initials of the next of them, in
// order, every significant word of long is accounted for, and two or more
// words are given by initials ("UC-R", "UCR" and "UC Riverside" abbreviate
// "University of California, Riverside"; "ISRO" abbreviates "Indian Space
// Research Organisation").
func abbreviates(short, long string) bool {
	parts := strings.FieldsFunc(short, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '.' || r == ',' })
	var words []string
	for _, w := range nameWords(long) {
		if !abbrevStop[w] {
			words = append(words, w)
		}
	}
	if len(parts) == 0 || len(words) < 2 {
		return false
	}
	var match func(i, j, initials int) bool
	match = func(i, j, initials int) bool {
		if i == len(parts) {
			return j == len(words) && initials >= 2
		}
		p := parts[i]
		if j < len(words) && strings.EqualFold(p, words[j]) && match(i+1, j+1, initials) {
			return true
		}
		r := []rune(p)
		if len(r) > 6 || j+len(r) > len(words) {
			return false
		}
		for k, c := range r {
			if !unicode.IsUpper(c) || []rune(words[j+k])[0] != unicode.ToLower(c) {
				return false
			}
		}
		return match(i+1, j+len(r), initials+len(r))
	}
	return match(0, 0, 0)
}
