package lineage

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/copytrail/copytrail/provenance"
)

// An institution's own page is rarely marked as such on a saved page: its
// site's name and address are lost with the page furniture. What is left
// is how it opens — a press-release dateline naming the institution's home
// town ("EASTPORT, Maine –" on Harbour University – Eastport's release) —
// and that it credits no one. When another page of the collection that
// shares its text credits that institution for it ("Harbour University –
// Eastport" over the release's dateline, "Source: Harbour University at
// Eastport, News Office"), a journalist takes the page that opens with the
// institution's own dateline and credits no one to be the institution's
// release: the crediting page names it, and its dateline places it at home.

// institutionWords make a credited name an institution's (an issuer of
// releases with a home town), not an outlet's or a person's.
var institutionWords = map[string]bool{
	"university": true, "college": true, "institute": true, "hospital": true, "laboratory": true,
	"observatory": true, "museum": true, "foundation": true, "society": true, "academy": true,
	"school": true, "clinic": true, "center": true, "centre": true,
}

// nameWords lists the lower-cased words of a name, split at every
// character that is not a letter ("Urbana-Champaign" is two words).
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// institutional reports whether a credited name is an institution's.
func institutional(name string) bool {
	for _, w := range nameWords(name) {
		if institutionWords[w] {
			return true
		}
	}
	return false
}

// datelineCity is the town of a press-release dateline ("RIVERSIDE" of
// "RIVERSIDE, Calif. –"), lower-cased, as words.
func datelineCity(dateline string) []string {
	city, _, ok := strings.Cut(dateline, ",")
	if !ok {
		return nil
	}
	city = strings.TrimPrefix(strings.TrimSpace(city), "(Press-News.org)")
	return nameWords(city)
}

// homeOf reports whether every word of a dateline's town is a word of the
// institution's name: "CHAMPAIGN, Ill. —" is at home in "University of
// Illinois at Urbana-Champaign, News Bureau".
func homeOf(dateline, institution string) bool {
	city := datelineCity(dateline)
	if len(city) == 0 {
		return false
	}
	words := map[string]bool{}
	for _, w := range nameWords(institution) {
		words[w] = true
	}
	for _, w := range city {
		if len(w) < 3 || !words[w] {
			return false
		}
	}
	return true
}

// mayBeOwnPage reports whether d could be an institution's own page by the
// rule above: it opens with a press-release dateline, credits no one (not
// even under an institution line), carries no newswire's marker, and
// neither its metadata nor the table of known outlets says whose page it
// is (then they decide).
func mayBeOwnPage(d *docInfo) bool {
	if d.releaseDate == "" || d.newswire != "" || d.known != nil || d.role.role != provenance.RoleNone {
		return false
	}
	if o := d.doc.Meta.Outlet; o.Known() && o.Origin != provenance.OriginInferred {
		return false
	}
	if h := hostOf(d.doc.Meta.URL.Value); h != "" {
		return false
	}
	for _, c := range d.credits {
		if !c.self {
			return false
		}
	}
	return true
}

// ownPageCredit finds a credit of c naming an institution whose home town
// d's dateline names, c not being that institution's page itself. When c
// opens with a release dateline too, only an institution line over it
// (EurekAlert's layout, a carrier's) will do: a "Source: X" line on a
// page that is itself the release may be the institution naming itself.
func ownPageCredit(c, d *docInfo) (credit, bool) {
	for _, cr := range c.credits {
		if cr.self || cr.source == "" || !institutional(cr.source) || !homeOf(d.releaseDate, cr.source) {
			continue
		}
		if c.releaseDate != "" && !cr.issuer {
			continue
		}
		if self, _ := c.isSource(cr.source); self {
			continue
		}
		return cr, true
	}
	return credit{}, false
}

