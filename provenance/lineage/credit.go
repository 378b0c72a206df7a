package lineage

import (
	"github.com/copytrail/copytrail/provenance/fastre"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// A credit is a line by which a text says where its text came from:
// "Story Source: Materials provided by X", "This article is republished
// from X under a Creative Commons license", "(AP) —", "— Reuters", "said in
// a news release". The text that carries it is the copy.
type credit struct {
	// source is the name credited ("University of Florida", "Associated
	// Press"); "" when the credit names no one ("said in a news release").
	source string
	// release: the credit is to a press release or statement.
	release bool
	// marker is the credit as the text has it, for reasons.
	marker string
	span   provenance.Span
	// self: the marker is an aggregator's own tag on its pages
	// ("(Press-News.org) CHAMPAIGN, Ill. –"), which names the page's
	// outlet rather than a source.
	self bool
	// issuer: an institution line over a release's dateline, by which a
	// page carries the release of its issuer word for word; the page still
	// reads as that release (a rival of the issuer's own page).
	issuer bool
}

// creditPattern is one way of crediting a source. The name is the first
// non-empty group; needles pre-filter the lower-cased text.
type creditPattern struct {
	re      *fastre.Regexp
	needles []string
	release bool
	// agency: the name must be in the table of known outlets (a bare
	// "(WTAJ) —" is the station's own tag, not a credit).
	agency bool
	// unnamed: the credit names no source ("originally published on this
	// site"), yet says the text came from elsewhere.
	unnamed bool
	// wire: the source the credit implies when it names none ("(Reporting
	// by …; Editing by …)" is Reuters' sign-off).
	wire string
	// selfTag: when the name is a known aggregator, the marker is the
	// site's own tag on its pages, not a credit.
	selfTag bool
	// within: the credit counts only in the first within bytes (a
	// headline's), 0 anywhere.
	within int
	// org: the name must read as an organisation (a word such as
	// University, Society, Institute, or a known outlet): a listing's
	// "date - name" line may name a person.
	org bool
}

// name is a capitalised organisation or outlet name of up to eight words
// (the patterns around it are case-insensitive only in their (?i:…)
// groups, so a name starts with a capital).
const name = `((?:[A-Z][\w.&'’!-]*|of|the|and|for|de|du|des|at|in)(?:[ -](?:[A-Z][\w.&'’!-]*|of|the|and|for|de|du|des|at|in)){0,8})`

var creditPatterns = []creditPattern{
	{re: fastre.MustCompile(`(?i:(?:story\s+)?source:\s*materials\s+provided\s+by)\s+(?:[Tt]he\s+)?` + name), needles: []string{"provided by"}},
	{re: fastre.MustCompile(`(?i:\bmaterials\s+provided\s+by)\s+(?:[Tt]he\s+)?` + name), needles: []string{"provided by"}},
	{re: fastre.MustCompile(`(?m)^\W{0,3}(?:©\s*)?(?i:provided\s+by)\s+(?:[Tt]he\s+)?` + name), needles: []string{"provided by"}},
	{re: fastre.MustCompile(`(?i:\b(?:this\s+(?:article|story|piece|post)\s+(?:is|was)\s+)?(?:republished|reprinted)\s+(?:here\s+)?(?:from|with\s+permission\s+(?:from|of)|courtesy\s+of))\s+(?:[Tt]he\s+)?` + name), needles: []string{"republished", "reprinted"}},
	// "This article first appeared in X", "The story was first published
	// by X": the text itself, not a study ("first published in Nature").
	{re: fastre.MustCompile(`(?i:\b(?:this|the)\s+(?:article|story|piece|post|column|essay)\s+(?:was\s+|is\s+)?first\s+(?:published|appeared|posted|ran)\s+(?:at|on|in|by))\s+(?:[Tt]he\s+)?` + name), needles: []string{"first published", "first appeared", "first posted", "first ran"}},
	{re: fastre.MustCompile(`(?i:\boriginally\s+(?:published|appeared|posted)\s+(?:at|on|in|by))\s+(?:[Tt]he\s+)?` + name), needles: []string{"originally"}},
	{re: fastre.MustCompile(`(?i:\b(?:this\s+(?:post|article|story)\s+was\s+)?originally\s+published\s+on\s+this\s+site|read\s+more\s+at\s+article\s+source)`), needles: []string{"originally", "article source"}, unnamed: true},
	{re: fastre.MustCompile(`(?m)^\W{0,3}(?i:(?:story\s+)?source)\s*[:\-–]\s*(?:[Tt]he\s+)?` + name).WithStarts(storySourceStarts), needles: []string{"source"}},
	// A "Source:" field after another on a page's header line:
	// "Published: 3 May 2021    Source: Harbour University, News Office"
	// (fields set apart by a tab, a run of spaces or a bar; the pattern
	// starts on the separator, which fastre finds by substring search).
	{re: fastre.MustCompile(`(?:\t|  +|\|[ \t]*)(?i:source)\s*:\s*(?:[Tt]he\s+)?` + name), needles: []string{"source"}},
	{re: fastre.MustCompile(`(?m)(?i:source)-` + name), needles: []string{"source-"}},
	// "(via Reuters)", a line "via The Guardian", "Via: ertnews.gr" (a
	// web host, as sites sign what they took).
	{re: fastre.MustCompile(`(?m)[(\[]via\s+(?:[Tt]he\s+)?` + name + `[)\]]|^\s*[Vv]ia:?\s+(?:[Tt]he\s+)?` + name + `\s*$|^\s*[Vv]ia:?\s+((?:[a-z0-9-]+\.)+[a-z]{2,})\s*$`), needles: []string{"via"}},
	{re: fastre.MustCompile(`(?i:\bcourtesy\s+of)\s+(?:[Tt]he\s+)?` + name + `\s*$`), needles: []string{"courtesy"}},
	{re: fastre.MustCompile(`(?m)\b(?:The\s+)?` + name + `\s+contributed\s+to(?:\s+this\s+(?:report|story|article)|\s*\z)`), needles: []string{"contributed to"}},
	{re: fastre.MustCompile(`(?m)(?:Copyright|©)\s*(?:\d{4}\s+)?(?:The\s+)?` + name + `\.?\s+All\s+rights\s+reserved`), needles: []string{"rights reserved"}, agency: true},
	{re: fastre.MustCompile(`(?m)^\s*By\s+(?:The\s+)?` + name + `\s*$`).WithStarts(byLineStarts), needles: []string{"by "}, agency: true},
	// A byline naming an agency's staff: "By Associated Press staff",
	// "By AFP staff writers", "By Reuters reporters".
	{re: fastre.MustCompile(`(?m)^\s*By\s+(?:[Tt]he\s+)?` + name + `\s+(?i:staff(?:\s+writers?|\s+reporters?)?|writers?|reporters?|correspondents?)\b`).WithStarts(byLineStarts), needles: []string{"by "}, agency: true},
	{re: fastre.MustCompile(`(?m)^\s*[-–—]?\s*(?:The\s+)?` + name + `\s*$`).WithStarts(lineNameStarts), needles: []string{"\n"}, agency: true, selfTag: true},
	{re: fastre.MustCompile(`\((?:Reporting|Additional reporting|Writing)\s+by\s[^)]*`), needles: []string{"reporting by", "writing by"}, wire: "Reuters"},
	// A paper's story written from a wire's copy: "(With inputs from
	// PTI)", "Inputs from Reuters", "— with inputs from AFP"; from
	// agencies it names none ("with inputs from agencies", "(Agencies)").
	{re: fastre.MustCompile(`(?i:\b(?:with\s+)?inputs?\s+from)\s+(?:[Tt]he\s+)?` + name), needles: []string{"inputs from", "input from"}, agency: true},
	{re: fastre.MustCompile(`(?i:\bwith\s+(?:inputs?\s+from\s+(?:the\s+)?(?:news\s+)?agencies|agency\s+inputs))|(?m)^\W{0,3}[(\[]\s*(?i:agencies)\s*[)\]]\s*$`), needles: []string{"agencies", "agency inputs"}, unnamed: true},
	// An agency's sign-off closing the story's last sentence on its line:
	// "… the ministry said. — Reuters" (on a line of its own, the line
	// pattern below reads it).
	{re: fastre.MustCompile(`(?m)[.!?”"’]\s+(?:[—–]|--)\s*(?:The\s+)?` + name + `\s*$`), needles: []string{"—", "–", "--"}, agency: true},
	{re: fastre.MustCompile(`(?:^|\n|[^\w(])[A-ZÀ-Ý][\w.,' -]{0,40}\s*\(` + name + `(?:/[A-Z]+)?\)\s*[-–—:]`), needles: []string{"("}, agency: true},
	{re: fastre.MustCompile(`(?m)^\s*\(` + name + `(?:/[A-Z]+)?\)\s*\S`), needles: []string{"("}, agency: true, selfTag: true},
	// An agency's sign-off closing a paragraph or a headline: "… the
	// biennial report said. (PTI)", "Sea turtles go with the flow (BBC)";
	// an author line naming an outlet ("Author : The Conversation").
	{re: fastre.MustCompile(`(?m)[^\s(]\s*\(` + name + `\)\s*$`), needles: []string{")"}, agency: true},
	{re: fastre.MustCompile(`(?m)^\s*(?i:author)\s*:\s*(?:[Tt]he\s+)?` + name + `\s*$`).WithStarts(authorLineStarts), needles: []string{"author"}, agency: true},
	// A wire agency's own count in its copy: "according to an AFP count",
	// "a Reuters tally shows". Agencies cite their own tallies; a paper
	// writing its own story cites "according to AFP".
	{re: fastre.MustCompile(`\b(?i:according\s+to\s+an?)\s+` + name + `\s+(?i:count|tally|calculation|compilation)\b|\b(?:[Aa]n?)\s+` + name + `\s+(?i:count|tally)\s+(?i:shows|showed|found)\b`), needles: []string{"count", "tally", "calculation", "compilation"}, agency: true},
	// A wire agency named as the reporter of what a story says: "PTI
	// quoted officials as saying", "Reuters quoted the ministry as
	// saying". A paper citing one fact says "according to PTI"; one
	// carrying the wire's sentences keeps its "X quoted … as saying".
	{re: fastre.MustCompile(`\b` + name + `\s+(?i:quoted)\s+[^.\n“”"]{1,80}?\s+(?i:as\s+saying)\b`), needles: []string{"as saying"}, agency: true},
	{re: fastre.MustCompile(`(?m)^\s*` + name + `\s+-\s+Press\s+Release\s+Distribution`), needles: []string{"release distribution"}, agency: true, selfTag: true},
	{re: fastre.MustCompile(`(?m)^\s*(?i:from)\s+(?:[^\n]{0,40}--\s*)?` + name).WithStarts(fromLineStarts), needles: []string{"from"}, agency: true},
	// A sign-off line naming the outlet whose reporters wrote the text: "–
	// From CNN Business’ Ann Writer and Bo Reporter, January 22, 2019".
	{re: fastre.MustCompile(`(?m)^\s*[-–—]+\s*(?i:from)\s+(?:[Tt]he\s+)?([A-Z][\w.&!-]*(?:\s+[A-Z][\w.&!-]*){0,3})(?:[’']s?)?(?:\s|,|$)`), needles: []string{"– from", "— from", "- from"}, agency: true},
	{re: fastre.MustCompile(`(?i:\bmore\s+in|\bread\s+more\s+at|\bread\s+the\s+original\s+at)\s+(?:www\.)?((?:[\w-]+\.)+(?:com|org|net|news|co\.uk))\b`), needles: []string{"more in", "read"}},
	{re: fastre.MustCompile(`(?i:\bread\s+more\s+(?:about\s+(?:this|the|her|his|their|our|its|these)\s+(?:story|research|study|article|findings|work|paper|results)\s+)?(?:at|on|in))\s+(?:[Tt]he\s+)?` + name), needles: []string{"read more"}, agency: true},
	// A headline that names the publication the text appeared in: "The
	// Conversation: Bees have …", "Ann Writer in ‘The Conversation’: …"
	// (a university's or an author's repost of their article).
	{re: fastre.MustCompile(`(?m)^\W{0,3}(?:(?:[A-Z][\w.'’-]+\s+){1,4}in\s+[‘'"“](?:[Tt]he\s+)?` + name + `[’'"”]|(?:[Tt]he\s+)?` + name + `)\s*:\s+[A-Z‘'"“]`), needles: []string{":"}, agency: true, within: 400},
	// A repost's pointer to the rest of the text at its source: "To read
	// the rest of the story, please go to: Harbour University".
	{re: fastre.MustCompile(`(?i:\bread\s+the\s+(?:rest|remainder)\s+of\s+(?:the|this)\s+(?:story|article|release|post)[^:\n]{0,30}:)\s*(?:[Tt]he\s+)?` + name), needles: []string{"rest of the", "rest of this", "remainder of"}},
	// A listing's line under a headline giving the date and the source:
	// "August 4, 2016 07:12 AM - Harbour Society".
	{re: fastre.MustCompile(`(?m)^[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}(?:\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?\s+[-–—]\s+(?:[Tt]he\s+)?` + name + `[ \t]*$`).WithStarts(monthLineStarts), needles: []string{" - ", " – ", " — "}, org: true},
	{re: fastre.MustCompile(`(?i:click\s+here\s+for\s+(?:the\s+)?original\s+story)`), needles: []string{"original story"}, unnamed: true},
	{re: fastre.MustCompile(`(?i:auto-generated\s+from\s+a\s+syndicated\s+feed)`), needles: []string{"syndicated feed"}, unnamed: true},
	// A wire's relay of an organisation's statement: "this was said by
	// Amnesty International today, as it published its annual review".
	{re: fastre.MustCompile(`\b(?i:(?:this|that|it)\s+was\s+(?:said|stated|announced|reported)\s+by)\s+(?:[Tt]he\s+)?` + name), needles: []string{"was said by", "was stated by", "was announced by", "was reported by"}, release: true},
	// Credits to a press release or statement, in reported speech.
	{re: fastre.MustCompile(`\b(?i:said|says|stated|explained|added|noted|wrote)\s+(?i:in)\s+(?i:a|the|its|their|an)?\s*(?i:news\s+|press\s+)?(?i:release|statement)\b`), needles: []string{"release", "statement"}, release: true},
	{re: fastre.MustCompile(`\b(?i:according\s+to)\s+(?i:a|the)\s+(?:` + name + `\s+)?(?i:news\s+|press\s+)?(?i:release)\b`), needles: []string{"release"}, release: true},
	// "ISRO in a release here said", "the ministry in a statement on
	// Monday said" (Indian papers' and agencies' order).
	{re: fastre.MustCompile(`\b(?i:in)\s+(?i:a|its|the|an)\s+(?i:(?:news|press)\s+)?(?i:release|statement)\s+(?:(?i:here|today|issued\s+here|on\s+[A-Z]\w+)\s+)?(?i:said|says|stated|noted|added)\b`), needles: []string{"release", "statement"}, release: true},
	{re: fastre.MustCompile(`\b(?i:a|the|an)\s+` + name + `\s+(?i:(?:news|press)\s+)?(?i:release)\s+(?i:said|says|reported|stated|noted|explained)`), needles: []string{"release"}, release: true},
	{re: fastre.MustCompile(`\b(?i:in)\s+(?i:a|the|an)\s+(?:` + name + `\s+)?(?i:news\s+|press\s+)(?i:release)\b`), needles: []string{"release"}, release: true},
	{re: fastre.MustCompile(`\b(?i:says|said)\s+(?i:a|the|an)\s+(?:` + name + `\s+)?(?i:news\s+|press\s+)?(?i:release)\b`), needles: []string{"release"}, release: true},
}

// hasOrgWord reports whether a name holds a word that says it is an
// organisation (University, Society, Institute…: orgWords).
func hasOrgWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if orgWords[strings.ToLower(strings.Trim(w, "’'.,"))] {
			return true
		}
	}
	return false
}

