// Package ingest turns the files users have — plain text, Markdown, saved
// web pages, PDF, DOCX, e-mail, and archives of many articles (JSON lines,
// CSV and TSV, WARC web archives, zip files) — and web addresses into provenance.Document
// values: UTF-8 text with LF line ends, metadata with the origin of every
// field, boilerplate and skip spans, and a content hash for duplicates.
//
// Every problem with one file becomes a provenance.FileError naming the file
// and the reason; the other files still load and nothing panics. Memory is
// bounded by Options: files over a size are refused before they are read,
// and a document's text is capped (MaxDocBytes, 4 MiB by default: a longer
// text is refused with a clear error, never silently cut, so offsets always
// mean the whole file).
package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// Options bound what ingestion reads. A zero field takes its default.
type Options struct {
	// MaxDocBytes caps the text of one document (default 4 MiB). A longer
	// text is refused with an error naming the size and the limit.
	MaxDocBytes int
	// MaxFileBytes caps the size of a file read (default 64 MiB); larger
	// files are refused from their size alone, before reading. Text files
	// (.txt, .md) are also refused above twice MaxDocBytes.
	MaxFileBytes int64
	// MaxUnzipBytes caps the uncompressed bytes read from one part of a
	// DOCX (default 64 MiB): a zip bomb is refused, not expanded.
	MaxUnzipBytes int64
	// MaxHTMLDepth caps element nesting in HTML (default 512); deeper
	// pages are refused before they are parsed into a tree.
	MaxHTMLDepth int
	// MaxHTMLElements caps the elements of a page (default 200,000).
	MaxHTMLElements int
	// URLTimeout bounds a whole URL fetch (default 20 s).
	URLTimeout time.Duration
	// URLMaxBytes caps a fetched page (default 8 MiB).
	URLMaxBytes int64
	// MaxRedirects bounds redirects followed by FetchURL (default 5).
	MaxRedirects int
	// HTTPClient fetches URLs; nil means a new client. Its Timeout and
	// CheckRedirect are replaced by the limits above for each fetch.
	HTTPClient *http.Client
	// Workers reads files in parallel (default: the number of CPUs).
	Workers int
	// FileTimeout bounds the parsing of one PDF (default 60 s), whose
	// reader can loop on hostile files.
	FileTimeout time.Duration
	// DateOrder reads numeric dates that could be day or month first
	// (01/06/2021) in metadata.csv, front matter and meta tags. Unset (the
	// default) refuses them with both readings named.
	DateOrder dates.Order
	// MaxArchiveUnzipBytes caps the bytes uncompressed from all the
	// entries of one zip archive together (default 16 GiB), so a zip
	// bomb made of many entries is refused too.
	MaxArchiveUnzipBytes int64
	// Skip, when set, is asked for each document ID before the document is
	// read; documents it reports are passed over (resuming an import).
	Skip func(id string) bool
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		MaxDocBytes:     4 << 20,
		MaxFileBytes:    64 << 20,
		MaxUnzipBytes:   64 << 20,
		MaxHTMLDepth:    512,
		MaxHTMLElements: 200_000,
		URLTimeout:      20 * time.Second,
		URLMaxBytes:     8 << 20,
		MaxRedirects:    5,
		Workers:         runtime.NumCPU(),
		FileTimeout:     60 * time.Second,

		MaxArchiveUnzipBytes: 16 << 30,
	}
}

// withDefaults fills the zero (or negative) fields of o.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	orDefault(&o.MaxDocBytes, d.MaxDocBytes)
	orDefault(&o.MaxFileBytes, d.MaxFileBytes)
	orDefault(&o.MaxUnzipBytes, d.MaxUnzipBytes)
	orDefault(&o.MaxHTMLDepth, d.MaxHTMLDepth)
	orDefault(&o.MaxHTMLElements, d.MaxHTMLElements)
	orDefault(&o.URLTimeout, d.URLTimeout)
	orDefault(&o.URLMaxBytes, d.URLMaxBytes)
	orDefault(&o.MaxRedirects, d.MaxRedirects)
	orDefault(&o.Workers, d.Workers)
	orDefault(&o.FileTimeout, d.FileTimeout)
	orDefault(&o.MaxArchiveUnzipBytes, d.MaxArchiveUnzipBytes)
	return o
}

// orDefault sets *v to def when it is zero or negative.
func orDefault[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// extracted is what a format reader returns: the text and the metadata the
// file itself carries (front matter, meta tags, document properties).
type extracted struct {
	text string
	meta provenance.Metadata
	// titleElement is a title from the file's own title element (HTML
	// <title>), used below the metadata sources and above inference.
	titleElement string
	// heading is the page's first <h1>, the title when no source above
	// gives one (readability often leaves it out of the text).
	heading string
	skip    []provenance.Span
}

// DocID is the stable short ID of a source: 12 hex digits of the SHA-256 of
// its path or URL.
func DocID(source string) string {
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:6])
}

// ContentHash hashes the text outside skip (sorted, not overlapping), normalised (NFC, whitespace
// runs made one space, trimmed), so that the same article saved twice
// hashes the same.
func ContentHash(text string, skip []provenance.Span) string {
	kept := outside(text, skip)
	if utf8.ValidString(kept) && norm.NFC.IsNormalString(kept) {
		return normalContentHash(kept)
	}
	return unicodeContentHash(kept)
}

