package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Page furniture: what saved pages carry around the article that is not
// its title or its outlet. Inference reads through it.

// datePrefixRE matches a date stamp a page or an archive puts before the
// first line: "date 2022-05-21 ", "Date: 2022-05-21 ".
var datePrefixRE = regexp.MustCompile(`^(?i:date):? ?\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)? +`)

// stripFurniture drops a date stamp from the start of a line.
func stripFurniture(l string) string {
	return strings.TrimSpace(datePrefixRE.ReplaceAllString(strings.TrimSpace(l), ""))
}

// notOutlets are labels pages print where an outlet's name could stand
// ("Headline – Press Release", "— News"): never an outlet.
var notOutlets = map[string]bool{
	"press release": true, "press releases": true, "news release": true, "news releases": true,
	"media release": true, "press": true, "news": true, "latest news": true, "breaking news": true,
	"home": true, "homepage": true, "blog": true, "article": true, "articles": true, "statement": true,
	"press statement": true, "media statement": true, "advertisement": true, "sponsored": true,
	"opinion": true, "editorial": true, "world": true, "business": true, "politics": true,
	"health": true, "sport": true, "sports": true, "local": true, "national": true, "update": true,
	"updates": true, "recall": true, "recalls": true, "announcement": true, "announcements": true,
}

// isLabel reports a name that is a page label, not an outlet.
func isLabel(name string) bool {
	return notOutlets[strings.ToLower(strings.Trim(strings.TrimSpace(name), ".:"))]
}

// newswireRE finds a distributor's mark in a dateline: "/PRNewswire/",
// "/PRNewswire-HISPANIC PR WIRE/", "/Business Wire/", "--(BUSINESS WIRE)--",
// "(GLOBE NEWSWIRE)", "/EINPresswire/", "(ACCESSWIRE)", "/CNW/".
var newswireRE = regexp.MustCompile(`(?:/|\()\s*((?i:PR ?Newswire|Business ?Wire|Globe ?Newswire|EIN ?Presswire|ACCESSWIRE|CNW|Newsfile|PRWeb|Marketwired))(?:[ -][^/()]{0,40})?\s*(?:/|\))`)

// newswires are the distributors' names as they write them.
var newswires = map[string]string{
	"prnewswire": "PR Newswire", "businesswire": "Business Wire", "globenewswire": "GlobeNewswire",
	"einpresswire": "EIN Presswire", "accesswire": "ACCESSWIRE", "cnw": "CNW", "newsfile": "Newsfile",
	"prweb": "PRWeb", "marketwired": "Marketwired",
}

// newswireOutlet returns the distributor named in a press-release dateline
// that opens the text ("ORRVILLE, Ohio, May 20, 2022 /PRNewswire/ --"), and
// the dateline it was read from. Only the opening line counts, after the
// list of highlights a release may start with: a page that puts its own
// headline or furniture first and the release's dateline after is a
// reprint (a scraper, an aggregator), not the distributor, and taking it
// for the wire would rank it upstream of its siblings.
func newswireOutlet(lines []string) (outlet, line string) {
	for len(lines) > 1 && isListItem(stripFurniture(lines[0])) {
		lines = lines[1:]
	}
	for _, l := range lines[:min(len(lines), 1)] {
		l = stripFurniture(l)
		m := newswireRE.FindStringSubmatchIndex(l)
		if m == nil || m[0] > 120 {
			continue
		}
		name := newswires[strings.ToLower(strings.ReplaceAll(l[m[2]:m[3]], " ", ""))]
		if name == "" {
			continue
		}
		end := min(len(l), m[1]+4)
		for end < len(l) && !utf8.RuneStart(l[end]) {
			end++
		}
		return name, strings.TrimSpace(l[:end])
	}
	return "", ""
}

// newswireLeadRE matches a press-release dateline opening a paragraph:
// "ORRVILLE, Ohio, May 20, 2022 /PRNewswire/ -- ", "NEW YORK, Jan. 5, 2021
// (GLOBE NEWSWIRE) -- ", "SAN FRANCISCO--(BUSINESS WIRE)--".
var newswireLeadRE = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:, [\p{L}. ]{1,30}){0,3}?,? ?(?:[\p{L}]{3,9}\.? \d{1,2}, \d{4} ?)?(?:--)?(?:/[^/]{2,60}/|\([^()]{2,60}\))(?:--)? ?[–—-]{0,2} *`)

// furnitureTitle reports a first line that is page furniture, never a
// title: a logo's alt text ("Recall InfoLink Logo"), one word (a section
// name: "World"), a list item, or a label.
func furnitureTitle(l string) bool {
	low := strings.ToLower(l)
	switch {
	case strings.HasSuffix(low, " logo") || strings.HasPrefix(low, "logo ") || low == "logo":
		return true
	case len(strings.Fields(l)) == 1:
		return true
	case isListItem(l):
		return true
	case len(strings.Fields(l)) <= 3 && sectionWords[strings.ToLower(lastWord(l))]:
		return true // "Recall Details", "Product Overview"
	}
	return isLabel(l)
}

// isListItem reports a line that is an item of a list: "- …", "• …".
func isListItem(l string) bool {
	return strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "– ")
}

// sectionWords end the headings of a page's sections, not of an article.
var sectionWords = map[string]bool{"details": true, "overview": true, "summary": true, "information": true, "contents": true, "menu": true}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".:")
}
