package lineage

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/fastre"
)

// titledOrg is an organisation named by a speaker's title just before a
// credit to a release: "Winnie Byanyima, Executive Director of Oxfam
// International, said in a press release", "Scott McArt, assistant
// professor of entomology at New York's Cornell University, said in a
// release". A title "of X" or "at X" makes X an organisation.
var titledOrg = fastre.MustCompile(`(?i:director|president|chief|head|spokes(?:person|man|woman)|ceo|chair(?:man|woman)?|professor|officer|secretary|minister|manager|coordinator|researcher|scientist|fellow|founder|leader)(?:\s+[a-z]+){0,4}\s+(?:of|at|for)\s+(?:the\s+)?` + orgName)

// subjectOrg is an organisation speaking in the credit itself: "the WHO
// said in a statement" (the name just before the reporting verb).
var subjectOrg = fastre.MustCompile(`(?:^|[\s,;“"])(?:[Tt]he\s+)?` + orgName + `\s*$`)

// releaseOrg names the organisation whose release or statement a credit
// of d quotes: the one the credit names ("a Cornell release"), else the
// one speaking in it ("the WHO said in a statement"), else the speaker's
// organisation by the title the sentence gives ("…, Executive Director of
// Oxfam International, said in a press release"); "" when none.
func releaseOrg(d *docInfo, c credit) string {
	if !c.release {
		return ""
	}
	if c.source != "" {
		return c.source
	}
	text := d.doc.Text
	start := sentenceStart(text, c.span.Start, 300)
	if i := strings.LastIndexAny(text[start:c.span.Start], "”\""); i >= 0 {
		start += i + 1 // after the quotation the credit closes
	}
	before := text[start:c.span.Start]
	if m := subjectOrg.FindStringSubmatch(before); m != nil {
		org := strings.TrimSpace(m[1])
		if e := personEmployer(d, org); e != "" {
			return e // "Writer said in the statement", Writer being Harbourco's chief executive
		}
		if orgLike(d, org) {
			return org
		}
	}
	if companyRef.MatchString(before) {
		// "…, the company announced in a news release": the company the
		// sentence is about.
		return sentenceCompany(d, provenance.Span{Start: sentenceStart(text, c.span.Start, 600), End: c.span.Start})
	}
	org := ""
	for _, m := range titledOrg.FindAllStringSubmatch(before, -1) {
		org = strings.TrimRight(strings.TrimSpace(m[1]), ",.")
	}
	org = afterPossessive(org)
	if len(strings.Fields(org)) == 0 || notOrgs[strings.ToLower(strings.Fields(org)[0])] {
		return ""
	}
	return org
}

// personEmployer is the organisation a one-word name works for when d
// gives it a title just after it ("Writer has agreed to stay on as
// chairman and chief executive of Harbourco": the title's first word
// within 40 bytes of the name, its organisation after "of", "at", "for"
// or "with"), "" when d gives none: the name is then taken for an
// organisation's, as before.
func personEmployer(d *docInfo, name string) string {
	if len(strings.Fields(name)) != 1 {
		return ""
	}
	text := d.doc.Text
	out := ""
	eachIndex(text, name, func(p int) {
		end := p + len(name)
		if out != "" || end < len(text) && isAlphaAmp(text[end]) || p > 0 && isAlphaAmp(text[p-1]) {
			return
		}
		window := text[end:sentenceEnd(text, end, 300)]
		if loc := affiliationTitle.FindStringIndex(window); loc != nil && loc[0] <= 40 {
			out = affiliationIn(d, window)
		}
	})
	return out
}

// companyRef is a credit's subject that refers back to a company: "the
// company", "the two companies", "the firm".
var companyRef = fastre.MustCompile(`(?:^|[\s,;])[Tt]he\s+(?:two\s+)?(?:company|companies|firm|firms|group|corporation)\s*$`)

// capitalRun is a run of capitalised words ("Harbour Shipping").
var capitalRun = fastre.MustCompile(`\b[A-Z][A-Za-z0-9&.-]*(?:\s+[A-Z][A-Za-z0-9&.-]*)*`)

// sentenceCompany is the first organisation named in span s of d's text
// that reads as a company for certain — one a speaker's title in d gives
// as an employer ("Harbourco Chairman and CEO Mara Quill"), a known
// outlet, or a name with an organisation's word — "" when none (a
// capitalised word opening the sentence is not taken for one).
func sentenceCompany(d *docInfo, s provenance.Span) string {
	for _, m := range capitalRun.FindAllString(d.doc.Text[s.Start:s.End], -1) {
		name := strings.TrimRight(m, ".")
		if len(strings.Fields(name)) == 0 || notOrgs[strings.ToLower(strings.Fields(name)[0])] {
			continue
		}
		if employerIn(d, name, false) || lookupKnown(name) != nil || hasOrgWord(name) {
			return name
		}
	}
	return ""
}

// afterPossessive drops what a name's last possessive qualifies it by:
// "New York's Cornell University" → "Cornell University".
func afterPossessive(org string) string {
	for _, p := range []string{"’s ", "'s "} {
		if i := strings.LastIndex(org, p); i >= 0 {
			org = org[i+len(p):]
		}
	}
	return org
}

