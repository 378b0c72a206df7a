package app

import (
	"crypto/sha256"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/text"
)

// hiddenView is the analysis as the room sees it while outlets and dates
// are hidden for a guessing round. It is built once per result and hide
// toggle, and every screen, export and panel reads it in place of the real
// result, so nothing that answers "who took from whom" can reach the
// screen by a path someone forgot: articles are "Article 1, 2 …" numbered
// in an order unrelated to dates, sources or outlets (a hash of the ID),
// with no metadata; links have no kind, direction, confidence, reasons or
// verdict; families have no earliest witness; changes have no direction;
// outlet names and dates written in texts and snippets are blacked out.
type hiddenView struct {
	source *provenance.Result // the real result this was built from
	result *provenance.Result // the masked copy every screen reads
	number map[string]int     // article number of each document ID
	// secrets are the outlet names to black out, longest first.
	secrets []string
	// redact holds each document's spans to black out (outlet names and dates).
	redact map[string][]provenance.Span
}

// newHiddenView masks r. Document texts are shared with r, not copied.
func newHiddenView(r *provenance.Result) *hiddenView {
	h := &hiddenView{source: r, number: map[string]int{}, redact: map[string][]provenance.Span{}}
	ids := make([]string, len(r.Documents))
	for i, d := range r.Documents {
		ids[i] = d.ID
	}
	key := func(id string) string { s := sha256.Sum256([]byte("copytrail-hide:" + id)); return string(s[:]) }
	sort.Slice(ids, func(i, j int) bool { return key(ids[i]) < key(ids[j]) })
	for i, id := range ids {
		h.number[id] = i + 1
	}
	h.secrets = outletSecrets(r)
	m := &provenance.Result{Version: r.Version, Settings: r.Settings, Pairs: r.Pairs, Duplicates: r.Duplicates}
	for _, e := range r.Errors {
		m.Errors = append(m.Errors, provenance.FileError{Path: "a file", Reason: h.Text(e.Reason)})
	}
	for _, d := range r.Documents {
		label := h.Label(d.ID)
		h.redact[d.ID] = h.secretSpans(d.Text)
		md := provenance.Document{ID: d.ID, Path: label, Format: d.Format, Text: blackOut(d.Text, h.redact[d.ID]),
			Words: d.Words, Boilerplate: d.Boilerplate, Skip: d.Skip, ContentHash: d.ContentHash}
		md.Meta.Title = provenance.Field{Value: label}
		m.Documents = append(m.Documents, md)
	}
	m.Passages = make([]provenance.Passage, len(r.Passages))
	for i, p := range r.Passages {
		p.Diff = slices.Clone(p.Diff)
		for k := range p.Diff { // byte for byte, as the texts are: the compare view counts in bytes
			p.Diff[k].Text = blackOut(p.Diff[k].Text, h.secretSpans(p.Diff[k].Text))
		}
		m.Passages[i] = p
	}
	slices.SortFunc(m.Documents, func(a, b provenance.Document) int { return h.number[a.ID] - h.number[b.ID] })
	for _, l := range r.Links {
		a, b := h.ordered(l.Source, l.Target)
		m.Links = append(m.Links, provenance.Link{Source: a, Target: b, Kind: provenance.LinkUnknown, Passages: l.Passages})
	}
	for _, f := range r.Families {
		mf := provenance.Family{ID: f.ID, Words: f.Words, Snippet: h.Text(f.Snippet), Members: slices.Clone(f.Members)}
		slices.SortStableFunc(mf.Members, func(a, b provenance.FamilyMember) int { return h.number[a.Doc] - h.number[b.Doc] })
		m.Families = append(m.Families, mf)
	}
	for _, mu := range r.Mutations {
		if a, _ := h.ordered(mu.Source, mu.Target); a != mu.Source {
			mu.Source, mu.Target = mu.Target, mu.Source
			mu.SourceText, mu.TargetText = mu.TargetText, mu.SourceText
			mu.SourceStart, mu.TargetStart = mu.TargetStart, mu.SourceStart
			mu.SourceEnd, mu.TargetEnd = mu.TargetEnd, mu.SourceEnd
		}
		mu.SourceText, mu.TargetText, mu.Explanation = h.Text(mu.SourceText), h.Text(mu.TargetText), ""
		m.Mutations = append(m.Mutations, mu)
	}
	h.result = m
	return h
}

