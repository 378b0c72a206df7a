package lineage

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/fastre"
)

// Evidence weights of the source clues (docs/lineage.md lists them all).
const (
	// wCredit: the copy names the other document's outlet as its source.
	wCredit = 4.0
	// wReleaseCredit: the copy quotes "a news release" or "a statement" and
	// the other document reads as that release.
	wReleaseCredit = 3.0
	// wNamedCommon: both name the same source, which is neither of them.
	wNamedCommon = 3.0
)

// releaseDateline is a press-release dateline: a city in capitals with a
// state or date and a dash, no agency ("GAINESVILLE, Fla. —",
// "ORLANDO, May 5, 2021 -", "ABBOTT PARK, Ill., Feb. 17, 2022 /PRNewswire/ —").
var releaseDateline = fastre.MustCompile(`(?m)^(?:\(Press-News\.org\)\s*)?[A-Z][A-Z .'-]{2,30},\s+(?:[A-Z][a-z]{1,4}\.?|[A-Z][a-z]+|D\.C\.)(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?(?:\s*/[A-Za-z -]+/)?\s*[-–—]{1,2}\s`).WithStarts(releaseDatelineStarts)

// newswireMark is a newswire service's distribution marker ("/PRNewswire/",
// "(BUSINESS WIRE)--"): the text is a press release, whoever carries it.
var newswireMark = fastre.MustCompile(`/(PRNewswire(?:-USNewswire)?|GLOBE NEWSWIRE|EINPresswire)/|\((BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE)\)`)

// truncated reports whether a saved page was cut off: it ends inside a
// sentence or with a "more" link or an ellipsis. What is missing at its end
// is not evidence of trimming.
func truncated(text string) bool {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	if t == "" {
		return false
	}
	if endsCut(t) {
		return true
	}
	// A short last line is a sign-off, a credit or a contact ("– Tolbay
	// News", "press@example.org"), not a sentence cut short.
	last := strings.TrimSpace(t[strings.LastIndexByte(t, '\n')+1:])
	if f := lastField(last); f != "" && (strings.ContainsAny(f, "@/") || strings.Contains(f, ".")) {
		return false // ends with an address or a web link (a contact line)
	}
	if utf8.RuneCountInString(last) < 60 && signOffLine(last) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '"', '”', '’', '»', ')':
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}

// cutEndings are the ends of a page cut short, lower-cased.
var cutEndings = []string{"…", "...", "[…", "[...", "read more", "more »", "continue reading", "… more", "more"}

// endsCut reports whether t, lower-cased and with closing brackets and
// spaces trimmed from its end, ends on one of cutEndings ("…[Read More]",
// "(continue reading)"). Only the end is lower-cased: the last 128 bytes
// from a rune's start (at least 32 runes, more than the longest ending)
// lower-case to the end of the whole text lower-cased (a byte that starts a
// rune is never inside another, even in bad UTF-8, and "]) " are no
// letters, nor what a letter lower-cases to).
func endsCut(t string) bool {
	tail := strings.TrimRight(t, "]) ")
	from := max(0, len(tail)-128)
	for from > 0 && from < len(tail) && !utf8.RuneStart(tail[from]) {
		from++
	}
	lower := strings.ToLower(tail[from:])
	for _, end := range cutEndings {
		if strings.HasSuffix(lower, end) {
			return true
		}
	}
	return false
}

// signOffLine reports whether a short last line is a sign-off or a credit
// ("– Tolbay News", "Reuters", "© AFP 2024") rather than a sentence cut
// short: it starts with a dash or ©, or its words are capitalised.
func signOffLine(s string) bool {
	if strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "©") {
		return true
	}
	lower := 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && len(w) > 3 {
			lower++
		}
	}
	return lower == 0
}

// roleInfo is a document's outlet role and where it comes from.
type roleInfo struct {
	role provenance.Role
	why  string // "metadata.csv", "a known aggregator by its web address", …
}

// roleOfDoc reads a document's role: the metadata role field, else the
// built-in table of known outlets (by outlet or web address), else an
// aggregator's own tag in the text.
func roleOfDoc(d *provenance.Document, credits []credit) roleInfo {
	if r := d.Meta.RoleOf(); r != provenance.RoleNone {
		return roleInfo{r, "its role in the metadata"}
	}
	if k, by := knownFor(d); k != nil {
		return roleInfo{k.role, fmt.Sprintf("%s is a known %s (by its %s)", k.name, k.role.Words(), by)}
	}
	for _, c := range credits {
		if c.self {
			return roleInfo{provenance.RoleAggregator, fmt.Sprintf("it carries %s's own tag %s", c.source, c.marker)}
		}
	}
	return roleInfo{}
}

