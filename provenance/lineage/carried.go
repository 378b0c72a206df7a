package lineage

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance/fastre"

	"github.com/copytrail/copytrail/provenance"
)

// carriesNamed reports whether another link of d already names s as the
// source of the text d carries (two pages that both cite s for a sentence
// they share, or a credit both give): d is then shown to carry s's story,
// not to be the release s rewrote, and a page crediting s need not share
// its lede with d for the credit to carry ("(Inputs from IANS)" under a
// paper's own lede, beside a page known to carry IANS's story).
func carriesNamed(names map[[2]string]namedText, views map[[2]string]*pairView, d *docInfo, s string) bool {
	key, id := outletKey(s), d.doc.ID
	for k, n := range names {
		if (k[0] == id || k[1] == id) && !n.release && views[k] != nil && sameOrgKey(outletKey(n.source), key) {
			return true
		}
	}
	return false
}

// nameCarriedSources turns an unknown link a – b into a named common source
// when a credits a source s for its text (“LONDON (AP) —”, “Source: Bangkok
// Post”, “By Reuters”) that no text sharing their passages is (another
// story of that outlet in the collection is not this one), and b, carrying
// the same passages — a's lede among them — names no other source and is
// no more upstream than a (not of a more upstream genre or outlet role):
// the text is s's, as a says, and b carries it too, from s or through a,
// which nothing here tells apart. A wire's lede is its own writing, so a
// text that shares only later sentences may be the release the wire
// rewrote, and is left alone; so is a credit to an aggregator, which
// republishes what others wrote. Links with a direction, and pairs either
// side of which is s, are left as they are.
func nameCarriedSources(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, names map[[2]string]namedText) {
	inCollection := linkedPageFinder(views, keys)
	eachUnknownSide(decided, views, keys, func(l provenance.Link, pv *pairView, a, b *docInfo) (provenance.Link, bool) {
		c, relayed, ok := carriedCredit(pv, a, b)
		if !ok || inCollection(c.source, a, b) {
			return l, false
		}
		if !sharesLede(pv, a, c) && !(reprintByRole(b) && sharesOwnSentence(pv, a)) && !reportsWhatBodiesSaid(pv, b, c.source) && !citesInShared(pv, b, c.source) && !carriesNamed(names, views, b, c.source) {
			return l, false // b may be the text a's source rewrote
		}
		l.Kind = provenance.LinkCommonSource
		l.ToDecide = nil
		l.Confidence = round2(Calibrate(wNamedCommon))
		what := c.source + "'s"
		if k := lookupKnown(c.source); k != nil && k.newswire {
			what = "a press release distributed by " + c.source
		}
		l.CommonSource = c.source
		l.Reasons = []string{
			fmt.Sprintf("%sthe text is %s: %s credits it (%s), and %s carries the same passages naming no other source: both took it from %s, which is not in the collection (directly, or %s through %s)",
				NamedSourceReason, what, a.name(), c.marker, b.name(), c.source, b.name(), a.name()),
			"shared passages: " + passageList(pv),
		}
		// An organisation's text (a university's, a society's: not a wire
		// or a news outlet) is its release: it reaches carriers that keep
		// other sentences of it, as a release named on a page does.
		names[viewKey(a.doc.ID, b.doc.ID)] = namedText{source: c.source, what: what, release: lookupKnown(c.source) == nil && hasOrgWord(c.source)}
		if relayed != "" {
			l.Reasons = append(l.Reasons[:1], fmt.Sprintf("%s is %s (%s), but it relays %s's release, which it names: it is not that release's source", b.name(), articleFor(b.role.role.Words()), b.role.why, relayed), l.Reasons[1])
		}
		return l, true
	})
}