// photoCredit recognises picture credits, which say nothing about the text.
var photoCredit = fastre.MustCompile(`(?i)\b(photo|image|picture|illustration|video|file|credit|graphic|getty|shutterstock)\b`)

// findCredits lists a document's credits (at most one per pattern and name).
func findCredits(d *provenance.Document) []credit {
	return findCreditsWith(d, needlesIn(strings.ToLower(d.Text)))
}

// findCreditsWith is findCredits given the needles of its lower-cased text.
func findCreditsWith(d *provenance.Document, has needleSet) []credit {
	text := d.Text
	var out []credit
	seen := map[string]bool{}
	for _, p := range creditPatterns {
		if !has.any(p.needles...) {
			continue
		}
		in := text
		if p.within > 0 && len(in) > p.within {
			in = in[:p.within]
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(in, 8) {
			src := ""
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 && m[g+1] > m[g] {
					src = strings.TrimSpace(text[m[g]:m[g+1]])
					break
				}
			}
			src = cleanCreditName(src)
			marker := strings.TrimSpace(text[m[0]:m[1]])
			if isPhotoLine(text, m[0]) {
				continue
			}
			if p.org && lookupKnown(src) == nil && !hasOrgWord(src) {
				continue
			}
			self := false
			if p.agency {
				k := lookupKnown(src)
				if k == nil || k.newswire {
					continue
				}
				src, self = k.name, p.selfTag && k.role == provenance.RoleAggregator
			} else if k := lookupKnown(src); k != nil {
				src = k.name
			}
			if p.wire != "" {
				src = p.wire
			}
			if p.unnamed {
				src = ""
			} else if src == "" && !p.release {
				continue
			}
			key := strings.ToLower(src) + "|" + boolKey(p.release)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, credit{source: src, release: p.release, marker: shortMarker(marker), span: provenance.Span{Start: m[0], End: m[1]}, self: self})
		}
	}
	for _, c := range headCredits(text) {
		if key := strings.ToLower(c.source) + "|n"; !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	return out
}

