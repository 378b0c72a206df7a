package lineage

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// nameReleaseVariants turns a link src – dst that rests on dst's credit to
// "a press release" (the release-credit clue: src reads as that release)
// into a common source naming the organisation's release when the release
// is in the collection in more than one version, so that src is one
// version and not the release dst credits:
//
//   - another press-office text w of src's organisation X (its outlet or
//     the organisation it speaks for, by name: "Oxfam in Cambodia" and
//     "Oxfam America" are both Oxfam's) shares text with src, and each of
//     src and w has text the other lacks (X's offices issued their own
//     variants of one release; a verbatim repost is not a variant);
//   - nothing dst shares with src is peculiar to src: a third text z,
//     which may be dst's source (not dated after it, of no more downstream
//     genre or role, not a copy of dst), holds all of it;
//   - no clue but the release itself orders the two: no first-party quote
//     and no shared innovations.
//
// The story then quoted X's release — one of its versions or the original,
// which is not in the collection as such — and nothing shows which: an
// arrow to src would call a sibling version the story's source. Common
// source links, and copy links pointing the other way, are left alone.
func nameReleaseVariants(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, neighbours map[string][]string) {
	for _, k := range keys {
		l, ok := decided[k]
		pv := views[k]
		if !ok || pv.relCopy == nil || l.Kind == provenance.LinkCommonSource {
			continue
		}
		dst := pv.relCopy
		src := other(pv, dst)
		if l.Kind == provenance.LinkCopy && l.Source != src.doc.ID {
			continue
		}
		if ordersBeyondRelease(pv) {
			continue
		}
		org, w := releaseVersion(src, dst, views, neighbours[src.doc.ID])
		if w == nil {
			continue
		}
		z := carrierFor(pv, src, dst, views, neighbours[dst.doc.ID], decided)
		if z == nil {
			continue
		}
		what := possessive(org) + " press release"
		decided[k] = provenance.Link{
			Source: pv.a.doc.ID, Target: pv.b.doc.ID, Kind: provenance.LinkCommonSource,
			Confidence: round2(Calibrate(wNamedCommon)), Passages: l.Passages,
			Reasons: []string{
				fmt.Sprintf("%sthe text is %s: %s credits a press release (%s), and %s release is in the collection in more than one version (%s and %s, each with text the other lacks), while all that %s shares with %s is also in %s: it took from %s, in one of its versions or the original, and nothing shows which; no arrow is drawn to one version",
					NamedSourceReason, what, dst.name(), pv.relCredit.marker, possessive(org), src.name(), w.name(), dst.name(), src.name(), z.name(), what),
				"shared passages: " + passageList(pv),
			},
		}
	}
}

// ordersBeyondRelease reports whether a clue other than the release
// itself shows which text copied which: a first-party quote or shared
// innovations.
func ordersBeyondRelease(pv *pairView) bool {
	for _, e := range pv.evidence {
		if e.weight != 0 && (e.kind == evFirstParty || e.kind == evInnovation) {
			return true
		}
	}
	return false
}

// releaseVersion finds another version w of the release src is: a
// press-office text of src's organisation (a press office by role, a
// release by genre or a newswire's marker, crediting no other source),
// sharing text with src, each with text the other lacks. It returns the
// organisation's name and w, or nil.
func releaseVersion(src, dst *docInfo, views map[[2]string]*pairView, near []string) (string, *docInfo) {
	for _, id := range near {
		if id == dst.doc.ID {
			continue
		}
		sw := views[viewKey(src.doc.ID, id)]
		w := sw.side(id)
		if sw.longest < MinLinkWords || !pressText(w) || w.creditsAny() {
			continue
		}
		org := commonOrg(src, w)
		if org == "" || !distinctVersions(sw) {
			continue
		}
		return org, w
	}
	return "", nil
}

// pressText reports whether d reads as a press office's text.
func pressText(d *docInfo) bool {
	return d.role.role == provenance.RolePressOffice || d.genre.genre == GenreRelease || d.newswire != ""
}

