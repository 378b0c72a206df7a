package lineage

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/fastre"
)

// orgName is a capitalised name of one or more words ("Oxfam", "University
// of Illinois", "WHO"), small joining words allowed between capitals.
const orgName = `((?:[A-Z][A-Za-z0-9&’'.-]*)(?:\s+(?:(?:of|for|and|on|at|de|the)\s+)*[A-Z][A-Za-z0-9&’'.-]*)*)`

// docNoun is a document an organisation puts out.
const docNoun = `(?:new\s+|recent\s+|latest\s+|annual\s+|joint\s+)?(report|study|survey|analysis|statement|press\s+release|news\s+release|release)`

// orgNameInLine is orgName within one line: an announcer is named in its
// sentence ("…, Texas\n\nHarbourco announced" is Harbourco's).
var orgNameInLine = strings.ReplaceAll(orgName, `\s+`, `[ \t]+`)

// docTitle is what stands between an organisation's possessive and its
// document's noun: a title's capitalised words ("Living Planet") or the
// words that qualify a report ("most comprehensive", "flagship"), up to
// three.
const docTitle = `(?:(?:[A-Z][A-Za-z0-9-]*|(?i:most|comprehensive|latest|new|annual|biennial|flagship|global|first|second|third|fourth|major|landmark|own))\s+){1,3}`

// orgAttributions are the phrases by which a text attributes what it says
// to an organisation's document: "according to a new report published by
// Oxfam", "a study by the University of X", "Oxfam said in a statement",
// "Oxfam's report", "researchers at the University of X found", with the
// submatches holding the organisation and the document noun (none for
// researchers, whose document is their study). Those that start on the
// name are tried only before "said" or ’s (starts.go).
var orgAttributions = []struct {
	re        *fastre.Regexp
	org, noun int
	// from: the attribution's span starts at this group (the whole match
	// when 0): "In an annual report published …, the charity Oxfam said"
	// is attributed by its "Oxfam said", which the two texts share.
	from int
	// doc names the document when no group does ("announcement").
	doc string
}{
	{fastre.MustCompile(`\b[Aa]ccording\s+to\s+(?:a|an|the)\s+` + docNoun + `(?:[ ,]+[a-z]+){0,4}?\s+(?:by|from)\s+(?:the\s+)?` + orgName), 2, 1, 0, ""},
	{fastre.MustCompile(`\b(?:a|an|the)\s+` + docNoun + `\s+(?:(?:published|released|issued)\s+)?(?:by|from)\s+(?:the\s+)?` + orgName).WithStarts(docByStarts), 2, 1, 0, ""},
	{fastre.MustCompile(`\b` + orgName + `\s+said\s+(?:in|on)\s+(?:a|an|its|the)\s+` + docNoun).WithStarts(orgSaidStarts), 1, 2, 0, ""},
	{fastre.MustCompile(`\b` + orgName + `[’']s\s+` + docNoun).WithStarts(orgPossessiveStarts), 1, 2, 0, ""},
	// The document by its title or a qualifier: "WWF’s Living Planet
	// Report", "WWF’s most comprehensive study".
	{fastre.MustCompile(`\b` + orgName + `[’']s\s+` + docTitle + `(?i:(report|study|survey|analysis|index))\b`).WithStarts(orgPossessiveStarts), 1, 2, 0, ""},
	{fastre.MustCompile(`\b[Rr]esearchers\s+(?:at|from)\s+(?:the\s+)?` + orgName + `\s+(?:\([A-Z]{2,}\)\s+)?(?:have\s+)?(?:found|find|say|said|showed|show|discovered|report(?:ed)?)\b`), 1, 0, 0, ""},
	{fastre.MustCompile(`\b[Ii]n\s+(?:a|an|its|the)\s+` + docNoun + `\b[^.;\n]{0,160}?,\s+(?:the\s+(?:[a-z-]+\s+){0,3})?` + orgName + `\s+said\b`), 2, 1, 2, ""},
	// An organisation announcing: "Harbourco today announced that …",
	// "Harbourco and Quayside announced Tuesday that …", "Harbourco has
	// entered into (signed, reached) a definitive agreement …": the
	// sentence is its announcement's.
	{fastre.MustCompile(`\b` + orgNameInLine + `(?:\s+\([A-Za-z]+:?[A-Z.]*\))?\s+(?:(?:has|have)\s+)?(?:(?:today|officially|formally|jointly|also|on\s+[A-Z][a-z]+day)\s+)?(?:(?:has|have)\s+)?(?:announced|(?:entered\s+into|signed|reached)\s+(?:a\s+|an\s+)?(?:definitive\s+)?(?:merger\s+)?agreement)\b`).WithStarts(orgAnnouncedStarts), 1, 0, 0, "announcement"},
}

