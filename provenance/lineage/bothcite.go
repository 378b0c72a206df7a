package lineage

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/fastre"
)

// outletCited is a text's own mention of an outlet as where a sentence
// came from: "according to Reuters", "according to news agency IANS",
// "AFP reported", "Reuters said", "Winnie Byanyima told AFP".
var outletCited = fastre.MustCompile(`\b(?i:according\s+to|told)\s+(?:[Tt]he\s+)?(?:(?i:news\s+agency|wire\s+service)\s+)?` + name + `|\b(?:[Tt]he\s+)?` + name + `\s+(?i:reported|reports|said|says)\b`).WithStarts(outletCitedStarts)

// citedOutlets lists the known wires and news outlets that d, in the
// sentence around span s of its text, names as where the sentence came
// from ("…, an ISRO official told IANS", "…, according to news agency
// IANS"), with the words that name it.
func citedOutlets(d *docInfo, s provenance.Span) map[*knownOutlet]string {
	text := d.doc.Text
	sent := provenance.Span{Start: sentenceStart(text, s.Start, 400), End: sentenceEnd(text, max(s.Start, s.End-1), 400)}
	if sent.End <= sent.Start {
		return nil
	}
	part := text[sent.Start:sent.End]
	var out map[*knownOutlet]string
	for _, m := range outletCited.FindAllStringSubmatchIndex(part, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] < 0 {
				continue
			}
			k := lookupKnown(cleanCreditName(part[m[g]:m[g+1]]))
			if k == nil || (k.role != provenance.RoleWire && k.role != provenance.RoleNewspaper) {
				continue
			}
			if out == nil {
				out = map[*knownOutlet]string{}
			}
			out[k] = shortMarker(strings.TrimSpace(part[m[0]:m[1]]))
		}
	}
	return out
}

// bothCiteOutlet names the wire or news outlet both texts of pv say one
// sentence they share came from: a passage lies, on each side, in a
// sentence that names that outlet as its source ("the spokesman told AFP"
// in one, "told AFP" or "according to AFP" in the other). Two pages that
// carry an agency's interview with the agency's name in it carry the
// agency's story, directly or one through the other. Neither text may be
// that outlet's own, credit it or another source by a credit line (a page
// crediting it may be its own; the carried credit speaks for that), or
// read as a release (a release never cites the wire that rewrote it).
func bothCiteOutlet(pv *pairView) (k *knownOutlet, ma, mb string, ok bool) {
	for _, d := range []*docInfo{pv.a, pv.b} {
		if like, _ := d.releaseLike(""); like || d.newswire != "" {
			return nil, "", "", false
		}
	}
	for _, p := range pv.passages {
		ca := citedOutlets(pv.a, p.aSpan)
		if len(ca) == 0 {
			continue
		}
		cb := citedOutlets(pv.b, p.bSpan)
		for kk, m := range ca {
			mbb, both := cb[kk]
			if !both {
				continue
			}
			if self, _ := pv.a.isSource(kk.name); self {
				continue
			}
			if self, _ := pv.b.isSource(kk.name); self {
				continue
			}
			if creditsOtherThan(pv.a, kk) || creditsOtherThan(pv.b, kk) || creditsOutlet(pv.a, kk) || creditsOutlet(pv.b, kk) {
				continue
			}
			return kk, m, mbb, true
		}
	}
	return nil, "", "", false
}

// creditsOutlet reports whether d credits k by a credit line ("Source:
// CNN", "(AP) —") or opens a line with k's name as a dateline ("CNN —"):
// such a page may be k's own, and the carried credit
// (nameCarriedSources), with its guards, speaks for it.
func creditsOutlet(d *docInfo, k *knownOutlet) bool {
	for _, c := range d.credits {
		if c.source != "" && !c.release && lookupKnown(c.source) == k {
			return true
		}
	}
	for _, m := range outletDateline.FindAllStringSubmatch(d.doc.Text, 4) {
		if lookupKnown(cleanCreditName(m[1])) == k {
			return true
		}
	}
	return false
}

// outletDateline is an outlet's dateline without brackets opening a
// line: "CNN —", "AFP –". Not read as a credit (an outlet's own page
// opens so, and a phrase of its lede in a release's rewrite would then
// be called its text), only as a sign that the page may be the outlet's.
var outletDateline = fastre.MustCompile(`(?m)^[ \t]*` + name + `[ \t]+[—–][ \t]*(?:$|[A-Z“"])`).WithStarts(outletDashStarts)

// creditsOtherThan reports whether d credits a named source other than k
// for its text (a credit to k, or to a release, is not another source).
func creditsOtherThan(d *docInfo, k *knownOutlet) bool {
	for _, c := range d.credits {
		if c.self || c.source == "" || c.release {
			continue
		}
		if lookupKnown(c.source) != k {
			return true
		}
	}
	return false
}

// bothCiteEvidence names the outlet both texts of pv cite for a sentence
// they share as their common source (bothCiteOutlet), when no shared
// credit named one.
func bothCiteEvidence(pv *pairView) {
	if pv.named != "" {
		return
	}
	k, ma, mb, ok := bothCiteOutlet(pv)
	if !ok {
		return
	}
	pv.named = k.name
	pv.common += wNamedCommon
	pv.csWhy = append(pv.csWhy, fmt.Sprintf("both say a sentence they share came from %s (%s in %s; %s in %s), and neither is %s's own text: they carry %s's story",
		k.name, ma, pv.a.name(), mb, pv.b.name(), k.name, k.name))
}

