package lineage

import (
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/fastre"
)

// docInfo is what the lineage layer reads once from each document.
type docInfo struct {
	doc     *provenance.Document
	genre   genreProfile
	orgs    []string // organisations the document speaks for
	quotes  []quote
	speaker map[string]string // surname → organisation named beside it in this text
	when    time.Time
	dated   bool
	// inferred is true when the date was read from the text, not metadata.
	inferred bool
	gramSet  map[uint64]bool // hashed word n-grams, filled on first use
	toks     []token         // every word of the text
	// credits are the lines naming where its text came from.
	credits []credit
	// known is the table entry of its outlet or web host, nil for none.
	known *knownOutlet
	role  roleInfo
	// newswire names the newswire service whose marker it carries.
	newswire string
	// releaseDate is its press-release dateline, "" when none.
	releaseDate string
	// cut: the saved page ends inside a sentence (truncated).
	cut bool
	// ownPage names the institution whose own page this is by its
	// dateline and another page's credit (markOwnPages), ownPageWhy says
	// why; "" for none.
	ownPage, ownPageWhy string
	// ownNames are the folded names isSource compares with (ownKeys).
	ownNames    ownNameKeys
	ownKeysOnce sync.Once
	// apart tells the document from another of its story that has the
	// same name (a reprint keeping its source's headline): its file, or
	// its ID when the files are named alike too; "" for none (tellApart).
	apart string
}

// tokens returns the words lying wholly inside s, from a list made once.
// It only reads, so pair views can use it from several goroutines.
func (di *docInfo) tokens(s provenance.Span) []token {
	i := sort.Search(len(di.toks), func(k int) bool { return di.toks[k].start >= s.Start })
	j := sort.Search(len(di.toks), func(k int) bool { return di.toks[k].end > s.End })
	if j < i {
		j = i
	}
	return di.toks[i:j]
}

// newDocInfo reads genre, voice, quotes and date of one document.
func newDocInfo(d *provenance.Document) *docInfo {
	has := needlesIn(lowerText(d.Text)) // for genre and credits
	di := &docInfo{doc: d, genre: detectGenreWith(d, has)}
	di.toks = tokenize(d.Text, provenance.Span{Start: 0, End: len(d.Text)})
	di.orgs = selfOrgs(d, di.genre)
	di.quotes = findQuotes(d.Text)
	di.speaker = map[string]string{}
	for _, q := range di.quotes {
		name := q.speaker
		if name == "" {
			continue
		}
		if org := orgNamedIn(speakerAttribution(d.Text, q), di.orgs); org != "" {
			di.speaker[name] = org
		}
	}
	di.credits = findCreditsWith(d, has)
	di.known, _ = knownFor(d)
	di.role = roleOfDoc(d, di.credits)
	if m := newswireMark.FindStringSubmatch(d.Text); m != nil {
		di.newswire = lookupKnown(m[1] + m[2]).name
	}
	if loc := releaseDateline.FindStringIndex(d.Text[:min(len(d.Text), 1500)]); loc != nil && opensBody(d.Text[:loc[0]]) {
		di.releaseDate = strings.TrimSpace(d.Text[loc[0]:loc[1]])
	}
	di.cut = truncated(d.Text)
	di.when, di.dated = d.Meta.PublishedTime()
	// A capture date (a web archive's WARC-Date) is only an upper bound of
	// the publication: weighed like an inferred one, and named.
	di.inferred = di.dated && (d.Meta.Published.Origin == provenance.OriginInferred || d.Meta.Published.Origin == provenance.OriginCapture)
	return di
}

// opensBody reports whether a dateline after before opens the text's
// body: no paragraph of prose (25 words or more) stands before it. A
// release starts its body with its dateline, under a headline and a
// subhead; a story that puts a paragraph first (a newspaper's page with
// the agency's lede as a picture caption, then "CLEVELAND, Ohio--", its own
// dateline) is not opened by it.
func opensBody(before string) bool {
	for _, l := range strings.Split(before, "\n") {
		if fieldsAtLeast(l, 25) {
			return false
		}
	}
	return true
}