// orgSaid is a bare "Oxfam said": a partner attribution, read only beside
// the other text's attribution of the same words to a document.
var orgSaid = fastre.MustCompile(`\b` + orgName + `\s+said\b`).WithStarts(orgSaidStarts)

// saidAttributions lists d's bare "X said" for organisations X.
func saidAttributions(d *docInfo) []orgAttribution {
	text := d.doc.Text
	var out []orgAttribution
	for _, m := range orgSaid.FindAllStringSubmatchIndex(text, -1) {
		org := strings.TrimPrefix(strings.TrimSpace(text[m[2]:m[3]]), "The ")
		if !orgLike(d, org) {
			continue
		}
		sp := provenance.Span{Start: m[0], End: m[1]}
		out = append(out, orgAttribution{org: org, span: sp, partner: true, phrase: sp})
	}
	return out
}

// orgWords mark a name as an organisation's rather than a person's.
var orgWords = map[string]bool{
	"university": true, "institute": true, "college": true, "agency": true, "organization": true,
	"organisation": true, "department": true, "ministry": true, "office": true, "association": true,
	"society": true, "foundation": true, "council": true, "commission": true, "bank": true, "fund": true,
	"centre": true, "center": true, "centers": true, "service": true, "board": true, "authority": true,
	"administration": true, "laboratory": true, "company": true, "companies": true, "co.": true, "inc.": true, "inc": true,
	"corp.": true, "group": true, "trust": true, "network": true, "programme": true, "program": true,
	"union": true, "committee": true, "academy": true, "hospital": true, "school": true, "museum": true,
	"forum": true, "alliance": true, "coalition": true, "federation": true, "institution": true,
	"government": true, "police": true, "charity": true,
}

// notOrgs are capitalised words the patterns may catch that name no
// organisation.
var notOrgs = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"it": true, "this": true, "that": true, "he": true, "she": true, "they": true, "we": true, "the": true,
	"a": true, "an": true, "in": true, "its": true, "our": true, "their": true, "his": true, "her": true,
	"international": true, "national": true, "new": true, "global": true, "local": true, "federal": true,
	"state": true, "latest": true, "last": true, "last year": true, "today": true,
}

// orgAttribution is one attribution of a text to an organisation's document.
type orgAttribution struct {
	org, noun string
	span      provenance.Span // the attribution phrase
	// partner: a bare "X said", no attribution to a document on its own.
	partner bool
	// phrase is the whole attribution as reasons quote it ("In an annual
	// report published …, the charity Oxfam said"), span the part that
	// must lie in the shared passages.
	phrase provenance.Span
}

// findOrgAttributions lists the attributions of d's text to an
// organisation: a name with an organisation's word ("University of X"), an
// acronym ("WHO"), a known outlet, or a single word that no quotation in d
// gives as its speaker (a surname alone would be a person's study). Two
// capitalised words with none of these ("Jane Smith") are a person's name.
func findOrgAttributions(d *docInfo) []orgAttribution {
	text := d.doc.Text
	var out []orgAttribution
	if !mayAttribute(text) {
		return nil
	}
	for _, p := range orgAttributions {
		for _, m := range p.re.FindAllStringSubmatchIndex(text, -1) {
			org := strings.TrimSpace(text[m[2*p.org]:m[2*p.org+1]])
			org = strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(org, "."), "’s"), "'s")
			org = strings.TrimPrefix(org, "The ")
			if corpSuffix[strings.ToLower(org)] {
				// "Harbour Holdings, Inc. announced": the name before the suffix.
				if n := nameBeforeComma.FindStringSubmatch(text[:m[2*p.org]]); n != nil {
					org = strings.TrimPrefix(strings.TrimSpace(n[1]), "The ")
				}
			}
			noun := "study"
			if p.doc != "" {
				noun = p.doc
			} else if p.noun > 0 {
				noun = strings.Join(strings.Fields(strings.ToLower(text[m[2*p.noun]:m[2*p.noun+1]])), " ")
			}
			if p.doc == "announcement" {
				org = strings.TrimSpace(dayAfterName.ReplaceAllString(org, ""))
			}
			if !orgLike(d, org) && !employerIn(d, org, p.doc == "announcement") {
				continue
			}
			start := m[0]
			if p.from > 0 {
				start = m[2*p.from]
			}
			out = append(out, orgAttribution{org: org, noun: noun, span: provenance.Span{Start: start, End: m[1]}, phrase: provenance.Span{Start: m[0], End: m[1]}})
		}
	}
	return out
}

