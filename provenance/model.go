// Package provenance holds Copytrail's data model: documents with their
// metadata and where each field came from, the passages two documents share,
// pair summaries, directed links with their evidence, reuse families and
// mutations. The stages that compute them live in sub-packages (ingest, text,
// align, lineage, scan, store, export); this package imports none of them
// (only provenance/dates, the leaf that reads dates) and no UI toolkit, so every stage and every front end can share these values.
//
// All spans are byte offsets into Document.Text.
package provenance

import (
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance/dates"
)

// Origin says where a metadata value came from, so the UI can show it.
type Origin string

// Metadata origins, from most to least trustworthy.
const (
	OriginNone        Origin = ""
	OriginUser        Origin = "user"         // typed by the user in the app
	OriginSidecar     Origin = "sidecar"      // metadata.csv beside the file
	OriginFrontMatter Origin = "front-matter" // --- key: value --- block at the top of .txt/.md
	OriginMeta        Origin = "meta"         // HTML <meta> tag (og:site_name, article:published_time, ...)
	OriginJSONLD      Origin = "json-ld"      // HTML JSON-LD NewsArticle
	OriginProperties  Origin = "properties"   // PDF/DOCX document properties, e-mail headers
	OriginHTTP        Origin = "http"         // URL fetch: the address itself, Last-Modified, ...
	OriginFile        Origin = "file"         // the file name or the document's own title element
	OriginInferred    Origin = "inferred"     // read from the text (dateline, sign-off line); may be wrong
	// OriginArchive is a field of an archive record: a JSON-lines key, a
	// CSV column, a WARC record's target URI.
	OriginArchive Origin = "archive"
	// OriginCapture is when a web archive captured the page (WARC-Date),
	// used when the page gives no date: it was published then or earlier.
	OriginCapture Origin = "capture"
)

// Field is one metadata value with its origin. An empty Value means unknown.
type Field struct {
	Value  string `json:"value"`
	Origin Origin `json:"origin,omitempty"`
	// Detail says more about the origin, e.g. "dateline 'BAMAKO, (CAJ News) –'".
	Detail string `json:"detail,omitempty"`
}

// Known reports whether the field has a value.
func (f Field) Known() bool { return strings.TrimSpace(f.Value) != "" }

// Metadata describes a document. Published is RFC 3339 (a date-time, or a
// date alone as "2006-01-02") or empty: a date is never invented.
type Metadata struct {
	Title     Field `json:"title"`
	Outlet    Field `json:"outlet"`
	Author    Field `json:"author"`
	Published Field `json:"published"`
	URL       Field `json:"url"`
	// Role is what the outlet does (a Role value: "wire", "press-office",
	// "aggregator", "newspaper", "blog"), empty when unknown. It is
	// evidence of direction: press offices and wires are where text starts.
	Role Field `json:"role"`
}

// MetaField names one metadata field and reaches it in a Metadata.
type MetaField struct {
	Name  string // lower case, as in metadata.csv and the workspace: "title", "role"
	Label string // for people: "Title", "Role"
	Get   func(*Metadata) *Field
}

// MetaFields lists the metadata fields in their usual order. Code that
// reads, stores or shows every field walks this list.
var MetaFields = []MetaField{
	{"title", "Title", func(m *Metadata) *Field { return &m.Title }},
	{"outlet", "Outlet", func(m *Metadata) *Field { return &m.Outlet }},
	{"author", "Author", func(m *Metadata) *Field { return &m.Author }},
	{"published", "Published", func(m *Metadata) *Field { return &m.Published }},
	{"url", "URL", func(m *Metadata) *Field { return &m.URL }},
	{"role", "Role", func(m *Metadata) *Field { return &m.Role }},
}

// Named returns the field called name (a MetaField name), nil for none.
func (m *Metadata) Named(name string) *Field {
	for _, f := range MetaFields {
		if f.Name == name {
			return f.Get(m)
		}
	}
	return nil
}