// nameReleaseIssuers turns an unknown link a – b into a common source that
// names an organisation's release or statement when a credits it ("…,
// Executive Director of Oxfam International, said in a press release"), b
// carries the paragraph the credit closes, no text of the collection is
// that organisation's or reads as its release, and b credits no other
// source (its own credit to the same organisation's release or statement
// is the same source): both carry what the organisation issued, directly
// or one through the other, which nothing here tells apart. b must not be
// of a more upstream genre or outlet role than a (it may be the release).
func nameReleaseIssuers(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, docs []*docInfo, names map[[2]string]namedText) {
	hasPage := pageFinder(docs)
	eachUnknownSide(decided, views, keys, func(l provenance.Link, pv *pairView, a, b *docInfo) (provenance.Link, bool) {
		c, org, ok := issuerCredit(pv, a, b)
		if !ok || hasPage(org) {
			return l, false
		}
		what := possessive(org) + " " + releaseNoun(c.marker)
		names[viewKey(a.doc.ID, b.doc.ID)] = namedText{source: org, what: what, release: true}
		l.Kind = provenance.LinkCommonSource
		l.ToDecide = nil
		l.Confidence = round2(Calibrate(wNamedCommon))
		l.CommonSource = what
		l.Reasons = []string{
			fmt.Sprintf("%sthe text is %s: %s credits it (%s), and %s carries the paragraph it quotes, naming no other source: both took it from %s, which no text here is or reads as (directly, or one through the other)",
				NamedSourceReason, what, a.name(), c.marker, b.name(), what),
			"shared passages: " + passageList(pv),
		}
		return l, true
	})
}

// eachUnknownSide calls fn on every unknown link with each of its two
// documents first in turn, until fn renames the link (ok): the link fn
// returns then replaces it.
func eachUnknownSide(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, fn func(l provenance.Link, pv *pairView, a, b *docInfo) (provenance.Link, bool)) {
	for _, k := range keys {
		l, ok := decided[k]
		pv := views[k]
		if !ok || l.Kind != provenance.LinkUnknown {
			continue
		}
		for _, side := range [][2]*docInfo{{pv.a, pv.b}, {pv.b, pv.a}} {
			if nl, ok := fn(l, pv, side[0], side[1]); ok {
				decided[k] = nl
				break
			}
		}
	}
}

// pageFinder reports, for a source's name, whether one of docs is that
// source (isSource), remembering each name's answer.
func pageFinder(docs []*docInfo) func(name string) bool {
	known := map[string]bool{}
	return func(name string) bool {
		key := outletKey(name)
		if in, ok := known[key]; ok {
			return in
		}
		in := false
		n := creditedNameOf(name)
		for _, d := range docs {
			if ok, _ := d.isSourceNamed(n); ok {
				in = true
				break
			}
		}
		known[key] = in
		return in
	}
}

// linkedPageFinder reports, for a source's name and the two texts of a
// link, whether a text that shares passages with either of them is that
// source (isSource). A page of the collection from the credited outlet
// that shares none of their text is another of its articles (The
// Conversation's explainer on sunscreen beside republications of its
// article on bees), not the one they carry: their source is still not in
// the collection.
func linkedPageFinder(views map[[2]string]*pairView, keys [][2]string) func(name string, a, b *docInfo) bool {
	neighbours := map[*docInfo][]*docInfo{}
	for _, k := range keys {
		pv := views[k]
		neighbours[pv.a] = append(neighbours[pv.a], pv.b)
		neighbours[pv.b] = append(neighbours[pv.b], pv.a)
	}
	return func(name string, a, b *docInfo) bool {
		n := creditedNameOf(name)
		for _, x := range []*docInfo{a, b} {
			for _, d := range neighbours[x] {
				if d == a || d == b {
					continue
				}
				if ok, _ := d.isSourceNamed(n); ok {
					return true
				}
			}
		}
		return false
	}
}

// issuerCredit returns a's credit to an organisation's release or
// statement that b may carry too, with the organisation.
func issuerCredit(pv *pairView, a, b *docInfo) (credit, string, bool) {
	if b.genre.genre > a.genre.genre || b.newswire != "" {
		return credit{}, "", false
	}
	if ra, rb := roleRank(a.role.role), roleRank(b.role.role); rb > ra && rb >= 0 {
		return credit{}, "", false
	}
	shared := sideSpans(pv, b.doc.ID)
	for _, c := range a.credits {
		org := releaseOrg(a, c)
		if org == "" || !pv.sharedNear(a, c.span) && !(opensStory(a.doc.Text, c.span) && pv.sharedAfter(a, c.span.Start)) {
			continue
		}
		if ok, _ := b.releaseLike(org); ok {
			continue // b may be the release itself
		}
		other := false
		for _, cb := range b.credits {
			if cb.self || (cb.source == "" && !cb.release) || inside(shared, cb.span.Start, cb.span.End) {
				continue
			}
			if cb.release && (sameOrgKey(outletKey(releaseOrg(b, cb)), outletKey(org)) || releaseOrg(b, cb) == "" && pv.sharedNear(b, cb.span)) {
				continue // the same statement, its attribution reworded
			}
			other = true
		}
		if !other {
			return c, org, true
		}
	}
	return credit{}, "", false
}

// opensStory reports whether span lies in one of the first three
// paragraphs of text: a credit there ("Chennai: … ISRO in a release here
// said the launch would …") says where the story that follows came from,
// not only the paragraph it closes.
func opensStory(text string, span provenance.Span) bool {
	paras := 0
	for _, p := range strings.Split(text[:span.Start], "\n\n") {
		if strings.TrimSpace(p) != "" {
			paras++
		}
	}
	return paras <= 3
}

// sharedAfter reports whether a passage of the pair lies, on d's side,
// after byte pos of d's text.
func (pv *pairView) sharedAfter(d *docInfo, pos int) bool {
	for _, s := range sideSpans(pv, d.doc.ID) {
		if s.Start >= pos {
			return true
		}
	}
	return false
}

// releaseNoun is "statement" or "press release", as the credit has it.
func releaseNoun(marker string) string {
	if strings.Contains(strings.ToLower(marker), "statement") {
		return "statement"
	}
	return "press release"
}