// Label is a document's neutral name, "Article 3".
func (h *hiddenView) Label(id string) string {
	if h == nil || h.number[id] == 0 {
		return "an article"
	}
	return fmt.Sprintf("Article %d", h.number[id])
}

// ordered puts two document IDs in article-number order: the neutral order
// of sides, lines and changes.
func (h *hiddenView) ordered(a, b string) (string, string) {
	if h != nil && h.number[b] < h.number[a] {
		return b, a
	}
	return a, b
}

// Redactions are the spans of a document's text to black out.
func (h *hiddenView) Redactions(id string) []provenance.Span {
	if h == nil {
		return nil
	}
	return h.redact[id]
}

// Text blacks out the outlet names and dates in s (a snippet, a quote, a
// diff run): each of their words becomes "███", so word counts stay.
func (h *hiddenView) Text(s string) string {
	if h == nil {
		return s
	}
	spans := h.secretSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		b.WriteString(s[pos:sp.Start])
		words := strings.Fields(s[sp.Start:sp.End])
		for i := range words {
			words[i] = "███"
		}
		b.WriteString(strings.Join(words, " "))
		pos = sp.End
	}
	b.WriteString(s[pos:])
	return b.String()
}

// blackOut replaces every byte of the letters and digits of the spans
// with 'x': byte offsets into the text stay right, and the words
// stay words, so the engine's word counts (which the compare view's diff
// marks follow) do not change. The masked text is what an export made
// while hidden writes; on screen the words are drawn as bars.
func blackOut(text string, spans []provenance.Span) string {
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, sp := range spans {
		for i := sp.Start; i < sp.End && i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				for k := i; k < i+n; k++ { // a word's letters only: its punctuation stays, so do its word breaks
					b[k] = 'x'
				}
			}
			i += n
		}
	}
	return string(b)
}

// datePattern finds dates written in a text: "June 1, 2021", "1 June 2021",
// "Jun. 1", "2021-06-01", "01/06/2021".
var datePattern = regexp.MustCompile(`(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4}\b` +
	`|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b` +
	`|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`)

// secretSpans finds outlet names (whole words, any case) and dates in s,
// sorted and merged.
func (h *hiddenView) secretSpans(s string) []provenance.Span {
	var spans []provenance.Span
	lower := strings.ToLower(s)
	for _, name := range h.secrets {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], name)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(name)
			if wordEdge(lower, start, end) {
				spans = append(spans, provenance.Span{Start: start, End: end})
			}
			from = end
		}
	}
	if strings.ContainsAny(s, "0123456789") { // every date written has a digit: most runs are read no further
		for _, loc := range datePattern.FindAllStringIndex(s, -1) {
			spans = append(spans, provenance.Span{Start: loc[0], End: loc[1]})
		}
	}
	return text.MergeSpans(spans)
}

// wordEdge reports whether s[start:end] begins and ends at word boundaries.
func wordEdge(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// outletSecrets are the outlet names of r's documents, in lower case,
// longest first, so "CAJ News Agency" is blacked out whole before "CAJ News".
func outletSecrets(r *provenance.Result) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range r.Documents {
		name := strings.ToLower(strings.TrimSpace(d.Meta.Outlet.Value))
		if utf8.RuneCountInString(name) < 2 || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, name)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// hiddenKindWords names a change without its direction: "hedge dropped"
// says which side came first, "hedge differs" does not.
func hiddenKindWords(k provenance.MutationKind) string {
	switch k {
	case provenance.MutationQuote:
		return "quote differs"
	case provenance.MutationNumber:
		return "number differs"
	case provenance.MutationName:
		return "name differs"
	case provenance.MutationAttribution:
		return "attribution differs"
	case provenance.MutationHedge:
		return "hedge differs"
	}
	return "wording differs"
}