// PublishedTime parses Published. ok is false when it is unknown or
// unreadable. Values are stored as RFC 3339 or a day; a value stored in
// another form (a workspace saved before every entry went through
// dates.Parse) is read by dates.Parse, so it counts wherever it shows.
func (m Metadata) PublishedTime() (t time.Time, ok bool) {
	v := strings.TrimSpace(m.Published.Value)
	if v == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	if norm, err := dates.Parse(v, dates.Unset); err == nil && norm != "" && norm != v {
		return Metadata{Published: Field{Value: norm}}.PublishedTime()
	}
	return time.Time{}, false
}

// Span is a half-open byte range [Start, End) in a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Document is one article, press release or pasted text, as ingested.
type Document struct {
	// ID is stable for the same source (a short hash of its path or URL).
	ID string `json:"id"`
	// Path is the file path, URL, or "paste:<title>" of pasted text.
	Path string `json:"path"`
	// Format is the reader that produced the text: txt, md, html, pdf, docx, eml, url, paste.
	Format string `json:"format"`
	// Text is the extracted text (UTF-8, NFC not applied, LF line ends).
	// For a UTF-8 .txt file it is the file content minus BOM and front matter
	// is kept, so offsets map to the file (CRLF made LF).
	Text string   `json:"-"`
	Meta Metadata `json:"meta"`
	// Boilerplate marks site chrome (share bars, newsletter prompts, comment
	// headers): kept in Text, ignored by matching, greyed in the UI.
	Boilerplate []Span `json:"boilerplate,omitempty"`
	// Skip marks spans that are not article text at all (front matter):
	// ignored by matching and hidden or greyed in the UI.
	Skip []Span `json:"skip,omitempty"`
	// Words is the number of word tokens in Text outside Boilerplate and Skip.
	Words int `json:"words"`
	// ContentHash is a hash of the normalised text, used to recognise duplicates.
	ContentHash string `json:"content_hash,omitempty"`
}

// Label is a short human name: the title, else the file name.
func (d *Document) Label() string {
	if d.Meta.Title.Known() {
		return d.Meta.Title.Value
	}
	p := d.Path
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		p = p[i+1:]
	}
	return p
}

// FileError is a per-file problem: the file is skipped, the rest goes on.
type FileError struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (e FileError) Error() string { return e.Path + ": " + e.Reason }

// Duplicate records a document that is the same text as another (the same
// file added twice, or two files with identical text). Duplicates are
// reported, not analysed as copies of each other.
type Duplicate struct {
	Doc      string `json:"doc"`      // the later document, left out of matching
	Original string `json:"original"` // the document it duplicates
	Reason   string `json:"reason"`   // "same file" or "identical text"
}

// DiffOp is one run of a word-level diff from side A to side B.
type DiffOp struct {
	Op   string `json:"op"` // "=" in both, "-" only in A, "+" only in B
	Text string `json:"text"`
}

// Diff operations.
const (
	OpEqual  = "="
	OpDelete = "-"
	OpInsert = "+"
)

// Passage is a stretch of text two documents share, verbatim or edited.
type Passage struct {
	A      string `json:"a"` // document IDs
	B      string `json:"b"`
	AStart int    `json:"a_start"`
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	// Words is the number of words in the longer side.
	Words int `json:"words"`
	// Similarity is matched words / words, 0..1.
	Similarity float64 `json:"similarity"`
	// Incidental passages (a name, a stock phrase, collection-wide common
	// n-grams) are reported but never count as evidence of copying.
	Incidental       bool     `json:"incidental"`
	IncidentalReason string   `json:"incidental_reason,omitempty"`
	Diff             []DiffOp `json:"diff"`
}

// ASpan and BSpan return the passage's two spans.
func (p Passage) ASpan() Span { return Span{p.AStart, p.AEnd} }

// BSpan returns the passage's span in document B.
func (p Passage) BSpan() Span { return Span{p.BStart, p.BEnd} }

