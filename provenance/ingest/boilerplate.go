package ingest

import (
	"regexp"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// strongChrome matches a whole line of site chrome wherever it stands.
var strongChrome = regexp.MustCompile(`(?i)^(?:` +
	`leave a (?:reply|comment)|` +
	`your email address will not be published.*|` +
	`required fields are marked.*|` +
	`follow (?:us )?(?:by|on|via) [\w ]{1,30}|` +
	`share (?:this|on)(?: [\w ]{1,30})?|` +
	`subscribe to [^.!?]{1,60}|` +
	`sign up (?:for|to) (?:our|the) .{0,80}(?:newsletter|updates|alerts).{0,80}|` +
	`comments?(?: \(\d+\))?|` +
	`advertisement|` +
	`related (?:articles|stories|posts|news)|` +
	`(?:post|add) (?:a )?comment|` +
	`skip to (?:main )?content` +
	`)[.:!]?$`)

// shareWords are share-button and social-network labels; a line of one of
// them is chrome inside a trailing block of chrome.
var shareWords = map[string]bool{
	"youtube": true, "linkedin": true, "share": true, "instagram": true, "wechat": true,
	"whatsapp": true, "fbmessenger": true, "facebook": true, "twitter": true, "x": true,
	"telegram": true, "pinterest": true, "reddit": true, "email": true, "e-mail": true,
	"print": true, "tumblr": true, "messenger": true, "tiktok": true, "copy link": true,
	"tweet": true, "rss": true, "mastodon": true, "threads": true, "bluesky": true,
	"vk": true, "line": true, "viber": true, "snapchat": true, "flipboard": true,
}

// maxChromeLine is the longest line considered as chrome.
const maxChromeLine = 200

// line is one line of a text with its byte range (end excludes the LF).
type line struct {
	start, end int
	text       string
}

// splitLines returns the lines of text with their offsets.
func splitLines(text string) []line {
	var out []line
	start := 0
	for start <= len(text) {
		nl := strings.IndexByte(text[start:], '\n')
		if nl < 0 {
			if start < len(text) {
				out = append(out, line{start, len(text), text[start:]})
			}
			break
		}
		out = append(out, line{start, start + nl, text[start : start+nl]})
		start += nl + 1
	}
	return out
}

// isStrongChrome reports a line that is site chrome on its own.
func isStrongChrome(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= maxChromeLine && s != "" && chromeStart(s[0]) && strongChrome.MatchString(s)
}

// chromeStart reports whether a line starting with byte b may be strong
// chrome: every alternative of strongChrome starts with one of these
// letters, in either case (a non-ASCII first byte may be a letter that
// case-folds to one of them, ſ for s: the pattern decides).
func chromeStart(b byte) bool {
	if b >= 0x80 {
		return true
	}
	return strings.IndexByte("lyrfscapLYRFSCAP", b) >= 0
}

// isShareLine reports a share-button label line.
func isShareLine(s string) bool {
	return shareWords[strings.ToLower(strings.TrimSpace(s))]
}

// boilerplateSpans marks site chrome: every line that is chrome on its own,
// and the trailing block of chrome at the end of the text (share buttons,
// comment forms, newsletter prompts) from its first chrome line to the end.
// Spans cover whole lines (with their LF, except at the end of the text)
// and lie outside skip.
func boilerplateSpans(text string, skip []provenance.Span) []provenance.Span {
	lines := splitLines(text)
	marked := make([]bool, len(lines))
	// The trailing block: walk up from the end over chrome, share labels,
	// blank and short lines; the block starts at its first chrome line.
	first := -1
	for i := len(lines) - 1; i >= 0 && len(lines)-i <= 60; i-- {
		s := strings.TrimSpace(lines[i].text)
		switch {
		case isStrongChrome(s) || isShareLine(s):
			first = i
			continue
		case s == "" || (len(s) <= 40 && len(strings.Fields(s)) <= 4 && !strings.ContainsAny(s[len(s)-1:], ".!?\"”")):
			continue
		}
		break
	}
	if first >= 0 {
		for i := first; i < len(lines); i++ {
			marked[i] = true
		}
	}
	for i, l := range lines {
		if isStrongChrome(l.text) {
			marked[i] = true
		}
	}
	var spans []provenance.Span
	for i, l := range lines {
		if !marked[i] || inSpans(l.start, skip) {
			continue
		}
		end := min(l.end+1, len(text))
		if n := len(spans); n > 0 && spans[n-1].End == l.start {
			spans[n-1].End = end
			continue
		}
		spans = append(spans, provenance.Span{Start: l.start, End: end})
	}
	return spans
}

// inSpans reports whether offset lies in one of spans.
func inSpans(off int, spans []provenance.Span) bool {
	for _, s := range spans {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}
