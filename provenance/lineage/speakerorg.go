package lineage

import (
	"strings"

	"github.com/copytrail/copytrail/provenance/fastre"
)

// affiliationTitle is a speaker's title in an attribution ("president
// and chief executive officer", "a professor of marine economics", "a
// wildlife biologist"), after which "of", "at", "for" or "with" names the
// speaker's organisation (affiliationOrg; the last such name of the
// clause: "Professor of Marine Biology at Harbour University").
var affiliationTitle = fastre.MustCompile(`(?i:director|president|chief|head|spokes(?:person|man|woman)|ceo|executive|chair(?:man|woman)?|professor|lecturer|dean|officer|secretary|minister|manager|coordinator|researcher|scientist|biologist|ecologist|economist|physicist|chemist|engineer|analyst|expert|fellow|(?:co-)?founder|leader|author|administrator)\b[^.;:“”"\n]{0,100}`)

var affiliationOrg = fastre.MustCompile(`\s(of|at|for|with)\s+(?:[Tt]he\s+)?` + orgName)

// titleOwner is the organisation a title names before itself: "Harbour
// Coffee's chief executive", "Harbour Coffee's Independent Board Chair"
// (group 1, the possessive), or "Harbour Coffee chief executive", "acting
// HCA Administrator" (group 2, a capitalised name just before the title's
// first word), matched on the attribution up to that word.
var titleOwner = fastre.MustCompile(`(?:` + orgName + `[’']s\s+(?:[A-Za-z-]+\s+){0,3}|(?:^|[\s,])((?:[A-Z][A-Za-z0-9&.-]*\s+)*[A-Z][A-Za-z0-9&.-]*)\s+)$`)

// titleWords qualify a title and are no organisation's name ("Associate
// Professor", "Acting Director", "Vice President").
var titleWords = map[string]bool{
	"associate": true, "assistant": true, "senior": true, "junior": true, "deputy": true, "acting": true,
	"vice": true, "executive": true, "managing": true, "general": true, "chief": true, "lead": true,
	"principal": true, "distinguished": true, "emeritus": true, "research": true, "former": true,
	"interim": true, "independent": true, "board": true, "co": true, "founding": true, "regional": true,
	"dr": true, "dr.": true, "mr": true, "mr.": true, "ms": true, "ms.": true, "mrs": true, "prof": true, "prof.": true,
	"professor": true, "sir": true, "dame": true, "lord": true, "lady": true, "honorary": true, "visiting": true,
}

// ownerLike reports whether name, before a title ("Harbour Coffee's
// chief executive", "Harbour Coffee CEO"), reads as the title's owner: an
// organisation's name (orgLike), or a name of up to four words of which
// none is a quoted speaker's (a person's title does not open on another
// person).
func ownerLike(d *docInfo, name string) bool {
	if orgLike(d, name) {
		return true
	}
	ws := strings.Fields(name)
	if len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		for _, q := range d.quotes {
			if strings.EqualFold(q.speaker, w) && (len(ws) > 1 || fullNamed(d.doc.Text, w)) {
				return false
			}
		}
	}
	return true
}

// fullNamed reports whether text names w after a capitalised word other
// than an article ("Ann Writer" for Writer): a person's surname, which an
// organisation's one-word name ("Harbourco", quoted as the speaker of its
// release) is not.
func fullNamed(text, w string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		p := i + k
		i = p + 1
		if end := p + len(w); end < len(text) && isAlphaAmp(text[end]) {
			continue
		}
		j := p - 1
		if j < 0 || text[j] != ' ' {
			continue
		}
		e := j
		for j > 0 && isAlphaAmp(text[j-1]) {
			j--
		}
		if prev := text[j:e]; len(prev) >= 2 && 'A' <= prev[0] && prev[0] <= 'Z' && prev != "The" {
			return true
		}
	}
}

// titleTail is an organisation closing a title after a comma: "…, chief
// executive, Harbour Coffee".
var titleTail = fastre.MustCompile(`,\s+(?:[Tt]he\s+)?` + orgName + `[\s,]*$`)

// affiliationIn is the organisation a speaker's title in attr names, ""
// when none: a name after "at", "for" or "with" (a title "at X" makes X
// the speaker's employer), or after "of" when it reads as an
// organisation (orgLike: "director of Harbour Relief Alliance", not
// "professor of Marine Biology").
func affiliationIn(d *docInfo, attr string) string {
	loc := affiliationTitle.FindStringIndex(attr)
	if loc == nil {
		return ""
	}
	org := ""
	if m := titleOwner.FindStringSubmatch(attr[:loc[0]]); m != nil {
		// The title's owner before it ("Harbour Coffee's chief executive",
		// "Harbour Coffee chief executive Mara Quill"): not a name that
		// ends the speaker's ("said Mara Quill, chief executive").
		o := strings.TrimSpace(m[1] + m[2])
		if ws := strings.Fields(o); len(ws) > 0 && !notOrgs[strings.ToLower(ws[0])] && !titleWords[strings.ToLower(ws[len(ws)-1])] && ownerLike(d, o) {
			org = o
		}
	}
	if org == "" {
		if m := titleTail.FindStringSubmatch(attr[loc[0]:loc[1]]); m != nil {
			if o := strings.TrimRight(strings.TrimSpace(m[1]), ",."); !notOrgs[strings.ToLower(strings.Fields(o)[0])] && ownerLike(d, o) {
				org = o
			}
		}
	}
	for _, m := range affiliationOrg.FindAllStringSubmatch(attr[loc[0]:loc[1]], -1) {
		o := strings.TrimRight(strings.TrimSpace(m[2]), ",.")
		o = afterPossessive(o)
		if i := strings.Index(o, " at "); i >= 0 && !orgLike(d, o[:i]) {
			o = o[i+len(" at "):] // "Marine Biology at Harbour University"
		}
		if ws := strings.Fields(o); len(ws) == 0 || notOrgs[strings.ToLower(ws[0])] {
			continue
		}
		if m[1] != "of" || orgLike(d, o) {
			org = o
		}
	}
	return org
}

// speakerOrgs lists the organisations the attributions of the speaker's
// quotations give in the texts ds (each once, in the order found).
func speakerOrgs(speaker string, ds ...*docInfo) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range ds {
		for _, q := range d.quotes {
			if q.speaker != speaker {
				continue
			}
			attr := speakerAttribution(d.doc.Text, q) // whom the speaker told is not the speaker's
			org := affiliationIn(d, attr)
			if org == "" || strings.EqualFold(org, speaker) {
				continue
			}
			if key := outletKey(org); !seen[key] {
				seen[key] = true
				out = append(out, org)
			}
		}
	}
	return out
}

// withAffiliations names each speaker of pv with the organisation the
// quotations' attributions give ("Writer of Harbour Coffee"; two when the
// texts give two, "Writer of X or of Y"): the statement both quote is
// that organisation's, which a reader looks for first.
func withAffiliations(pv *pairView, speakers []string) []string {
	out := make([]string, len(speakers))
	for i, s := range speakers {
		out[i] = s
		if orgs := speakerOrgs(s, pv.a, pv.b); len(orgs) > 0 && len(orgs) <= 2 {
			out[i] = s + " of " + strings.Join(orgs, " or of ")
		}
	}
	return out
}