// roleRank orders roles by how far upstream they usually sit: press
// offices write releases, wires carry them to newspapers; newspapers,
// blogs and aggregators all reprint (on real pages an aggregator's copy is
// as often a newspaper's source as the other way round).
func roleRank(r provenance.Role) int {
	switch r {
	case provenance.RolePressOffice:
		return 3
	case provenance.RoleWire:
		return 2
	case provenance.RoleNewspaper, provenance.RoleBlog, provenance.RoleAggregator:
		return 1
	}
	return -1
}

// isSource reports whether document d is the source a credit names: its
// outlet (not one inferred from the text), its web host, its entry in the
// table of known outlets, or an organisation it speaks for.
func (di *docInfo) isSource(name string) (bool, string) {
	return di.isSourceNamed(creditedNameOf(name))
}

// creditedName is a name a credit gives with what isSource compares of it,
// worked out once for a name tried on many documents (pageFinder asks it
// of every document of the collection).
type creditedName struct {
	name, key string
	known     *knownOutlet
}

func creditedNameOf(name string) creditedName {
	if name == "" {
		return creditedName{}
	}
	n := creditedName{name: name, key: outletKey(name)}
	if len(n.key) >= 2 {
		n.known = lookupKnown(name)
	}
	return n
}

// isSourceNamed is isSource of a name worked out by creditedNameOf.
func (di *docInfo) isSourceNamed(n creditedName) (bool, string) {
	key := n.key
	if n.name == "" || len(key) < 2 {
		return false, ""
	}
	if k := n.known; k != nil && di.known != nil && di.known == k {
		return true, "its outlet"
	}
	if di.ownPage != "" && sameOrgKey(outletKey(di.ownPage), key) {
		return true, "its own page: " + di.ownPageWhy
	}
	own := di.ownKeys()
	if sameOrgKey(own.outlet, key) {
		return true, "its outlet"
	}
	if sameOrgKey(own.host, key) {
		return true, "its web address"
	}
	for _, o := range own.orgs {
		if sameOrgKey(o, key) {
			return true, "the organisation it speaks for"
		}
	}
	return false, ""
}

// ownNameKeys are the folded names (outletKey) isSource compares a
// credited name with: the document's outlet when not inferred from its
// text, its web host, the organisations it speaks for but an inferred
// outlet; "" for one it lacks (sameOrgKey matches "" with no name of two
// letters or more, which isSource asks of the name first).
type ownNameKeys struct {
	outlet, host string
	orgs         []string
}

// ownKeys returns di's ownNameKeys, worked out on first use (its outlet,
// address and organisations are set once it is read). Pair workers call it
// concurrently.
func (di *docInfo) ownKeys() *ownNameKeys {
	di.ownKeysOnce.Do(func() {
		m := di.doc.Meta
		k := &di.ownNames
		if m.Outlet.Known() && m.Outlet.Origin != provenance.OriginInferred {
			k.outlet = outletKey(m.Outlet.Value)
		}
		if h := hostOf(m.URL.Value); h != "" {
			k.host = outletKey(h)
		}
		for _, o := range di.orgs {
			if o == m.Outlet.Value && m.Outlet.Origin == provenance.OriginInferred {
				continue
			}
			k.orgs = append(k.orgs, outletKey(o))
		}
	})
	return &di.ownNames
}

