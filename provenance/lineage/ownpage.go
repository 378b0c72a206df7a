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
// d's dateline names, c not being that institution's page itself.
func ownPageCredit(c, d *docInfo) (credit, bool) {
	for _, cr := range c.credits {
		if cr.self || cr.source == "" || !institutional(cr.source) || !homeOf(d.releaseDate, cr.source) {
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
	}
	// The candidates each crediting page names, in the order of the pairs.
	type candidate struct {
		d  *docInfo
		cl claim
	}
	byCredit := map[*docInfo][]candidate{}
	var crediting []*docInfo
	for i := range r.Pairs {
		pair := &r.Pairs[i]
		a, b := infos[pair.A], infos[pair.B]
		if a == nil || b == nil || a == b || !sharesText(r, pair, byPair) {
			continue
		}
		for _, s := range [][2]*docInfo{{a, b}, {b, a}} {
			c, d := s[0], s[1]
			if !mayBeOwnPage(d) {
				continue
			}
			if cr, ok := ownPageCredit(c, d); ok {
				if byCredit[c] == nil {
					crediting = append(crediting, c)
				}
				byCredit[c] = append(byCredit[c], candidate{d, claim{cr.source, fmt.Sprintf("%s credits %s for the text they share (%s), and it opens with a press-release dateline at %s's home, “%s”, crediting no one",
					c.name(), cr.source, cr.marker, cr.source, d.releaseDate)}})
			}
		}
	}
	// Two pages that would both be the institution's by one page's credit
	// (its release and a verbatim repost keeping the dateline) are rivals:
	// nothing tells which is its own, and neither is marked by it.
	claims := map[*docInfo][]claim{}
	for _, c := range crediting {
		if cs := byCredit[c]; len(cs) == 1 {
			claims[cs[0].d] = append(claims[cs[0].d], cs[0].cl)
		}
	}
	for d, cs := range claims {
		one := true
		for _, c := range cs[1:] {
			one = one && sameOrgKey(outletKey(c.name), outletKey(cs[0].name))
		}
		if !one {
			continue
		}
		d.ownPage, d.ownPageWhy = cs[0].name, cs[0].why
		if d.genre.genre != GenreRelease {
			d.genre = genreProfile{
				genre:   GenreRelease,
				score:   d.genre.score + 1,
				reasons: append(append([]string(nil), d.genre.reasons...), "the page of "+cs[0].name+" by its dateline, which another page credits for the text"),
				voice:   d.genre.voice,
			}
		}
	}
}

// sharesText reports whether a pair has a non-incidental passage.
func sharesText(r *provenance.Result, pair *provenance.Pair, byPair map[[2]string][]int) bool {
	idx := pair.Passages
	if len(idx) == 0 {
		idx = byPair[viewKey(pair.A, pair.B)]
	}
	for _, i := range idx {
		if i >= 0 && i < len(r.Passages) && !r.Passages[i].Incidental {
			return true
		}
	}
	return false
}