// carrierFor finds a third text z that holds all dst shares with src (pv)
// and may be where dst took it from: not dated after dst, of no more
// downstream genre or role, and not shown to have copied dst.
func carrierFor(pv *pairView, src, dst *docInfo, views map[[2]string]*pairView, near []string, decided map[[2]string]provenance.Link) *docInfo {
	for _, id := range near {
		if id == src.doc.ID {
			continue
		}
		dz := views[viewKey(dst.doc.ID, id)]
		z := dz.side(id)
		if !plausibleSource(z, dst) {
			continue
		}
		if l, ok := decided[viewKey(dst.doc.ID, id)]; ok && l.Kind == provenance.LinkCopy && l.Source == dst.doc.ID {
			continue
		}
		if coveredBy(pv, dst, dz, z) {
			return z
		}
	}
	return nil
}

// commonOrg names the organisation two documents both speak for: an
// outlet (given, not inferred) or organisation of one that is the other's
// ("University of Florida" and "University of Florida News"), or the
// distinctive first word both names begin with ("Oxfam in Cambodia" and
// "Oxfam America": Oxfam). "" when none.
func commonOrg(a, b *docInfo) string {
	for _, na := range orgNames(a) {
		for _, nb := range orgNames(b) {
			if sameOrgKey(outletKey(na), outletKey(nb)) {
				if len(nb) < len(na) {
					return nb
				}
				return na
			}
			if ha := orgHead(na); ha != "" && strings.EqualFold(ha, orgHead(nb)) {
				return ha
			}
		}
	}
	return ""
}

// orgNames lists the names a document speaks for: its outlet unless it
// was only inferred from the text, and the organisations it speaks for.
func orgNames(d *docInfo) []string {
	var out []string
	m := d.doc.Meta.Outlet
	if m.Known() && m.Origin != provenance.OriginInferred {
		out = append(out, m.Value)
	}
	for _, o := range d.orgs {
		if o != m.Value {
			out = append(out, o)
		}
	}
	return out
}

// orgHead is the first word of an organisation's name when it names the
// organisation on its own ("Oxfam" of "Oxfam America"): capitalised, four
// letters or more, not a word any organisation's name may start with
// ("University", "National", "The").
func orgHead(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	w := strings.Trim(f[0], ".,;:’'")
	r, _ := utf8.DecodeRuneInString(w)
	lw := strings.ToLower(w)
	if utf8.RuneCountInString(w) < 4 || !unicode.IsUpper(r) || orgWords[lw] || notOrgs[lw] || headWords[lw] {
		return ""
	}
	return w
}

// headWords open the names of many unrelated organisations.
var headWords = map[string]bool{
	"royal": true, "united": true, "world": true, "american": true, "british": true, "european": true,
	"daily": true, "evening": true, "morning": true, "weekly": true, "news": true, "press": true,
	"public": true, "central": true, "general": true, "north": true, "south": true, "east": true, "west": true,
	"first": true, "saint": true, "city": true, "county": true,
}

// distinctVersions reports whether each side of pv has text of its own the
// other lacks: within the stretch of its text it shares (an inserted
// paragraph), or after it while the other also goes on with text of its
// own (two endings, not one page cut off earlier).
func distinctVersions(pv *pairView) bool {
	ai, at := ownWords(pv, pv.a)
	bi, bt := ownWords(pv, pv.b)
	has := func(inner, tail, otherTail int) bool {
		return inner >= MinLinkWords || (tail >= MinLinkWords && otherTail >= MinLinkWords)
	}
	return has(ai, at, bt) && has(bi, bt, at)
}

// ownWords counts d's words outside what it shares in pv, between its
// first and last shared words (inner) and after them (tail).
func ownWords(pv *pairView, d *docInfo) (inner, tail int) {
	spans := sideSpans(pv, d.doc.ID)
	first, last := len(d.doc.Text), 0
	for _, s := range spans {
		first, last = min(first, s.Start), max(last, s.End)
	}
	for _, t := range d.toks {
		if t.start < first || inside(spans, t.start, t.end) {
			continue
		}
		if t.end <= last {
			inner++
		} else {
			tail++
		}
	}
	return inner, tail
}

// neighbourLists maps each document to the others it shares text with.
func neighbourLists(keys [][2]string) map[string][]string {
	neighbours := map[string][]string{}
	for _, k := range keys {
		neighbours[k[0]] = append(neighbours[k[0]], k[1])
		neighbours[k[1]] = append(neighbours[k[1]], k[0])
	}
	return neighbours
}