// sameOrgKey matches two folded names, allowing one to extend the other
// ("universityofflorida" and "universityofflorida news").
func sameOrgKey(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 6 || len(b) < 6 {
		return false
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// creditsOther returns a credit by which di names someone other than
// itself and other as where its text came from: a page that says its text
// is X's is a copy of X, not the origin of what it shares with other,
// whatever its genre, role or quotes say.
func (di *docInfo) creditsOther(other *docInfo) (credit, bool) {
	return di.creditElsewhere(other, false)
}

// creditElsewhere is creditsOther that, with releases, also takes a credit
// to a release or statement that names no one ("said in a news release").
func (di *docInfo) creditElsewhere(other *docInfo, releases bool) (credit, bool) {
	for _, c := range di.credits {
		if c.self {
			continue
		}
		if c.source == "" {
			if releases && c.release {
				return c, true
			}
			continue
		}
		if self, _ := di.isSource(c.source); self {
			continue
		}
		if ok, _ := other.isSource(c.source); ok {
			continue
		}
		return c, true
	}
	return credit{}, false
}

// creditsAny reports whether a document credits any source for its text
// other than by carrying its issuer's release under an institution line.
func (di *docInfo) creditsAny() bool {
	for _, c := range di.credits {
		if !c.self && !c.issuer {
			return true
		}
	}
	return false
}

// releaseLike reports whether a document reads as the release or
// statement a copy quotes: it credits no one, and is a press release by
// its markers or its press-release dateline, or speaks for the
// organisation the credit names, or is a press office by its role.
func (di *docInfo) releaseLike(org string) (bool, string) {
	if di.creditsAny() {
		return false, ""
	}
	switch {
	case di.genre.genre == GenreRelease:
		return true, "it reads as " + di.genre.describe()
	case di.newswire != "":
		return true, "it carries the " + di.newswire + " distribution marker of a press release"
	case di.role.role == provenance.RolePressOffice:
		return true, "it is a press office (" + di.role.why + ")"
	}
	if org != "" {
		if ok, how := di.isSource(org); ok {
			return true, "it is " + org + "'s own text (" + how + ")"
		}
	}
	if di.releaseDate != "" && !reprinterRole(di.role.role) {
		return true, "it opens with a press-release dateline “" + di.releaseDate + "”"
	}
	return false, ""
}

// reprinterRole: newspapers, broadcasters, aggregators and blogs write
// datelines too ("CLEVELAND, Ohio--" is a paper's own); with such a role, a
// dateline does not make a text the release a copy quotes.
func reprinterRole(r provenance.Role) bool {
	return r == provenance.RoleNewspaper || r == provenance.RoleAggregator || r == provenance.RoleBlog
}

// republishedFrom reports whether src is a page of an outlet that
// publishes its articles for republication (The Conversation) and dst,
// of another outlet, carries its text naming no other source: the
// republication terms ask for the credit ("This article is republished
// from …"), which a page saved in part may have lost with its end. A page
// of the publisher that credits someone else is no original.
func republishedFrom(src, dst *docInfo) (*knownOutlet, string, bool) {
	k := src.known
	if k == nil || !k.republished || dst.known == k {
		return nil, "", false
	}
	is, how := src.isSource(k.name)
	if !is {
		return nil, "", false
	}
	if _, other := src.creditsOther(dst); other {
		return nil, "", false
	}
	if c, other := dst.creditsOther(src); other && !sameOrgKey(outletKey(c.source), outletKey(k.name)) {
		return nil, "", false
	}
	return k, how, true
}

// sourceEvidence weighs credits and roles: a document that names the
// other's outlet as its source, or quotes "a news release" the other reads
// as, is the copy; both naming the same third source is a named common
// source; the outlets' roles say which way text usually flows.
func sourceEvidence(pv *pairView) {
	sides := []struct {
		src, dst *docInfo
		sign     float64
	}{{pv.a, pv.b, 1}, {pv.b, pv.a, -1}}
	for _, side := range sides {
		if c, how, ok := creditTo(side.dst, side.src); ok {
			pv.add(evCredit, side.sign*wCredit, fmt.Sprintf("credit: %s names %s as its source (%s), and %s is %s (%s)",
				side.dst.name(), c.source, c.marker, side.src.name(), c.source, how))
			return
		}
	}
	for _, side := range sides {
		if k, how, ok := republishedFrom(side.src, side.dst); ok {
			pv.add(evCredit, side.sign*wReleaseCredit, fmt.Sprintf("credit: %s is %s's own page (%s), and %s publishes its articles for others to republish under a Creative Commons licence: %s, of another outlet, carries its text",
				side.src.name(), k.name, how, k.name, side.dst.name()))
			return
		}
	}
	for _, side := range sides {
		for _, c := range side.dst.credits {
			if !c.release || side.src.hasReleaseCredit() || !pv.sharedNear(side.dst, c.span) {
				continue
			}
			if org := releaseOrg(side.dst, c); c.source == "" && org != "" && !side.dst.namesOrganisationOf(side.src) {
				if self, _ := side.src.isSource(org); !self && !side.src.speaksFor(org) {
					continue // "UNICEF said in a press release", never naming the office's own organisation: another's release
				}
			}
			if ok, why := side.src.releaseLike(c.source); ok {
				pv.relCredit, pv.relCopy = c, side.dst
				pv.add(evCredit, side.sign*wReleaseCredit, fmt.Sprintf("credit: %s quotes a release or statement (%s), and %s reads as that release: %s",
					side.dst.name(), c.marker, side.src.name(), why))
				return
			}
		}
	}
	for _, side := range sides {
		if c, ok := aggregatorCredit(pv, side.dst, side.src); ok {
			if ok, why := side.src.releaseLike(""); ok {
				pv.add(evCredit, side.sign*wReleaseCredit, fmt.Sprintf("credit: %s names %s as its source (%s), an aggregator, which republishes releases, and %s reads as the release it carried: %s",
					side.dst.name(), c.source, c.marker, side.src.name(), why))
				return
			}
		}
	}
	if name, ma, mb, ok := sharedCredit(pv.a, pv.b); ok {
		pv.named = name
		pv.common += wNamedCommon
		pv.csWhy = append(pv.csWhy, fmt.Sprintf("both name %s as their source (%s in %s; %s in %s), and neither is %s's own text",
			name, ma, pv.a.name(), mb, pv.b.name(), name))
	} else {
		bothCiteEvidence(pv)
	}
	roleEvidence(pv)
}

// sharedNear reports whether a passage of the pair touches the paragraph of
// d around span: a credit to "a press release" speaks for the statement it
// closes, so a page shares that statement with the release it credits (on
// real pages an affiliate's variant of a release, with other quotes, shares
// the headline figures but not the credited quote).
func (pv *pairView) sharedNear(d *docInfo, span provenance.Span) bool {
	text := d.doc.Text
	start := strings.LastIndex(text[:span.Start], "\n\n") + 1
	end := len(text)
	if i := strings.Index(text[span.End:], "\n\n"); i >= 0 {
		end = span.End + i
	}
	for _, p := range pv.passages {
		s := p.aSpan
		if d == pv.b {
			s = p.bSpan
		}
		if s.Start < end && start < s.End {
			return true
		}
	}
	return false
}

// aggregatorCredit finds a credit of dst to a known aggregator
// (ScienceDaily, EurekAlert!) that src is not, closing a paragraph dst
// shares with src: dst took the text from the aggregator's page, and an
// aggregator carries what others issued.
func aggregatorCredit(pv *pairView, dst, src *docInfo) (credit, bool) {
	for _, c := range dst.credits {
		if c.self || c.release || c.source == "" {
			continue
		}
		if k := lookupKnown(c.source); k == nil || k.role != provenance.RoleAggregator {
			continue
		}
		if is, _ := src.isSource(c.source); is || !pv.sharedNear(dst, c.span) && !pv.closesShared(dst, c.span) {
			continue
		}
		return c, true
	}
	return credit{}, false
}

// closesShared reports whether span is the last thing in d's text and
// follows the passages d shares in pv with fewer than 20 words between
// (a "Click here for the original story" line): a credit closing a short
// page speaks for what the page carries above it.
func (pv *pairView) closesShared(d *docInfo, span provenance.Span) bool {
	text := d.doc.Text
	if strings.TrimSpace(text[span.End:]) != "" {
		return false
	}
	last := -1
	for _, s := range sideSpans(pv, d.doc.ID) {
		if s.End <= span.Start && s.End > last {
			last = s.End
		}
	}
	return last >= 0 && len(strings.Fields(text[last:span.Start])) < 20
}

// creditTo finds a credit of dst that names src.
func creditTo(dst, src *docInfo) (credit, string, bool) {
	for _, c := range dst.credits {
		if c.self || c.source == "" {
			continue
		}
		if self, _ := dst.isSource(c.source); self {
			continue // a page's own sign-off
		}
		if ok, how := src.isSource(c.source); ok {
			return c, how, true
		}
	}
	return credit{}, "", false
}

// hasReleaseCredit reports whether the document itself quotes a release.
func (di *docInfo) hasReleaseCredit() bool {
	for _, c := range di.credits {
		if c.release {
			return true
		}
	}
	return false
}

// sharedCredit finds a source both documents name that neither is.
func sharedCredit(a, b *docInfo) (name, markerA, markerB string, ok bool) {
	for _, ca := range a.credits {
		if ca.self || ca.source == "" {
			continue
		}
		for _, cb := range b.credits {
			if cb.self || cb.source == "" || !sameOrgKey(outletKey(ca.source), outletKey(cb.source)) {
				continue
			}
			if sa, _ := a.isSource(ca.source); sa {
				continue
			}
			if sb, _ := b.isSource(cb.source); sb {
				continue
			}
			return ca.source, ca.marker, cb.marker, true
		}
	}
	return "", "", "", false
}

// roleEvidence: press offices and wires are where text starts; aggregators
// carry what others wrote.
func roleEvidence(pv *pairView) {
	ra, rb := pv.a.role, pv.b.role
	ka, kb := roleRank(ra.role), roleRank(rb.role)
	if ka < 0 || kb < 0 || ka == kb {
		return
	}
	up, down, sign := pv.a, pv.b, 1.0
	if kb > ka {
		up, down, sign = pv.b, pv.a, -1.0
	}
	if _, ok := up.creditsOther(down); ok {
		return
	}
	if citesAnotherFor(pv, up) || handoutFor(pv, up) != "" {
		return
	}
	if c, ok := down.creditsOther(up); ok && viaCredit(c) {
		return // "via: ertnews.gr": it says which page it took its text through, and that is not up
	}
	if roleRank(up.role.role) == 3 {
		if !down.namesOrganisationOf(up) && attributedElsewhere(pv, down, up) != "" {
			return // down gives the text as another organisation's, never naming up's
		}
		if !up.namesOwnOrganisation() && !relaysNewswireRelease(down, up) {
			return // up carries another organisation's text
		}
	}
	w := 1.5
	if roleRank(up.role.role) == 3 && roleRank(down.role.role) == 2 {
		w = 1 // a release carried by a wire
	}
	pv.add(evRole, sign*w, fmt.Sprintf("roles: %s is %s (%s) and %s %s (%s); text usually flows that way",
		up.name(), articleFor(up.role.role.Words()), up.role.why, down.name(), articleFor(down.role.role.Words()), down.role.why))
}

// citesAnotherFor reports whether up, in a sentence it shares with the
// other text of pv, names a wire or news outlet other than itself as where
// that sentence came from ("…, Chinese state media reported, according to
// Reuters" on a wire agency's page): a wire or press office passing on
// another's report is not where the text started, so its role says
// nothing of the direction.
func citesAnotherFor(pv *pairView, up *docInfo) bool {
	for _, s := range sideSpans(pv, up.doc.ID) {
		for k := range citedOutlets(up, s) {
			if self, _ := up.isSource(k.name); !self {
				return true
			}
		}
	}
	return false
}

// orgReported is an organisation reported as saying what the sentence
// says: "UNICEF underlined that …", "the WHO warned on Monday that …".
var orgReported = fastre.MustCompile(`(?:^|[\s,(“"])(?:[Tt]he\s+)?` + orgName + `,?\s+(?:(?:has|had|also|on\s+[A-Z][a-z]+day)\s+)?(?:said|says|underlined|stressed|noted|revealed|warned|stated|added|reported|found|estimated|highlighted|released)\b`)

// attributedElsewhere names the organisation that down, in a sentence it
// shares with up, reports as saying it ("UNICEF underlined that up to 800
// million children …") when up, a press office by its role, is not that
// organisation's. "" when none.
func attributedElsewhere(pv *pairView, down, up *docInfo) string {
	return eachSharedSentence(pv, down, func(sent string) string {
		for _, m := range orgReported.FindAllStringSubmatch(sent, -1) {
			org := strings.TrimPrefix(strings.TrimSpace(m[1]), "The ")
			if !orgLike(down, org) {
				continue
			}
			if self, _ := up.isSource(org); !self && !up.speaksFor(org) {
				return org
			}
		}
		return ""
	})
}

// eachSharedSentence calls f on each sentence of d that holds text d
// shares with the other side of pv, in turn, and returns the first
// answer f gives that is not "" ("" when none does).
func eachSharedSentence(pv *pairView, d *docInfo, f func(sent string) string) string {
	text := d.doc.Text
	for _, s := range sideSpans(pv, d.doc.ID) {
		start, end := sentenceStart(text, s.Start, 400), sentenceEnd(text, max(s.Start, s.End-1), 400)
		if end <= start {
			continue
		}
		if out := f(text[start:end]); out != "" {
			return out
		}
	}
	return ""
}

// namesOrganisationOf reports whether di names, anywhere in its title or
// text, the organisation whose office other is: a distinctive word of
// other's outlet name (officeWords left out). True when other's outlet is
// not known by name: there is nothing to check.
func (di *docInfo) namesOrganisationOf(other *docInfo) bool {
	words := officeNameWords(other)
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if mentionsOrg(di.doc.Text, w) || mentionsOrg(di.doc.Meta.Title.Value, w) {
			return true
		}
	}
	return false
}

// viaCredit: a "via X" credit ("(via Reuters)", "Via: ertnews.gr"),
// which names the page a text was taken through.
func viaCredit(c credit) bool {
	m := strings.ToLower(strings.TrimLeft(c.marker, "“\"([ "))
	return c.source != "" && !c.release && strings.HasPrefix(m, "via")
}

// handoutCaption is a picture caption's credit to whoever handed the
// picture out: "A handout photo made available by the Space Telescope
// Science Institute shows…", "Image provided by X", "photo courtesy of X".
var handoutCaption = fastre.MustCompile(`\b(?:[Hh]andout|[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?\b[^.\n]{0,30}?\b(?:made available|provided|released|issued|distributed|supplied|courtesy)\s+(?:by|of)\s+(?:[Tt]he\s+)?` + orgName)

// handoutFor names the organisation a sentence up shares with the other
// text of pv is credited to as its handout ("A handout photo made
// available by X shows Webb's First Deep Field…" on a news agency's
// page): the agency passes on X's caption, and its role says nothing of
// where that text started. "" when none, or when the handout is up's own.
func handoutFor(pv *pairView, up *docInfo) string {
	return eachSharedSentence(pv, up, func(sent string) string {
		if m := handoutCaption.FindStringSubmatch(sent); m != nil {
			org := cleanCreditName(m[1])
			if self, _ := up.isSource(org); org != "" && !self {
				return org
			}
		}
		return ""
	})
}

// officeWords are the words of a press office's name that say what kind
// of office it is, not whose ("City of Pasadena economic development
// news": only "Pasadena" says whose).
var officeWords = map[string]bool{"the": true, "of": true, "and": true, "for": true, "in": true, "on": true,
	"city": true, "county": true, "state": true, "news": true, "newsroom": true, "press": true, "office": true,
	"release": true, "releases": true, "media": true, "room": true, "centre": true, "center": true,
	"communications": true, "economic": true, "development": true, "investor": true, "relations": true,
	"department": true, "government": true, "official": true, "website": true, "site": true, "blog": true,
	"university": true, "institute": true, "international": true, "society": true, "agency": true}

// namesOwnOrganisation reports whether a press office's page names the
// organisation it is the office of (a distinctive word of its outlet's
// name, as written there: "Pasadena" for the City of Pasadena's news page)
// anywhere in its text. An office writes releases about its own
// organisation; a page of one that never names it — the City of
// Pasadena's page carrying NASA's landing release word for word, "says
// acting NASA Administrator Steve Jurczyk" — passes on another
// organisation's text, and its role says nothing of where that text
// started. True when the outlet is not known, or known only as a web
// host: there is nothing to check.
func (di *docInfo) namesOwnOrganisation() bool { return di.namesOrganisationOf(di) }

// officeNameWords are the distinctive words of an office's outlet name
// ("Pasadena" of "City of Pasadena economic development news"), as
// written there; nil when the outlet is not known, or known only as a web
// host ("idw-online.de"), which names no organisation.
func officeNameWords(di *docInfo) []string {
	m := di.doc.Meta
	name := ""
	switch {
	case m.Outlet.Known() && m.Outlet.Origin != provenance.OriginInferred:
		name = m.Outlet.Value
	case di.known != nil:
		name = di.known.name
	}
	if !strings.ContainsRune(strings.TrimSpace(name), ' ') && strings.ContainsRune(name, '.') {
		return nil
	}
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !isWordRune(r) }) {
		if utf8.RuneCountInString(w) >= 3 && !officeWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// relaysNewswireRelease reports whether office relays, as another
// organisation's, the newswire release that carrier holds (relaysIssuer):
// the pair is left to the naming of carried sources, which names the
// release both took, and the office's role stays in the balance so that
// the carrier's release genre alone does not make it the office's source.
func relaysNewswireRelease(carrier, office *docInfo) bool {
	for _, c := range creditsWithNewswire(carrier) {
		if relaysIssuer(carrier, office, c) != "" {
			return true
		}
	}
	return false
}

// articleFor is "a" or "an" before a noun phrase.
func articleFor(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