// carriedCredit returns the credit of a to a named source for its text
// that b may carry too: neither is that source, b credits no other, and b
// is not of a more upstream genre or role than a. A credit b holds inside
// the passages it shares with a ("the government said in a statement" in
// the wire's own lede) is the carried text's, not another source of b's;
// so is b's "… said in a statement" closing a paragraph it shares with a
// when a quotes a statement too (the agency's quote, its attribution
// reworded: "it said" → "the UN agency said").
func carriedCredit(pv *pairView, a, b *docInfo) (credit, string, bool) {
	shared := sideSpans(pv, b.doc.ID)
	if b.genre.genre > a.genre.genre {
		return credit{}, "", false
	}
	ra, rb := roleRank(a.role.role), roleRank(b.role.role)
	for _, c := range creditsWithNewswire(a) {
		if c.self || c.source == "" || c.release {
			continue
		}
		relayed := ""
		if rb > ra && rb >= 0 {
			if relayed = relaysIssuer(a, b, c); relayed == "" {
				continue // b's outlet sits upstream of a's: it may be a's source
			}
		}
		if k := lookupKnown(c.source); k != nil && k.role == provenance.RoleAggregator {
			continue // an aggregator republishes; the text is someone else's
		}
		if like, _ := b.releaseLike(c.source); c.issuer && like {
			continue // b may be the issuer's own release, which a carries
		}
		if self, _ := a.isSource(c.source); self {
			continue
		}
		if ok, _ := b.isSource(c.source); ok {
			continue
		}
		other := false
		for _, cb := range b.credits {
			if cb.self || (cb.source == "" && !cb.release) || inside(shared, cb.span.Start, cb.span.End) {
				continue
			}
			if cb.release && cb.source == "" && a.hasReleaseCredit() && pv.sharedNear(b, cb.span) {
				continue // the statement the carried text quotes, reworded around it
			}
			if cb.release || !sameOrgKey(outletKey(cb.source), outletKey(c.source)) {
				other = true
			}
		}
		if !other {
			return c, relayed, true
		}
	}
	return credit{}, "", false
}

// sharesLede reports whether pv's passages hold some of a's lede: the
// first full sentence after its credit when the credit opens the story (a
// dateline, “LONDON (AP) —”); that sentence or the text's first when the
// credit is a line of its own near the top (“Author : The Conversation”
// below a standfirst); else its first sentence of a dozen words or more.
// A wire's lede is its own writing: a text that carries it is a reprint of
// the wire's story, while the release the wire rewrote shares only the
// sentences the wire kept.
func sharesLede(pv *pairView, a *docInfo, c credit) bool {
	text := a.doc.Text
	dash := strings.ContainsAny(c.marker, "—–-")
	if c.span.End < len(text)/3 && (dash || ownLine(text, c.span)) {
		if sharesSentenceFrom(pv, a, c.span.Start) {
			return true
		}
		if dash {
			return false // a dateline opens the wire's own story
		}
	}
	return sharesSentenceFrom(pv, a, 0)
}

// reprintByRole reports whether d's outlet is one that reprints rather
// than issues — a newspaper, a blog or an aggregator by its role — and its
// text does not read as a release: it is not the release a wire rewrote,
// so it need not share the wire's lede to carry the wire's credit.
func reprintByRole(d *docInfo) bool {
	return roleRank(d.role.role) == 1 && d.genre.genre == GenreArticle && d.newswire == ""
}

// bodyAttribution is a reporter's attribution to a body, outside any
// quotation: "…, the agency said", "…, the UN health agency said",
// "officials said", "police said", "ISRO sources said". An organisation's
// own release states its figures, or quotes its people by name; it does
// not say of itself that "the agency said".
var bodyAttribution = fastre.MustCompile(`(?:,\s+|\b)(?:(?:[Tt]he\s+)(?:[\w.-]+\s+){0,2}(?:agency|ministry|department|government|company|organi[sz]ation|military|army|palace|council|regulator|authority)|(?:[Tt]he\s+)?(?:officials|authorities|police|prosecutors|spokes(?:man|woman|person))|[A-Z]{2,}\s+sources)\s+(?:said|says|reported|announced|added|noted)\b`)