// institutionLine is a line that is an institution's name, with its campus
// after a dash: "Harbour University – Eastport". Under a headline and over
// a release's dateline it credits the release's issuer (EurekAlert's
// layout: headline, subhead, institution, "EASTPORT, Maine –").
var institutionLine = fastre.MustCompile(`^((?:[A-Z][\w.&'’-]*\s+){0,4}(?:University|College|Institute|Hospital|Laboratory|Observatory|Museum|Foundation|Society|Academy)(?:\s+(?:of|for|and|the|at|[A-Z][\w.&'’-]*)){0,6}?)(?:\s*[,–—-]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?$`)

// headCredits reads the credit a page's first lines make with an
// institution line over a release's dateline.
func headCredits(text string) []credit {
	var out []credit
	pos, n := 0, 0
	var prev string
	for line := range strings.Lines(text[:min(len(text), 1500)]) {
		start := pos
		pos += len(line)
		l := strings.TrimSpace(line)
		if l == "" {
			continue
		}
		if n++; n > 6 {
			break
		}
		if prev != "" && n <= 5 {
			if m := institutionLine.FindStringSubmatch(l); m != nil {
				rest := text[pos:]
				if loc := releaseDateline.FindStringIndex(rest[:min(len(rest), 200)]); loc != nil && strings.TrimSpace(rest[:loc[0]]) == "" {
					src := strings.TrimSpace(m[1])
					if m[2] != "" {
						src += ", " + m[2]
					}
					out = append(out, credit{source: src, marker: shortMarker(l), span: provenance.Span{Start: start, End: start + len(line)}, issuer: true})
				}
			}
		}
		prev = l
	}
	return out
}

