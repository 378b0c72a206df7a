package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance/fastre"
)

// Page furniture: what saved pages carry around the article that is not
// its title or its outlet. Inference reads through it.

// datePrefixRE matches a date stamp a page or an archive puts before the
// first line: "date 2022-05-21 ", "Date: 2022-05-21 ", and the month or
// the year alone when that is all the archive knows ("date 2021-04 ").
var datePrefixRE = anchoredLine(`^(?i:date):? ?\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)?)? +`, "dD", 0)

// stampLabelRE matches a date stamp's label left without its date at the
// start of a line: "Posted on New research from …".
var stampLabelRE = anchoredLine(`^(?:Posted|Published|Updated)(?: on)? +(?:\p{Lu}|\d)`, "PU", 0) // the label ends before the match's last rune

// stripFurniture drops a date stamp, or its label alone, from the start of
// a line.
func stripFurniture(l string) string {
	l = strings.TrimSpace(datePrefixRE.ReplaceAllString(strings.TrimSpace(l), ""))
	if m := stampLabelRE.FindString(l); m != "" && !isDateStamp(strings.ToLower(l)) {
		_, size := utf8.DecodeLastRuneInString(m)
		return l[len(m)-size:]
	}
	return l
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
var newswireLeadRE = anchoredLine(`^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:, [\p{L}. ]{1,30}){0,3}?,? ?(?:[\p{L}]{3,9}\.? \d{1,2}, \d{4} ?)?(?:--)?(?:/[^/]{2,60}/|\([^()]{2,60}\))(?:--)? ?[–—-]{0,2} *`, upperASCII, 0)

// furnitureTitle reports a first line that is page furniture, never a
// title: a logo's or an icon's alt text ("Recall InfoLink Logo", "Clear
// icon"), a skip link ("Skip to main content"), a date or time stamp alone
// ("Thursday, June 10, 2021", "Updated 03:42 AM EST, Mon, Dec 23, 2024"),
// a navigation bar ("Home · News · Forum · Stories"), a form's label, the
// page's controls ("Menu Close", an icon font's "homehome Home chatchat
// Notifications"), a blog's archive heading ("Category Archives: turtles"),
// a picture's credit ("Ann Writer /
// Getty Images", "… Jane Doe/Flickr, CC BY"), one word (a section name:
// "World"), a list item, or a label.
func furnitureTitle(l string) bool {
	low := strings.ToLower(l)
	switch {
	case l == "", isControls(low), archiveHeadingRE.MatchString(low), pictureCreditRE.MatchString(low):
		return true
	case strings.HasSuffix(low, " logo") || strings.HasPrefix(low, "logo ") || low == "logo" || strings.HasSuffix(low, " icon"):
		return true
	case skipLinkRE.MatchString(low):
		return true
	case isDateStamp(low):
		return true
	case isNavLine(l):
		return true
	case isFormLabel(l):
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

// controlWords are the words of a page's buttons and menus.
var controlWords = map[string]bool{
	"menu": true, "close": true, "open": true, "home": true, "search": true, "login": true,
	"log": true, "in": true, "out": true, "register": true, "sign": true, "up": true,
	"subscribe": true, "notifications": true, "chat": true, "share": true, "print": true,
	"email": true, "comments": true, "toggle": true, "navigation": true, "account": true,
	"my": true, "more": true, "back": true, "top": true, "to": true, "main": true,
}

// isControls reports a line (lower-cased) of two or more words that are
// all a page's controls, an icon font's ligature name written beside its
// label ("homehome") included.
func isControls(low string) bool {
	words := strings.Fields(low)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if h := len(w) / 2; len(w)%2 == 0 && w[:h] == w[h:] {
			w = w[:h]
		}
		if !controlWords[w] {
			return false
		}
	}
	return true
}

// stripControls drops the account links a site's name line ends with
// ("Medindia LOGIN REGISTER" is the site Medindia), only when a login or a
// sign-in link is among them: "Des Moines Register" keeps its last word.
func stripControls(l string) string {
	words := strings.Fields(l)
	n := len(words)
	login := false
	for n > 0 && controlWords[strings.ToLower(words[n-1])] {
		w := strings.ToLower(words[n-1])
		login = login || w == "login" || w == "sign" || w == "log"
		n--
	}
	if !login || n == 0 {
		return l
	}
	return strings.Join(words[:n], " ")
}

// archiveHeadingRE matches a blog's archive headings.
var archiveHeadingRE = anchoredLine(`^(?:category|tag|monthly|yearly|author) archives?:|^archives? (?:for|of) |^posts tagged\b`, "ctmyap", 0)

// markupRE matches HTML tags left in a text's line ("<a href=…>",
// "</a>"): titles are read with them dropped.
var markupRE = anchoredLine(`<(?:a|img|div|span|p|br|iframe|script|strong|em|b|i)\b[^>]*>?|</[a-z]+>`, "", '<')

// pictureCreditRE matches the credit of a photograph or an image: an
// agency's or a picture library's name, a Creative Commons licence tag.
var pictureCreditRE = fastre.MustCompile(`getty images|shutterstock|\bap photo\b|/flickr\b|\bcc by\b|\bcc-by\b|^(?:photo|image|picture|credit)s?(?: by)?: |\. (?:photo|image|picture )?credits?: |^file photo\b`)

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

// skipLinkRE matches the accessibility links pages open with.
var skipLinkRE = anchoredLine(`^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|main|article|menu|search)\b`, "sj", 0)

// stampWords are the words of a date or time stamp besides its numbers:
// weekdays and months (whole and short), the clock's, the usual time
// zones, and the stamp's own labels.
var stampWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday " +
		"mon tue tues wed thu thur thurs fri sat sun " +
		"january february march april may june july august september october november december " +
		"jan feb mar apr jun jul aug sep sept oct nov dec " +
		"am pm a.m. p.m. et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist aest " +
		"updated published posted last modified on at of") {
		m[w] = true
	}
	return m
}()