// Pair summarises what two documents share.
type Pair struct {
	A string `json:"a"`
	B string `json:"b"`
	// ACoverage is the share of A's words inside passages shared with B.
	ACoverage float64 `json:"a_coverage"`
	BCoverage float64 `json:"b_coverage"`
	// SharedWords counts words of A inside non-incidental shared passages.
	SharedWords    int `json:"shared_words"`
	LongestPassage int `json:"longest_passage"`
	// Passages indexes Result.Passages.
	Passages []int `json:"passages,omitempty"`
}

// LinkKind says what kind of relation a link claims.
type LinkKind string

// Link kinds.
const (
	LinkCopy         LinkKind = "copy"          // Target reused Source
	LinkCommonSource LinkKind = "common-source" // both took from a text not in the collection
	LinkUnknown      LinkKind = "unknown"       // shared text, direction not decidable
)

// Link is a claim about two documents, always with its evidence.
type Link struct {
	Source     string   `json:"source"` // where the text came from
	Target     string   `json:"target"` // the document that reused it
	Kind       LinkKind `json:"kind"`
	Confidence float64  `json:"confidence"`
	Reasons    []string `json:"reasons"`
	// Passages indexes Result.Passages: the evidence.
	Passages []int `json:"passages,omitempty"`
	// ToDecide, on a link whose direction is undecided (kind unknown), says
	// in plain words what would decide it, one clue a line: "no publication
	// dates: add them in the library", "no press-release or credit markers".
	ToDecide []string `json:"to_decide,omitempty"`
	// CommonSource, on a common-source link that names where both texts
	// took their text from (a text that is not in the collection), is that
	// source as the first reason names it: "Associated Press", "Oxfam
	// International’s press release", "a statement by Kruse".
	CommonSource string `json:"common_source,omitempty"`
}

// FamilyMember is one document's copy of a family's text.
type FamilyMember struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// FamilyEdge is one step of a family's propagation graph (a DAG).
type FamilyEdge struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// Family is one piece of text living in several documents.
type Family struct {
	ID      string         `json:"id"`
	Members []FamilyMember `json:"members"`
	// Origin is the earliest witness (a document ID), "" when undecidable.
	Origin string       `json:"origin"`
	Edges  []FamilyEdge `json:"edges"`
	// Words is the length of the family's text in its origin (or longest member).
	Words int `json:"words"`
	// Snippet is a short excerpt for lists.
	Snippet string `json:"snippet,omitempty"`
}

// MutationKind names a substantive change made on the way.
type MutationKind string

// Mutation kinds.
const (
	MutationQuote       MutationKind = "quote-altered"       // words changed inside quotation marks
	MutationNumber      MutationKind = "number-changed"      // a number, amount or date changed
	MutationName        MutationKind = "name-changed"        // a person or organisation changed
	MutationAttribution MutationKind = "attribution-changed" // quote given to another speaker, or attribution dropped
	MutationHedge       MutationKind = "hedge-dropped"       // "may cause" -> "will cause"
)

// Words names the kind in plain words for people: "quote altered",
// "number changed", … (the kind with its hyphens made spaces).
func (k MutationKind) Words() string { return strings.ReplaceAll(string(k), "-", " ") }

// Mutation is one substantive change, with both spans.
type Mutation struct {
	Kind        MutationKind `json:"kind"`
	Source      string       `json:"source"`
	Target      string       `json:"target"`
	SourceText  string       `json:"source_text"`
	TargetText  string       `json:"target_text"`
	SourceStart int          `json:"source_start"`
	SourceEnd   int          `json:"source_end"`
	TargetStart int          `json:"target_start"`
	TargetEnd   int          `json:"target_end"`
	Passage     int          `json:"passage"` // index into Result.Passages
	Explanation string       `json:"explanation,omitempty"`
}

// OutletEdge aggregates document links by outlet.
type OutletEdge struct {
	Source     string  `json:"source"` // outlet names ("" outlets are grouped as "unknown outlet")
	Target     string  `json:"target"`
	Passages   int     `json:"passages"`
	Words      int     `json:"words"`
	Articles   int     `json:"articles"`   // document links aggregated
	Confidence float64 `json:"confidence"` // highest link confidence
}