// nameReleaseVersions names, once the directions are settled, the common
// source of the undirected links that join versions of one release or a
// text quoting one (nameVersionsOfRelease).
func nameReleaseVersions(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, neighbours map[string][]string) {
	for _, k := range keys {
		if l, ok := decided[k]; ok && l.Kind != provenance.LinkCopy && !named(l) {
			nameVersionsOfRelease(decided, k, views, neighbours)
		}
	}
}

// nameVersionsOfRelease names the common source of an undirected link
// (unknown, or a common source left unnamed) when the organisation's
// release is here in more than one version:
//
//   - two of its versions (press-office texts of one organisation, each
//     with text the other lacks, crediting no one, sharing the opening
//     sentence of one of them, so one story): both are X's press release,
//     as its offices issued it;
//   - a text d that is not a press office's, crediting no named source,
//     whose passages shared with one version v attribute their text to X
//     ("according to a new report published by Oxfam"), when a third text
//     holds all d shares with v: d carries X's release, from one of its
//     versions or the original.
//
// Neither claims a direction; a first-party quote or shared innovations
// leave the link as it is.
func nameVersionsOfRelease(decided map[[2]string]provenance.Link, k [2]string, views map[[2]string]*pairView, neighbours map[string][]string) {
	pv := views[k]
	if ordersBeyondRelease(pv) {
		return
	}
	a, b := pv.a, pv.b
	l := decided[k]
	name := func(org, why string) {
		decided[k] = provenance.Link{
			Source: a.doc.ID, Target: b.doc.ID, Kind: provenance.LinkCommonSource,
			Confidence: round2(Calibrate(wNamedCommon)), Passages: l.Passages,
			Reasons: []string{NamedSourceReason + "the text is " + possessive(org) + " press release: " + why, "shared passages: " + passageList(pv)},
		}
	}
	if pressText(a) && pressText(b) && !a.creditsAny() && !b.creditsAny() && distinctVersions(pv) &&
		(sharesOpening(pv, a) || sharesOpening(pv, b)) {
		if org := commonOrg(a, b); org != "" {
			name(org, fmt.Sprintf("%s and %s are two versions of it issued by %s offices, one story (they share an opening sentence), each with text the other lacks; neither is shown to have copied the other",
				a.name(), b.name(), possessive(org)))
			return
		}
	}
	for _, side := range [][2]*docInfo{{a, b}, {b, a}} {
		v, d := side[0], side[1]
		if !pressText(v) || pressText(d) || namesSource(d) {
			continue
		}
		org, w := releaseVersion(v, d, views, neighbours[v.doc.ID])
		if w == nil {
			continue
		}
		at, ok := attributedTo(pv, d, org)
		if !ok {
			continue
		}
		z := carrierFor(pv, v, d, views, neighbours[d.doc.ID], decided)
		if z == nil {
			continue
		}
		name(org, fmt.Sprintf("what %s shares with %s attributes itself to %s (%s), and %s release is in the collection in more than one version (%s and %s, each with text the other lacks), while all of it is also in %s: %s took it from %s press release, in one of its versions or the original, and nothing shows which; no arrow is drawn to one version",
			d.name(), v.name(), org, quoteSnippet(d.doc.Text, at.span), possessive(org), v.name(), w.name(), z.name(), d.name(), possessive(org)))
		return
	}
}

// namesSource reports whether d credits a named source for its text.
func namesSource(d *docInfo) bool {
	for _, c := range d.credits {
		if !c.self && c.source != "" {
			return true
		}
	}
	return false
}

// attributedTo finds an attribution of d's text to org's document ("a new
// report published by Oxfam") inside what d shares in pv.
func attributedTo(pv *pairView, d *docInfo, org string) (orgAttribution, bool) {
	spans := sideSpans(pv, d.doc.ID)
	for _, at := range findOrgAttributions(d) {
		end := at.span.End
		for end > at.span.Start && strings.ContainsRune(".,;", rune(d.doc.Text[end-1])) {
			end-- // the name's pattern takes a closing full stop along
		}
		if !inside(spans, at.span.Start, end) {
			continue
		}
		if sameOrgKey(outletKey(at.org), outletKey(org)) || strings.EqualFold(orgHead(at.org+" x"), org) {
			return at, true
		}
	}
	return orgAttribution{}, false
}

// sharesOpening reports whether pv's passages hold some of d's opening
// sentence (its first of a dozen words or more).
func sharesOpening(pv *pairView, d *docInfo) bool {
	return sharesLede(pv, d, credit{})
}