// isDateStamp reports a line (lower-cased) that is only a date or a time
// stamp: every word a number, a clock time or a stamp word, with a month,
// a weekday or a year among them.
func isDateStamp(low string) bool {
	words := strings.FieldsFunc(low, func(r rune) bool { return r == ' ' || r == ',' || r == '|' || r == '/' })
	if len(words) < 2 || len(words) > 12 {
		return false
	}
	dated := false
	for _, w := range words {
		w = strings.Trim(w, "().:-–—")
		switch {
		case w == "":
		case stampWords[w]:
			if !smallStampWords[w] {
				dated = true
			}
		case isClockOrNumber(w):
			if len(w) == 4 && w[0] != '0' {
				dated = true // a year
			}
		default:
			return false
		}
	}
	return dated
}

// smallStampWords are stamp words that also occur in titles: a line of
// them and numbers alone is not yet a date.
var smallStampWords = map[string]bool{"am": true, "pm": true, "a.m.": true, "p.m.": true, "on": true, "at": true, "of": true,
	"updated": true, "published": true, "posted": true, "last": true, "modified": true, "may": true}

// isClockOrNumber reports "23", "2024", "11:28", "03:42:10", "23rd".
func isClockOrNumber(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ':' {
			return false
		}
	}
	return true
}

// isNavLine reports a navigation bar: three or more short items (one to
// three words) between separators ("Home · News · Forum", "Contact us |
// Advertise | Help").
func isNavLine(l string) bool {
	items := strings.FieldsFunc(l, func(r rune) bool { return r == '·' || r == '|' || r == '•' || r == '»' })
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if n := len(strings.Fields(it)); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// isFormLabel reports a search form's label and field: two words, the
// first ending in a colon ("Find: in", "Search: site").
func isFormLabel(l string) bool {
	f := strings.Fields(l)
	return len(f) == 2 && strings.HasSuffix(f[0], ":")
}