// Result is a finished analysis.
type Result struct {
	Version     int          `json:"version"`
	Settings    Settings     `json:"settings"`
	Documents   []Document   `json:"documents"`
	Passages    []Passage    `json:"passages"`
	Pairs       []Pair       `json:"pairs"`
	Links       []Link       `json:"links"`
	Families    []Family     `json:"families"`
	Mutations   []Mutation   `json:"mutations"`
	OutletEdges []OutletEdge `json:"outlet_edges"`
	Duplicates  []Duplicate  `json:"duplicates"`
	Errors      []FileError  `json:"errors"`
}

// ContractVersion is the version of the `copytrail scan --json` contract.
const ContractVersion = 1

// CarryWords gives each of docs the word count the analysis r found in the
// same document (same ID and text): the library shows it, and a workspace
// whose library and result agree stores each text once, not twice.
func (r *Result) CarryWords(docs []Document) {
	doc := r.DocFinder()
	for i := range docs {
		if d := doc(docs[i].ID); d != nil && d.Text == docs[i].Text {
			docs[i].Words = d.Words
		}
	}
}

// DocFinder is Doc by an index made once, for a loop over many IDs (Doc
// scans the documents: once per link of a large collection is quadratic).
// The documents must not change while it is used.
func (r *Result) DocFinder() func(id string) *Document {
	at := make(map[string]int, len(r.Documents))
	for i := len(r.Documents) - 1; i >= 0; i-- {
		at[r.Documents[i].ID] = i // the first of an ID, as Doc finds it
	}
	return func(id string) *Document {
		if i, ok := at[id]; ok {
			return &r.Documents[i]
		}
		return nil
	}
}

// Doc returns the document with the given ID, or nil.
func (r *Result) Doc(id string) *Document {
	for i := range r.Documents {
		if r.Documents[i].ID == id {
			return &r.Documents[i]
		}
	}
	return nil
}

// DocIndex maps document IDs to their index in Documents.
func (r *Result) DocIndex() map[string]int {
	m := make(map[string]int, len(r.Documents))
	for i, d := range r.Documents {
		m[d.ID] = i
	}
	return m
}

// SharedCounts is what two documents share, counted one way for every
// screen, the report and the exports (Result.Shared).
type SharedCounts struct {
	// Passages is every passage between the two, incidental ones too: the
	// comparison shows and numbers them all.
	Passages int
	// Incidental is how many of those are incidental (names, stock
	// phrases): shown, never evidence.
	Incidental int
	// Words is the pair's SharedWords: the words inside the passages that
	// are evidence.
	Words int
}

// Evidence is the number of passages that count as evidence.
func (c SharedCounts) Evidence() int { return c.Passages - c.Incidental }

// Shared counts what documents a and b share (in either order); zero when
// they share nothing.
func (r *Result) Shared(a, b string) SharedCounts {
	p := r.PairOf(a, b)
	if p == nil {
		return SharedCounts{}
	}
	c := SharedCounts{Words: p.SharedWords}
	idx := p.Passages
	if len(idx) == 0 { // a pair saved without its passage list
		for i, q := range r.Passages {
			if q.A == a && q.B == b || q.A == b && q.B == a {
				idx = append(idx, i)
			}
		}
	}
	for _, i := range idx {
		if i >= 0 && i < len(r.Passages) {
			c.Passages++
			if r.Passages[i].Incidental {
				c.Incidental++
			}
		}
	}
	return c
}

// PassageCounts counts every passage of the result and the incidental ones.
func (r *Result) PassageCounts() (all, incidental int) {
	for _, p := range r.Passages {
		if p.Incidental {
			incidental++
		}
	}
	return len(r.Passages), incidental
}

// PairOf returns the pair summary for two documents in either order, or nil.
func (r *Result) PairOf(a, b string) *Pair {
	for i := range r.Pairs {
		p := &r.Pairs[i]
		if (p.A == a && p.B == b) || (p.A == b && p.B == a) {
			return p
		}
	}
	return nil
}