// reportsWhatBodiesSaid reports whether b carries, in the passages of pv,
// a reporter's attribution to a body (bodyAttribution) outside quotation
// marks, and does not read as a release, while s, the source a's credit
// names, is a known wire or news outlet: the shared text is a story's
// reporting — the outlet's own sentences, which b carries too — not the
// release or statement the outlet wrote its story from, which b would be
// if it shared only what the outlet kept.
func reportsWhatBodiesSaid(pv *pairView, b *docInfo, s string) bool {
	k := lookupKnown(s)
	if k == nil || (k.role != provenance.RoleWire && k.role != provenance.RoleNewspaper) {
		return false
	}
	if like, _ := b.releaseLike(""); like || b.genre.genre != GenreArticle {
		return false
	}
	text := b.doc.Text
	for _, sp := range sideSpans(pv, b.doc.ID) {
		for _, m := range bodyAttribution.FindAllStringIndex(text[sp.Start:sp.End], -1) {
			at := provenance.Span{Start: sp.Start + m[0], End: sp.Start + m[1]}
			if !insideQuote(b.quotes, at) {
				return true
			}
		}
	}
	return false
}

// citesInShared reports whether b, in a sentence holding a passage it
// shares in pv, says the sentence came from s, a known wire or news outlet
// ("…, according to Reuters", "AFP reported"; citedOutlets): b took that
// text from s's story, which the other text carries by its credit. On its
// own such a mention is no credit (a paper citing one fact of a wire's
// says it); here it attributes the very text the two share, and the
// release a wire rewrote never cites the wire.
func citesInShared(pv *pairView, b *docInfo, s string) bool {
	k := lookupKnown(s)
	if k == nil || (k.role != provenance.RoleWire && k.role != provenance.RoleNewspaper) {
		return false
	}
	for _, sp := range sideSpans(pv, b.doc.ID) {
		if _, ok := citedOutlets(b, sp)[k]; ok {
			return true
		}
	}
	return false
}

// sharesOwnSentence reports whether pv's passages hold a whole sentence
// of d's own prose — ten words or more, none of them inside a quotation:
// a text that carries d's story keeps some of its sentences, while an
// independent one quoting the same statement shares the quotation and a
// phrase or two around it.
func sharesOwnSentence(pv *pairView, d *docInfo) bool {
	text := d.doc.Text
	spans := sideSpans(pv, d.doc.ID)
	for pos := 0; pos < len(text); {
		end := sentenceEnd(text, pos, 600)
		if end <= pos {
			pos++
			continue
		}
		toks := d.tokens(provenance.Span{Start: pos, End: end})
		own := len(toks) >= 10
		for _, t := range toks {
			if !own {
				break
			}
			own = inside(spans, t.start, t.end) && !insideQuote(d.quotes, provenance.Span{Start: t.start, End: t.end})
		}
		if own {
			return true
		}
		pos = end + 1
	}
	return false
}

// sharesSentenceFrom reports whether pv's passages hold some of a's first
// line or sentence of a dozen words or more from byte from on, or three
// quarters of its first whole sentence of a dozen words (closed by a full
// stop or a quotation's closing mark) word for word: a picture caption or
// a line of page furniture above the story is not its lede, and a rewrite
// of a release keeps a phrase of its lede, a reprint the lede itself.
func sharesSentenceFrom(pv *pairView, a *docInfo, from int) bool {
	spans := sideSpans(pv, a.doc.ID)
	if lede, ok := ledeFrom(a.doc.Text, from, false); ok {
		for _, s := range spans {
			if overlaps(s, lede) {
				return true
			}
		}
	}
	lede, ok := ledeFrom(a.doc.Text, from, true)
	if !ok {
		return false
	}
	toks := a.tokens(lede)
	same := 0
	for _, t := range toks {
		if inside(spans, t.start, t.end) && !pv.edited(a, t) {
			same++
		}
	}
	return 4*same >= 3*len(toks)
}