// mayAttribute reports whether text holds a word every attribution
// pattern needs (a document noun, capitalised or not, or "esearchers"):
// texts without one are not searched.
func mayAttribute(text string) bool {
	for _, w := range []string{"eport", "tudy", "urvey", "nalysis", "statement", "release", "esearchers", "ndex", "announced", "agreement"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// corpSuffix are the suffixes a company's name takes after a comma
// ("Harbour Holdings, Inc."), which the name pattern, stopping at the
// comma, would take for the whole name.
var corpSuffix = map[string]bool{"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true, "ltd": true, "ltd.": true, "llc": true, "plc": true}

// nameBeforeComma is the name a company's suffix follows.
var nameBeforeComma = fastre.MustCompile(orgName + `,\s*$`)

// dayAfterName is a day the name pattern took in with its joining "on"
// ("Harbourco on Tuesday" announced).
var dayAfterName = fastre.MustCompile(`\s+on\s+[A-Z][a-z]+day$`)

// employerIn reports whether name — one organisation, or two joined by
// "and" ("Harbourco and Quayside") — is, each part, an organisation's
// name (orgLike) or one that a title of a speaker quoted in d gives as
// the speaker's organisation ("Harbourco's chief executive", "chief
// executive of Harbourco"): a name someone works for is no person's,
// though d's parser may give it as the speaker of a quotation
// ("…,” Harbourco said in a press release). Announcing, a part may also
// be one word that d never gives a first name ("Ann Writer" makes Writer
// a person): a story names a person in full before it has them announce.
func employerIn(d *docInfo, name string, announcing bool) bool {
	parts := strings.Split(name, " and ")
	if len(parts) > 2 {
		return false
	}
	var orgs map[string]bool
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if len(parts) > 1 && orgLike(d, part) {
			continue
		}
		if ws := strings.Fields(part); announcing && len(ws) == 1 && len(part) >= 3 && !notOrgs[strings.ToLower(part)] && !fullNamed(d.doc.Text, part) {
			continue // one word the text never gives a first name: "…,” Harbourco said in a press release
		}
		if orgs == nil {
			orgs = map[string]bool{}
			for _, q := range d.quotes {
				if o := affiliationIn(d, speakerAttribution(d.doc.Text, q)); o != "" {
					orgs[outletKey(o)] = true
				}
			}
		}
		if !orgs[outletKey(part)] {
			return false
		}
	}
	return true
}

// orgLike reports whether a captured name reads as an organisation's.
func orgLike(d *docInfo, name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || notOrgs[strings.ToLower(words[0])] {
		return false
	}
	for _, w := range words {
		if orgWords[strings.ToLower(strings.Trim(w, "’'"))] {
			return true
		}
	}
	if lookupKnown(name) != nil {
		return true
	}
	if len(words) == 1 {
		w := strings.TrimRight(words[0], ".")
		if len(w) >= 2 && strings.ToUpper(w) == w {
			return true // an acronym: WHO, ISRO, NASA
		}
		for _, q := range d.quotes {
			if strings.EqualFold(q.speaker, w) {
				return false
			}
		}
		return len(w) >= 3
	}
	return false
}

// nameAttributedOrgs turns an undirected link a – b (unknown, or a common
// source left unnamed) into a common source naming an organisation when
// the passages both share attribute their text to that organisation's
// document ("according to a new report published by Oxfam"), the
// organisation has no page in the collection, neither text is a release or
// a press office's page (which may be the organisation's own), neither
// credits another source, and the pair shares text enough for a link
// besides the attribution's sentence. Copy links are left as they are.
func nameAttributedOrgs(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, docs []*docInfo, names map[[2]string]namedText) {
	attrs := map[*docInfo][]orgAttribution{}
	prefillOrgAttributions(attrs, decided, views, keys)
	attrOf := func(d *docInfo) []orgAttribution {
		if a, ok := attrs[d]; ok {
			return a
		}
		attrs[d] = findOrgAttributions(d)
		return attrs[d]
	}
	said := map[*docInfo][]orgAttribution{}
	saidOf := func(d *docInfo) []orgAttribution {
		if a, ok := said[d]; ok {
			return a
		}
		said[d] = saidAttributions(d)
		return said[d]
	}
	hasPage := pageFinder(docs)
	for _, k := range keys {
		l, ok := decided[k]
		if !ok || l.Kind == provenance.LinkCopy || named(l) {
			continue
		}
		pv := views[k]
		if !orgSourceable(pv.a) || !orgSourceable(pv.b) {
			continue
		}
		aa, ab, ok := sharedAttribution(pv, attrOf(pv.a), attrOf(pv.b))
		if !ok && len(attrOf(pv.a))+len(attrOf(pv.b)) > 0 {
			// One side attributes the words to a document ("In an annual
			// report …, the charity Oxfam said"), the other may say only
			// "Oxfam said" in the words they share.
			aa, ab, ok = sharedAttribution(pv, append(attrOf(pv.a), saidOf(pv.a)...), append(attrOf(pv.b), saidOf(pv.b)...))
		}
		if !ok {
			if nl, ok := nameAnnouncement(pv, l, attrOf, hasPage, names, k); ok {
				decided[k] = nl
			}
			continue
		}
		if hasPage(aa.org) {
			continue
		}
		if pv.sharedWords-len(pv.a.tokens(sentenceAround(pv.a.doc.Text, aa.span))) < MinLinkWords {
			continue // all they share is the attribution's sentence
		}
		doc := aa
		if aa.partner {
			doc = ab // the side that names the document
		}
		what := possessive(doc.org) + " " + doc.noun
		names[k] = namedText{source: doc.org, what: what, release: true}
		decided[k] = asNamedSource(l, pv, what, fmt.Sprintf("both carry %s: the passages they share attribute their text to it (%s in %s; %s in %s): they took it from %s, or a release or a story on it, which is not in the collection; neither is shown to have copied the other",
			what, quoteSnippet(pv.a.doc.Text, aa.phrase), pv.a.name(), quoteSnippet(pv.b.doc.Text, ab.phrase), pv.b.name(), what))
	}
}

// collectionDocs lists every document of r: those that share text as
// read for the pairs (infos), the others only by what names them as a
// source — their outlet, web address and entry in the table of known
// outlets (a page in no pair is not read further).
func collectionDocs(r *provenance.Result, infos map[string]*docInfo) []*docInfo {
	out := make([]*docInfo, 0, len(r.Documents))
	seen := map[string]bool{}
	for i := range r.Documents {
		d := &r.Documents[i]
		if seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		if di := infos[d.ID]; di != nil {
			out = append(out, di)
			continue
		}
		di := &docInfo{doc: d}
		di.known, _ = knownFor(d)
		out = append(out, di)
	}
	return out
}

// named reports whether l already names its common source.
func named(l provenance.Link) bool {
	return l.Kind == provenance.LinkCommonSource && len(l.Reasons) > 0 && strings.HasPrefix(l.Reasons[0], NamedSourceReason)
}

// orgSourceable reports whether d may be one of two texts that carry an
// organisation's document: not a release or a press office's page (it may
// be the organisation's own), and crediting no other source for its text.
func orgSourceable(d *docInfo) bool {
	if d.genre.genre == GenreRelease || d.role.role == provenance.RolePressOffice {
		return false
	}
	for _, c := range d.credits {
		if !c.self && !c.release {
			return false
		}
	}
	return true
}

// sharedAttribution finds an attribution to one organisation that lies
// inside the shared passages on both sides.
func sharedAttribution(pv *pairView, as, bs []orgAttribution) (orgAttribution, orgAttribution, bool) {
	inside := func(s provenance.Span, spans []provenance.Span) bool {
		for _, p := range spans {
			if p.Start <= s.Start && s.End <= p.End {
				return true
			}
		}
		return false
	}
	sa, sb := sideSpans(pv, pv.a.doc.ID), sideSpans(pv, pv.b.doc.ID)
	for _, x := range as {
		if !inside(x.span, sa) {
			continue
		}
		for _, y := range bs {
			if x.partner && y.partner {
				continue // "Oxfam said" in both names no document
			}
			if inside(y.span, sb) && sameOrgKey(outletKey(x.org), outletKey(y.org)) {
				return x, y, true
			}
		}
	}
	return orgAttribution{}, orgAttribution{}, false
}

// sentenceAround is the sentence holding s.
func sentenceAround(text string, s provenance.Span) provenance.Span {
	return provenance.Span{Start: sentenceStart(text, s.Start, 400), End: sentenceEnd(text, s.End, 400)}
}

// possessive is "Oxfam's", "the University of X's".
func possessive(org string) string {
	if strings.HasSuffix(org, "s") {
		return org + "’"
	}
	return org + "’s"
}

// quoteSnippet quotes the phrase at s.
func quoteSnippet(text string, s provenance.Span) string {
	return "“" + strings.Join(strings.Fields(spanText(text, s)), " ") + "”"
}

// nameAnnouncement names the common source of pv's texts as an
// organisation's announcement when both say, in their own words (outside
// quotation marks), that the organisation announced what they report
// ("Harbourco officially announced Friday that …", "On Monday, Harbourco
// announced that …"; the other may instead credit the organisation's
// release, or a release it does not name: "In a press release, the
// company announced"), and they share text enough for a link besides
// those sentences: the sentences they share are the announcement's, from
// the organisation or one through the other. The guards of the two-sided
// attribution hold (orgSourceable on both, checked by the caller; no page
// of the organisation), and neither text is the organisation's or reads
// as its release.
func nameAnnouncement(pv *pairView, l provenance.Link, attrOf func(*docInfo) []orgAttribution, hasPage func(string) bool, names map[[2]string]namedText, k [2]string) (provenance.Link, bool) {
	for _, a := range []*docInfo{pv.a, pv.b} {
		b := other(pv, a)
		for _, x := range attrOf(a) {
			if x.noun != "announcement" || insideQuote(a.quotes, x.span) || hasPage(x.org) {
				continue
			}
			bm, ok := announces(b, attrOf(b), x.org)
			if !ok || speaksFor(pv, x.org) {
				continue
			}
			if pv.sharedWords-sharedIn(pv, a, sentenceAround(a.doc.Text, x.span)) < MinLinkWords || pv.sharedWords-sharedIn(pv, b, bm) < MinLinkWords {
				continue // all they share is the announcing sentence
			}
			what := possessive(x.org) + " announcement"
			names[k] = namedText{source: x.org, what: what, release: true}
			return asNamedSource(l, pv, what, fmt.Sprintf("the text is %s: both say %s announced what they report (%s in %s; %s in %s), and they share its sentences, naming no other source: both took them from %s, which is not in the collection (directly, or one through the other)",
				what, x.org, quoteSnippet(a.doc.Text, x.phrase), a.name(), quoteSnippet(b.doc.Text, bm), b.name(), what)), true
		}
	}
	return l, false
}

// announces finds d's own word that org announced what d reports: an
// announcement attribution to org outside quotation marks, or a credit to
// org's release, or to a release it does not name while d names org. It
// returns the span of the sentence holding it.
func announces(d *docInfo, attrs []orgAttribution, org string) (provenance.Span, bool) {
	key := outletKey(org)
	for _, x := range attrs {
		if x.noun == "announcement" && !insideQuote(d.quotes, x.span) && sameOrgKey(outletKey(x.org), key) {
			return sentenceAround(d.doc.Text, x.span), true
		}
	}
	for _, c := range d.credits {
		if !c.release {
			continue
		}
		if o := releaseOrg(d, c); sameOrgKey(outletKey(o), key) || o == "" && mentionsOrg(d.doc.Text, org) {
			return sentenceAround(d.doc.Text, c.span), true
		}
	}
	return provenance.Span{}, false
}

// sharedIn counts d's tokens of span s that lie in pv's passages.
func sharedIn(pv *pairView, d *docInfo, s provenance.Span) int {
	n := 0
	spans := sideSpans(pv, d.doc.ID)
	for _, t := range d.tokens(s) {
		if inside(spans, t.start, t.end) {
			n++
		}
	}
	return n
}

// speaksFor reports whether a text of pv is org's own or reads as its
// release: what both carry may then be that text.
func speaksFor(pv *pairView, org string) bool {
	for _, d := range []*docInfo{pv.a, pv.b} {
		if is, _ := d.isSource(org); is {
			return true
		}
		if like, _ := d.releaseLike(org); like {
			return true
		}
	}
	return false
}

// asNamedSource turns l into the common-source link of pv naming what, why
// being its first reason after NamedSourceReason.
func asNamedSource(l provenance.Link, pv *pairView, what, why string) provenance.Link {
	l.Kind = provenance.LinkCommonSource
	l.ToDecide = nil
	l.Confidence = round2(Calibrate(wNamedCommon))
	l.CommonSource = what
	l.Reasons = []string{NamedSourceReason + why, "shared passages: " + passageList(pv)}
	return l
}
