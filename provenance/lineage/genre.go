package lineage

import (
	"github.com/copytrail/copytrail/provenance/fastre"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Genre ranks how far upstream a kind of text usually sits: a press release
// is written first, a wire story is copied by outlets, an article last.
type Genre int

// Genres, from most downstream to most upstream.
const (
	GenreArticle Genre = iota
	GenreWire
	GenreRelease
)

func (g Genre) String() string {
	switch g {
	case GenreRelease:
		return "press release"
	case GenreWire:
		return "wire story"
	}
	return "article"
}

// marker is one genre cue: a pattern and the plain-words name shown in reasons.
type marker struct {
	name   string
	re     *fastre.Regexp
	weight float64
	// needles: the pattern is tried only when the lower-cased text holds
	// one of them (a cheap filter; regular expressions are slow).
	needles []string
	// lineOnly markers sit in the first 80 bytes of a line.
	lineOnly bool
}

// releaseMarkers are cues of a press release, in English and French.
var releaseMarkers = []marker{
	{"“FOR IMMEDIATE RELEASE”", fastre.MustCompile(`(?i)for immediate release|embargoed until`), 2, []string{"immediate release", "embargoed"}, false},
	{"“COMMUNIQUÉ DE PRESSE”", fastre.MustCompile(`(?i)communiqu[ée] de presse|pour diffusion imm[ée]diate|pour publication imm[ée]diate`), 2, []string{"communiqu", "diffusion imm", "publication imm"}, false},
	{"a “For more information … please contact” line", fastre.MustCompile(`(?i)for (more|further) information[^\n]{0,160}contact|to arrange an interview`), 2, []string{"information", "interview"}, false},
	{"a “Pour plus d'informations” line", fastre.MustCompile(`(?i)pour (plus d['’]|de plus amples )informations|pour toute (demande|information)[^\n]{0,80}contact`), 2, []string{"informations", "pour toute"}, false},
	{"a media-contact block", fastre.MustCompile(`(?im)^\s*(media|press|news) (contact|enquiries|inquiries)s?\b|^\s*contacts? (presse|médias?|media)\b|^\s*contact\s*:`), 1.5, []string{"contact"}, false},
	{"an “About <organisation>” section", fastre.MustCompile(`(?m)^\s*(About|ABOUT) [A-Z][^\n.!?]{1,60}\s*:?\s*$`), 1.5, []string{"about"}, false},
	{"an “À propos de <organisation>” section", fastre.MustCompile(`(?m)^\s*(À|A) (propos|PROPOS) (de|d['’]|du|des) ?[^\n.!?]{1,60}\s*:?\s*$`).WithStarts(aProposStarts), 1.5, []string{"propos"}, false},
	{"the “###” end mark", fastre.MustCompile(`(?m)^\s*(###|-\s*(ENDS|FIN)\s*-|–\s*(ENDS|FIN)\s*–)\s*$`), 1.5, []string{"###", "ends", "fin"}, false},
	{"“Notes to editors”", fastre.MustCompile(`(?i)notes? (to|for) editors|note aux (rédactions|rédacteurs)`), 1.5, []string{"editors", "note aux"}, false},
	{"a newswire distribution marker (“/PRNewswire/”, “(BUSINESS WIRE)”)", newswireMark, 2, []string{"newswire", "business wire", "presswire", "accesswire"}, false},
	{"a “PRESS RELEASE” heading", fastre.MustCompile(`(?m)^\s*(?:PRESS|NEWS|MEDIA)\s+RELEASE\b|^\s*(?:Press|News|Media)\s+[Rr]elease\s*:?\s*$|[–—-]\s*Press\s+Release\s*$`), 2, []string{"release"}, false},
	{"a press-release dateline", releaseDateline, 1, []string{","}, false},
	{"a contact e-mail address", fastre.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`), 0.5, []string{"@"}, false},
}

// wireMarkers are cues of a news-agency story. A dateline alone is not
// enough: outlets that reprint a wire story often keep its dateline.
var wireMarkers = []marker{
	{"an agency dateline", fastre.MustCompile(`(?m)^\s*[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40},?\s*(\d{1,2} [A-Za-zéû]+ )?\((AFP|Reuters|AP|APS|MAP|PANA|Xinhua|dpa|ANP|IANS|Belga|Anadolu|[A-Z][\w]*( [A-Z][\w]*)* (News|Press|Presse)( Agency)?|Agence [A-Z][\w]*( [A-Z][\w]*)*)\)\s*[–—-]`), 1, []string{"("}, true},
	{"an agency credit line", fastre.MustCompile(`(?m)^\s*[–—-]\s*([A-Z][\w]*( [A-Z][\w]*)* (News|Press|Presse)( Agency)?|Agence [A-Z][\w]*( [A-Z][\w]*)*|AFP|Reuters|AP|APS|PANA|Xinhua)\s*$|(?i)©\s*(AFP|Reuters|Associated Press|Agence France-Presse)`), 1.5, []string{"–", "-", "—", "©"}, true},
}

// saysWords are the reporting verbs saysAttribution needs.
var saysWords = []string{"says", "déclare", "affirme", "explique", "souligne", "ajoute", "estime", "indique", "précise"}

// saysAttribution finds present-tense reporting verbs next to a quotation,
// a press-release habit ("says Wendy MacClinchy", "déclare X").
var saysAttribution = fastre.MustCompile(`[”"»]\s*,?\s*(says|déclare|affirme|explique|souligne|ajoute|estime|indique|précise)\b|\b(says|déclare|affirme|souligne|estime)\s*:?\s*[“"«]`).WithStarts(saysStarts)

// genreProfile is the genre of one document with the cues that showed it.
type genreProfile struct {
	genre   Genre
	score   float64
	reasons []string
	// voice are the first-person organisation phrases ("we found") that
	// counted towards a release, outside quotations.
	voice []provenance.Span
}

// detectGenre reads a document's genre from its text.
func detectGenre(d *provenance.Document) genreProfile {
	return detectGenreWith(d, needlesIn(strings.ToLower(d.Text)))
}

// detectGenreWith is detectGenre given the needles of its lower-cased text.
func detectGenreWith(d *provenance.Document, has needleSet) genreProfile {
	text := d.Text
	var rel, wire float64
	var relWhy, wireWhy []string
	for _, m := range releaseMarkers {
		if m.present(has, text) {
			rel += m.weight
			relWhy = append(relWhy, m.name)
		}
	}
	voice := orgVoice(text)
	if len(voice) > 0 {
		rel++
		relWhy = append(relWhy, "the organisation speaking as “we” (“our study”, “we found”) outside quotations")
	}
	if has.any(saysWords...) &&
		saysAttribution.MatchString(text) {
		rel += 0.5
		relWhy = append(relWhy, "present-tense “says” attributions")
	}
	for _, m := range wireMarkers {
		if m.present(has, text) {
			wire += m.weight
			wireWhy = append(wireWhy, m.name)
		}
	}
	switch {
	case rel >= 2 && rel >= wire:
		return genreProfile{GenreRelease, rel, relWhy, voice}
	case wire >= 2.5:
		return genreProfile{GenreWire, wire, wireWhy, nil}
	}
	return genreProfile{GenreArticle, 0, nil, nil}
}

// describe is "press release (media-contact block, ###)".
func (g genreProfile) describe() string {
	if len(g.reasons) == 0 {
		return g.genre.String()
	}
	return g.genre.String() + " (" + strings.Join(g.reasons, ", ") + ")"
}

// present reports whether the marker occurs in text (has: the needles its
// lower-cased form holds).
// Line markers (a dateline, a credit line) are tried on short candidate
// lines only.
func (m marker) present(has needleSet, text string) bool {
	if len(m.needles) > 0 && !has.any(m.needles...) {
		return false
	}
	if !m.lineOnly {
		return m.re.MatchString(text)
	}
	for line := range strings.Lines(text) {
		head := line[:min(len(line), 80)]
		if containsAny(head, m.needles...) && m.re.MatchString(head) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// firstPersonOrg is an organisation speaking of itself as "we": "our recent
// study", "we found", "we are initiating".
var firstPersonOrg = fastre.MustCompile(`\b(?:[Oo]ur\s+(?:recent\s+|new\s+|latest\s+)?(?:study|studies|research|report|findings|researchers|scientists|team|analysis)|[Ww]e\s+(?:found|discovered|analysed|analyzed|studied|conduct|conducted|are\s+initiating|have\s+initiated|continue\s+to))\b`)

// orgVoice lists first-person organisation phrases outside quotation marks
// (a researcher quoted saying "we found" is not the text's own voice).
func orgVoice(text string) []provenance.Span {
	if !strings.Contains(text, "our ") && !strings.Contains(text, "we ") && !strings.Contains(text, "We ") && !strings.Contains(text, "Our ") {
		return nil
	}
	var quotes []quote
	var out []provenance.Span
	for _, m := range firstPersonOrg.FindAllStringIndex(text, 20) {
		if quotes == nil {
			quotes = findQuotes(text)
		}
		if s := (provenance.Span{Start: m[0], End: m[1]}); !insideQuote(quotes, s) {
			out = append(out, s)
		}
	}
	return out
}