// ledeFrom is a text's first sentence (or line) of a dozen words or more
// from byte from on; closed: only a whole sentence. A picture's caption
// above the story is not its lede (pictureCaption).
func ledeFrom(text string, from int, closed bool) (provenance.Span, bool) {
	for pos := from; pos < len(text); {
		end := sentenceEnd(text, pos, 600)
		if end <= pos {
			pos++
			continue
		}
		if fieldsAtLeast(text[pos:end], 12) && (!closed || closesSentence(text[pos:end])) && !pictureCaption(text, pos, end) {
			return provenance.Span{Start: pos, End: end}, true
		}
		pos = end + 1
	}
	return provenance.Span{}, false
}

// edited reports whether token t of d lies in a word the other side of
// pv has differently (an edit of one of the passages).
func (pv *pairView) edited(d *docInfo, t token) bool {
	for _, p := range pv.passages {
		for _, e := range p.edits {
			s := e.a
			if d != pv.a {
				s = e.b
			}
			if t.start < s.End && s.Start < t.end {
				return true
			}
		}
	}
	return false
}

// creditsWithNewswire lists d's credits and, when it carries a newswire's
// distribution marker ("ORRVILLE, Ohio, May 20, 2022 /PRNewswire/ --"),
// that marker as a credit to the newswire: the text is a release the
// service distributed.
func creditsWithNewswire(d *docInfo) []credit {
	if d.newswire == "" {
		return d.credits
	}
	out := append([]credit(nil), d.credits...)
	if loc := newswireMark.FindStringIndex(d.doc.Text); loc != nil {
		start := sentenceStart(d.doc.Text, loc[0], 80)
		out = append(out, credit{source: d.newswire, marker: shortMarker(d.doc.Text[start:loc[1]]), span: provenance.Span{Start: start, End: loc[1]}})
	}
	return out
}

// newswireIssuer is the organisation a newswire's release opens with:
// "ORRVILLE, Ohio, May 20, 2022 /PRNewswire/ -- The J. M. Smucker Co. is
// recalling" → "J. M. Smucker Co".
var newswireIssuer = fastre.MustCompile(`^\s*[-–—]{1,2}\s*(?:[Tt]he\s+)?` + name)

// relaysIssuer names the organisation whose release b relays when b, though of a more upstream outlet role
// than a (a press office beside an aggregator), relays the release a
// carries as another organisation's: c is a's newswire marker, and b
// names the organisation that opens the release without being it (a
// health department advising that "J. M. Smucker Co. is recalling …"). A
// press office is the source of its own releases, not of another's. ""
// when it does not.
func relaysIssuer(a, b *docInfo, c credit) string {
	if a.newswire == "" || c.source != a.newswire {
		return ""
	}
	text := a.doc.Text
	m := newswireIssuer.FindStringSubmatch(text[c.span.End:])
	if m == nil {
		return ""
	}
	issuer := cleanCreditName(m[1])
	if len(strings.Fields(issuer)) < 2 && len(issuer) < 4 {
		return ""
	}
	if self, _ := b.isSource(issuer); self || !mentionsOrg(b.doc.Text, issuer) {
		return ""
	}
	return issuer
}

// ownLine reports whether span is all there is on its line.
func ownLine(text string, s provenance.Span) bool {
	start := strings.LastIndexByte(text[:s.Start], '\n') + 1
	end := strings.IndexByte(text[s.End:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += s.End
	}
	return strings.TrimSpace(text[start:s.Start]) == "" && strings.TrimSpace(text[s.End:end]) == ""
}

// closesSentence reports whether s ends as a sentence does: a full stop,
// a question or exclamation mark, or a closing quotation mark.
func closesSentence(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	for _, end := range []string{".", "!", "?", "”", "\"", "’"} {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return false
}