// normalContentHash is ContentHash of valid UTF-8 already in NFC (nearly
// every text, ASCII ones included), which the NFC iterator would give back as it is: the same
// runes, whitespace runs made one space, hashed in one write.
func normalContentHash(text string) string {
	b := make([]byte, 0, len(text))
	space := false
	for i := 0; i < len(text); {
		n, isSpace := 1, false
		if c := text[i]; c < utf8.RuneSelf {
			isSpace = asciiSpace[c]
			for !isSpace && i+n < len(text) && text[i+n] < utf8.RuneSelf && !asciiSpace[text[i+n]] {
				n++ // a run of ASCII that is not space, appended at once
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, text[i:i+n]...) // valid UTF-8: the runes' own bytes
		}
		i += n
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// unicodeContentHash is ContentHash of any text, rune by rune through NFC.
func unicodeContentHash(kept string) string {
	h := sha256.New()
	var buf [utf8.UTFMax]byte
	space := false
	started := false
	var it norm.Iter
	it.InitString(norm.NFC, kept)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.IsSpace(r) {
				space = started
				continue
			}
			if space {
				h.Write([]byte{' '})
				space = false
			}
			started = true
			h.Write(buf[:utf8.EncodeRune(buf[:], r)])
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// build turns an extraction into a Document: metadata by precedence
// (sidecar > the file's own metadata > its title element > inference),
// boilerplate spans and the content hash. It refuses empty and
// over-long texts.
func build(path, format string, x extracted, sidecar provenance.Metadata, opts Options) (provenance.Document, error) {
	x.text = strings.ToValidUTF8(x.text, "\uFFFD")
	if len(x.text) > opts.MaxDocBytes {
		return provenance.Document{}, fmt.Errorf("text is %s, over the per-document limit of %s (MaxDocBytes)",
			sizeString(int64(len(x.text))), sizeString(int64(opts.MaxDocBytes)))
	}
	if strings.TrimSpace(outside(x.text, x.skip)) == "" {
		return provenance.Document{}, fmt.Errorf("no text to read")
	}
	d := provenance.Document{ID: DocID(path), Path: path, Format: format, Text: x.text, Skip: x.skip}
	d.Meta = sidecar
	mergeMeta(&d.Meta, x.meta)
	if t := strings.TrimSpace(x.titleElement); !d.Meta.Title.Known() && t != "" && !furnitureTitle(t) {
		d.Meta.Title = provenance.Field{Value: t, Origin: provenance.OriginFile, Detail: "title element"}
	}
	if !d.Meta.Title.Known() && x.heading != "" && !furnitureTitle(x.heading) {
		d.Meta.Title = provenance.Field{Value: x.heading, Origin: provenance.OriginFile, Detail: "first <h1> heading"}
	}
	completeDoc(&d)
	return d, nil
}

// completeDoc marks boilerplate, infers the outlet, title and author when
// no source gave them, and hashes the content.
func completeDoc(d *provenance.Document) {
	d.Boilerplate = boilerplateSpans(d.Text, d.Skip)
	if !d.Meta.Outlet.Known() {
		if f := inferOutlet(d.Text, d.Skip, d.Boilerplate); f.Known() {
			d.Meta.Outlet = f
		}
	}
	if !d.Meta.Title.Known() {
		if f := inferTitle(d.Text, d.Skip, d.Meta.Outlet.Value); f.Known() {
			d.Meta.Title = f
		}
	}
	if !d.Meta.Author.Known() {
		if f := inferAuthor(d.Text, d.Skip); f.Known() {
			d.Meta.Author = f
		}
	}
	// Site chrome does not count: the same article saved with another
	// comment count or share bar is still a duplicate.
	ignored := append(append([]provenance.Span(nil), d.Skip...), d.Boilerplate...)
	slices.SortFunc(ignored, func(a, b provenance.Span) int { return a.Start - b.Start })
	d.ContentHash = ContentHash(d.Text, ignored)
}

// outside returns text with the skip spans removed.
func outside(text string, skip []provenance.Span) string {
	if len(skip) == 0 {
		return text
	}
	var b strings.Builder
	pos := 0
	for _, s := range skip {
		if s.Start >= pos && s.End <= len(text) {
			b.WriteString(text[pos:s.Start])
			pos = s.End
		}
	}
	b.WriteString(text[pos:])
	return b.String()
}

// FromText makes a Document of pasted text. Fields of meta with a value
// and no origin are marked as typed by the user; the outlet and title are
// inferred from the text when meta lacks them. Its ID hashes the text, so
// the same paste gets the same ID.
func FromText(text string, meta provenance.Metadata) provenance.Document {
	text = strings.ToValidUTF8(normaliseNewlines(strings.TrimPrefix(text, "\ufeff")), "\uFFFD")
	for _, mf := range provenance.MetaFields {
		f := mf.Get(&meta)
		if f.Known() && f.Origin == provenance.OriginNone {
			f.Origin = provenance.OriginUser
		}
	}
	d := provenance.Document{Format: "paste", Text: text, Meta: meta}
	completeDoc(&d)
	d.Path = "paste:" + d.Label()
	if !d.Meta.Title.Known() {
		d.Path = "paste:" + d.ContentHash[:12]
	}
	d.ID = DocID("paste:" + d.ContentHash)
	return d
}

// sizeString prints a byte count for people: 512 B, 4.0 MiB, 200.0 MiB.
func sizeString(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