// toldRE matches whom a speaker spoke to in an attribution: "told CNN",
// "said in an interview with The Guardian". The outlet a speaker talked to
// is not the speaker's organisation ("Ann Writer, Amnesty's expert, told
// CNN" is Amnesty's expert, quoted by CNN).
var toldRE = fastre.MustCompile(`\b(?i:told|tells|telling|speaking\s+to|spoke\s+to|said\s+to|(?:in\s+)?an\s+interview\s+with|interviewed\s+by|wrote\s+to|writing\s+(?:in|for))\s+(?:[Tt]he\s+)?[A-Z][\w.&'’!-]*(?:\s+[A-Z][\w.&'’!-]*){0,4}`)

// speakerAttribution is a quote's attribution with whom the speaker spoke
// to blanked out: the text in which to look for the speaker's organisation.
func speakerAttribution(text string, q quote) string {
	a := spanText(text, q.attribution)
	if !strings.Contains(a, "t") { // every verb of toldRE has a t
		return a
	}
	locs := toldRE.FindAllStringIndex(a, -1)
	if locs == nil {
		return a
	}
	b := []byte(a)
	for _, l := range locs {
		for k := l[0]; k < l[1]; k++ {
			b[k] = ' '
		}
	}
	return string(b)
}

// orgNamedIn returns the first of orgs that text names, or "".
func orgNamedIn(text string, orgs []string) string {
	for _, o := range orgs {
		if mentionsOrg(text, o) {
			return o
		}
	}
	return ""
}

// name is the short label used in reasons.
func (di *docInfo) name() string {
	l := di.doc.Label()
	if di.doc.Meta.Outlet.Known() && !strings.Contains(l, di.doc.Meta.Outlet.Value) {
		l = di.doc.Meta.Outlet.Value + ": " + l
	}
	if len([]rune(l)) > 60 {
		l = string([]rune(l)[:57]) + "…"
	}
	if di.apart != "" {
		return "“" + l + "” [" + di.apart + "]"
	}
	return "“" + l + "”"
}

// tellApart gives the documents of one story (documents joined by
// non-incidental passages, as scan.Groups makes them) that would have the
// same name in reasons a tag that tells them apart: "“Eight men own…”
// carries the same passages of “Eight men own…”" names two reprints of
// one headline. The story, not the collection, decides, so that a group
// analysed alone (AnalyzeGroup) names its documents as the whole does.
func tellApart(r *provenance.Result, infos map[string]*docInfo, order []string) {
	var sets provenance.DisjointSets[string]
	for _, p := range r.Passages {
		if !p.Incidental && infos[p.A] != nil && infos[p.B] != nil {
			sets.Union(p.A, p.B)
		}
	}
	type key struct{ story, name string }
	byName := map[key][]*docInfo{}
	for _, id := range order {
		if !sets.Has(id) {
			continue
		}
		k := key{sets.Find(id), infos[id].name()}
		byName[k] = append(byName[k], infos[id])
	}
	for _, same := range byName {
		if len(same) < 2 {
			continue
		}
		files := map[string]int{}
		for _, di := range same {
			files[filepath.Base(di.doc.Path)]++
		}
		for _, di := range same {
			if f := filepath.Base(di.doc.Path); di.doc.Path != "" && files[f] == 1 {
				di.apart = f
			} else {
				di.apart = di.doc.ID
			}
		}
	}
}

// speaksFor reports whether the document is the voice of org.
func (di *docInfo) speaksFor(org string) bool {
	for _, o := range di.orgs {
		if strings.EqualFold(o, org) {
			return true
		}
	}
	return false
}

// quoteOrg is the organisation of the speaker of q in this document: named
// in the attribution, or by the same surname elsewhere in the text.
func (di *docInfo) quoteOrg(q quote) string {
	text := di.doc.Text
	if org := orgNamedIn(speakerAttribution(text, q), di.orgs); org != "" {
		return org
	}
	if name := q.speaker; name != "" {
		return di.speaker[name]
	}
	return ""
}