// outletDashStarts lists where outletDateline, an outlet's dateline
// without brackets (`(?m)^[ \t]*Name[ \t]+—`) can start: at a line start
// followed, past blanks, by a capital letter, with a dash among the line's
// first 60 bytes.
func outletDashStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool {
		rest = rest[skipBlanks(rest, 0):]
		if rest == "" || rest[0] < 'A' || rest[0] > 'Z' {
			return false
		}
		head := rest[:min(len(rest), 60)]
		if nl := strings.IndexByte(head, '\n'); nl >= 0 {
			head = head[:nl]
		}
		return strings.Contains(head, "—") || strings.Contains(head, "–")
	})
}

// photoByline is a bracketed picture credit: "(AP Photo/Ann Writer)",
// "(Photo: Harbour University)", "(Picture by Bo Reporter)".
var photoByline = fastre.MustCompile(`\((?:[A-Z][\w.]*\s+)?(?i:photo|photograph|picture|image)s?\s*(?:/|:|(?i:by)\s)`)

// pictureCaption reports whether the sentence text[pos:end] is a picture's
// caption: a bracketed picture credit lies in it or after it on its line
// ("Delivery trucks are parked at the depot in Eastport.   (AP
// Photo/Ann Writer)").
func pictureCaption(text string, pos, end int) bool {
	stop := strings.IndexByte(text[end:], '\n')
	if stop < 0 {
		stop = len(text)
	} else {
		stop += end
	}
	line := text[pos:stop]
	return strings.Contains(line, "(") && photoByline.MatchString(line)
}

// monthLineStarts lists where the credit pattern of a listing's "date -
// source" line can start: at a line start followed, past blanks, by a
// month's abbreviation (its first letter a capital).
func monthLineStarts(text string) []int {
	return lineStartsWhere(text, func(rest string) bool {
		rest = rest[skipBlanks(rest, 0):]
		if len(rest) < 3 {
			return false
		}
		switch rest[:3] {
		case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
			return true
		}
		return false
	})
}

// nameCitedOutlets turns an unknown link a – b into a common source naming
// a wire or news outlet W when a says, in a sentence holding a passage the
// two share, that the sentence is W's ("…, according to Reuters", "the
// spokesman told AFP"; citedOutlets), and b carries that sentence's
// reporting — eight words or more of a's prose outside quotation marks in
// that sentence — naming no other source: the sentence is W's story, as a
// says, and b carries it too, from W or through a. b must not read as a
// release, be a newswire's text or be of a more upstream genre or outlet
// role than a (it could be what W rewrote); neither text may be W's own
// or credit W by a credit line (the carried credit, with its lede guard,
// speaks for that), nor credit another source; and no text sharing their
// passages may be W.
func nameCitedOutlets(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, names map[[2]string]namedText) {
	inCollection := linkedPageFinder(views, keys)
	eachUnknownSide(decided, views, keys, func(l provenance.Link, pv *pairView, a, b *docInfo) (provenance.Link, bool) {
		if !mayCarryNamed(b, a) {
			return l, false
		}
		if like, _ := a.releaseLike(""); like || a.newswire != "" {
			return l, false
		}
		for _, p := range pv.passages {
			as := p.aSpan
			if a == pv.b {
				as = p.bSpan
			}
			for k, marker := range citedOutlets(a, as) {
				if !carriesCitedSentence(a, as) || inCollection(k.name, a, b) {
					continue
				}
				if self, _ := a.isSource(k.name); self {
					continue
				}
				if self, _ := b.isSource(k.name); self {
					continue
				}
				if creditsOtherThan(a, k) || creditsOutlet(a, k) || creditsOutlet(b, k) {
					continue
				}
				names[viewKey(a.doc.ID, b.doc.ID)] = namedText{source: k.name, what: k.name + "'s"}
				l.Kind = provenance.LinkCommonSource
				l.ToDecide = nil
				l.Confidence = round2(Calibrate(wNamedCommon))
				l.CommonSource = k.name
				l.Reasons = []string{
					fmt.Sprintf("%sthe text is %s's: %s says a sentence the two share came from it (%s), and %s carries that sentence naming no other source: both took it from %s, which is not in the collection (directly, or %s through %s)",
						NamedSourceReason, k.name, a.name(), marker, b.name(), k.name, b.name(), a.name()),
					"shared passages: " + passageList(pv),
				}
				return l, true
			}
		}
		return l, false
	})
}

// carriesCitedSentence reports whether the shared span s of d holds, in
// the sentence around it, eight words or more of d's own prose (outside
// quotation marks): the outlet's reporting, not only a quotation two
// stories may take from one statement.
func carriesCitedSentence(d *docInfo, s provenance.Span) bool {
	text := d.doc.Text
	sent := provenance.Span{Start: sentenceStart(text, s.Start, 400), End: sentenceEnd(text, max(s.Start, s.End-1), 400)}
	in := provenance.Span{Start: max(s.Start, sent.Start), End: min(s.End, sent.End)}
	n := 0
	for _, t := range d.tokens(in) {
		if !insideQuote(d.quotes, provenance.Span{Start: t.start, End: t.end}) {
			n++
		}
	}
	return n >= 8
}