// markOwnPages finds, among the documents that share non-incidental text,
// the institutions' own pages (see above): each becomes its institution's
// text (isSource) and reads as its press release (genre). byPair lists
// each pair's passages for pairs that do not list theirs. A page two
// crediting pages would place at two institutions is left alone.
func markOwnPages(r *provenance.Result, infos map[string]*docInfo, byPair map[[2]string][]int) {
	type claim struct {
		name, why string
		home      bool // by a credit naming the dateline's town
	}
	// The candidates each crediting page names, in the order of the pairs.
	type candidate struct {
		d  *docInfo
		cl claim
	}
	byCredit := map[*docInfo][]candidate{}
	// datelined counts the pages sharing text with each page that open
	// with a press-release dateline, whether or not they credit anyone.
	datelined := map[*docInfo]int{}
	var crediting []*docInfo
	for i := range r.Pairs {
		pair := &r.Pairs[i]
		a, b := infos[pair.A], infos[pair.B]
		if a == nil || b == nil || a == b || a.releaseDate == "" && b.releaseDate == "" || !sharesText(r, pair, byPair) {
			continue // the rules need a page with a dateline
		}
		for _, s := range [][2]*docInfo{{a, b}, {b, a}} {
			c, d := s[0], s[1]
			if d.releaseDate != "" {
				datelined[c]++
			}
			if !mayBeOwnPage(d) {
				continue
			}
			cl, ok := claim{}, false
			if cr, home := ownPageCredit(c, d); home && sharesDatelineLede(r, pair, byPair, d) {
				cl, ok = claim{cr.source, fmt.Sprintf("%s credits %s for the text they share (%s), and it opens with a press-release dateline at %s's home, “%s”, crediting no one",
					c.name(), cr.source, cr.marker, cr.source, d.releaseDate), true}, true
			} else if cr, quoted := releaseCreditOn(r, pair, byPair, c); quoted && sharesDatelineLede(r, pair, byPair, d) {
				org := releaseOrg(c, cr)
				what := "a release"
				if org != "" {
					what = possessive(org) + " release"
				}
				cl, ok = claim{org, fmt.Sprintf("%s quotes %s (%s) in a paragraph they share, and it opens with a press-release dateline, “%s”, crediting no one",
					c.name(), what, cr.marker, d.releaseDate), false}, true
			}
			if ok {
				if byCredit[c] == nil {
					crediting = append(crediting, c)
				}
				byCredit[c] = append(byCredit[c], candidate{d, cl})
			}
		}
	}
	// Two pages that would both be the institution's by one page's credit
	// (its release and a verbatim repost keeping the dateline) are rivals:
	// nothing tells which is its own, and neither is marked by it.
	// A page quoting "a press release" may have taken it from any page
	// that carries the release with its dateline, a repost under the
	// institution's line as well as the institution's page: it marks one
	// only when no other page it shares text with opens so.
	claims := map[*docInfo][]claim{}
	for _, c := range crediting {
		if cs := byCredit[c]; len(cs) == 1 && (cs[0].cl.home || datelined[c] == 1) {
			claims[cs[0].d] = append(claims[cs[0].d], cs[0].cl)
		}
	}
	for d, cs := range claims {
		// A credit placing the page at an institution's home outranks a
		// quoted release's name (often short: "a UC-R press release"); the
		// names of one rank must agree.
		var best []claim
		for _, home := range []bool{true, false} {
			for _, c := range cs {
				if c.home == home {
					best = append(best, c)
				}
			}
			if len(best) > 0 {
				break
			}
		}
		name, why, one := "", best[0].why, true
		for _, c := range best {
			switch {
			case c.name == "":
			case name == "":
				name, why = c.name, c.why
			default:
				one = one && sameOrgKey(outletKey(c.name), outletKey(name))
			}
		}
		if !one {
			continue
		}
		d.ownPage, d.ownPageWhy = name, why
		if d.genre.genre != GenreRelease {
			why := "the release another page quotes, by its dateline"
			if name != "" {
				why = "the page of " + name + " by its dateline, which another page credits for the text"
			}
			d.genre = genreProfile{
				genre:   GenreRelease,
				score:   d.genre.score + 1,
				reasons: append(append([]string(nil), d.genre.reasons...), why),
				voice:   d.genre.voice,
			}
		}
	}
}

// pairSpans lists the spans in document id of a pair's non-incidental
// passages.
func pairSpans(r *provenance.Result, pair *provenance.Pair, byPair map[[2]string][]int, id string) []provenance.Span {
	var spans []provenance.Span
	for _, i := range pairPassages(pair, byPair) {
		if i < 0 || i >= len(r.Passages) || r.Passages[i].Incidental {
			continue
		}
		p := r.Passages[i]
		switch id {
		case p.A:
			spans = append(spans, p.ASpan())
		case p.B:
			spans = append(spans, p.BSpan())
		}
	}
	return spans
}

// sharesDatelineLede reports whether the pair's passages hold, in d, at
// least 8 words of the first sentence (a dozen words or more) after d's
// dateline: the crediting page carries the release as it opens, not a
// quotation or two that a newspaper's own story under its own dateline
// might share with it.
func sharesDatelineLede(r *provenance.Result, pair *provenance.Pair, byPair map[[2]string][]int, d *docInfo) bool {
	text := d.doc.Text
	at := strings.Index(text, d.releaseDate)
	if at < 0 {
		return false
	}
	lede, ok := ledeFrom(text, at+len(d.releaseDate), false)
	if !ok {
		return false
	}
	spans := pairSpans(r, pair, byPair, d.doc.ID)
	n := 0
	for _, t := range d.tokens(lede) {
		if inside(spans, t.start, t.end) {
			n++
		}
	}
	return n >= 8
}

// releaseCreditOn returns a credit of c to a release or statement ("said
// in a news release", "according to a Harbour University release") in a
// paragraph of c that a non-incidental passage of the pair touches.
func releaseCreditOn(r *provenance.Result, pair *provenance.Pair, byPair map[[2]string][]int, c *docInfo) (credit, bool) {
	spans := pairSpans(r, pair, byPair, c.doc.ID)
	text := c.doc.Text
	for _, cr := range c.credits {
		if !cr.release {
			continue
		}
		start := strings.LastIndex(text[:cr.span.Start], "\n\n") + 1
		end := len(text)
		if i := strings.Index(text[cr.span.End:], "\n\n"); i >= 0 {
			end = cr.span.End + i
		}
		for _, s := range spans {
			if s.Start < end && start < s.End {
				return cr, true
			}
		}
	}
	return credit{}, false
}

// sharesText reports whether a pair has a non-incidental passage.
func sharesText(r *provenance.Result, pair *provenance.Pair, byPair map[[2]string][]int) bool {
	for _, i := range pairPassages(pair, byPair) {
		if i >= 0 && i < len(r.Passages) && !r.Passages[i].Incidental {
			return true
		}
	}
	return false
}