// isPhotoLine reports whether the line around pos is a picture caption or credit.
func isPhotoLine(text string, pos int) bool {
	start := strings.LastIndexByte(text[:pos], '\n') + 1
	end := strings.IndexByte(text[pos:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += pos
	}
	return photoCredit.MatchString(text[start:end])
}

// cleanCreditName trims the words a name match drags along.
func cleanCreditName(s string) string {
	s = cutAtSentenceEnd(s)
	s = strings.Trim(s, " .,;:-–—|»")
	for changed := true; changed; {
		changed = false
		for _, suffix := range []string{" under", " and", " the", " of", " for", " at", " in", " de", " du", " des",
			" January", " February", " March", " April", " May", " June", " July", " August", " September",
			" October", " November", " December"} {
			if strings.HasSuffix(s, suffix) {
				s, changed = strings.TrimSuffix(s, suffix), true
			}
		}
	}
	if len([]rune(s)) < 2 {
		return ""
	}
	return s
}

// cutAtSentenceEnd drops what follows a word that ends a sentence inside a
// credited name ("University of X. Note: Content may be edited…" is
// ScienceDaily's credit line): a word ending in a full stop that is neither
// an initialism ("U.S.") nor a short abbreviation ("Inc.", "St.").
func cutAtSentenceEnd(s string) string {
	f := strings.Fields(s)
	for i, w := range f[:max(0, len(f)-1)] {
		if strings.HasSuffix(w, ".") && !strings.Contains(w[:len(w)-1], ".") && len([]rune(w)) > 4 {
			return strings.Join(f[:i+1], " ")
		}
	}
	return s
}

// shortMarker is a credit as the text has it, on one line, at most 70
// characters, in quotation marks.
func shortMarker(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 70 {
		s = string(r[:67]) + "…"
	}
	return "“" + s + "”"
}

func boolKey(b bool) string {
	if b {
		return "r"
	}
	return "n"
}
