// Package archivetest writes archive fixtures for tests and benchmarks: JSON
// lines, CSV/TSV, WARC (plain and gzipped per record) and zip files, filled
// with articles from Copytrail's own text generator (never real article
// text), plus the hostile variants the readers must survive: a WARC record
// whose Content-Length lies, truncated gzip, zip bombs.
package archivetest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance/gen"
)

// Record is one generated article with its metadata.
type Record struct {
	ID, Title, Outlet, Author, Published, URL, Text string
}

// outlets are the made-up outlets the records are spread over.
var outlets = []string{"Harbour Gazette", "Valley Post", "Example Wire", "Coastal Times", "Ridge Herald"}

// Records makes n articles of about words words each, deterministic in
// seed: IDs a000000, a000001, …, dated one hour apart from 2024-03-01.
func Records(n, words int, seed uint64) []Record {
	docs := gen.Corpus(n, words, seed)
	out := make([]Record, n)
	t0 := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	for i, d := range docs {
		title, body, _ := strings.Cut(d.Text, "\n\n")
		out[i] = Record{
			ID:        fmt.Sprintf("a%06d", i),
			Title:     title,
			Outlet:    outlets[i%len(outlets)],
			Author:    fmt.Sprintf("Writer %d", i%37),
			Published: t0.Add(time.Duration(i) * time.Hour).Format(time.RFC3339),
			URL:       fmt.Sprintf("https://news%d.example/story/%06d", i%len(outlets), i),
			Text:      body,
		}
	}
	return out
}

// JSONLine is one record as a JSON object on one line (with its newline).
func JSONLine(r Record) []byte {
	b, err := json.Marshal(map[string]string{"id": r.ID, "title": r.Title, "outlet": r.Outlet,
		"author": r.Author, "published": r.Published, "url": r.URL, "text": r.Text})
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// JSONL writes records as JSON lines.
func JSONL(w io.Writer, recs []Record) error {
	for _, r := range recs {
		if _, err := w.Write(JSONLine(r)); err != nil {
			return err
		}
	}
	return nil
}

// CSV writes records with a header (id, title, outlet, author, published,
// url, text); comma is ',' or '\t'.
func CSV(w io.Writer, recs []Record, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	cw.Write([]string{"id", "title", "outlet", "author", "published", "url", "text"})
	for _, r := range recs {
		cw.Write([]string{r.ID, r.Title, r.Outlet, r.Author, r.Published, r.URL, r.Text})
	}
	cw.Flush()
	return cw.Error()
}

// Page is a record as a news page: meta tags, navigation and a share bar
// around an <article> of its paragraphs.
func Page(r Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s – %s</title>\n", html.EscapeString(r.Title), html.EscapeString(r.Outlet))
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n", html.EscapeString(r.Outlet))
	fmt.Fprintf(&b, "<meta property=\"og:title\" content=\"%s\">\n", html.EscapeString(r.Title))
	if r.Published != "" {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", r.Published)
	}
	b.WriteString("</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article>")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(r.Title))
	for _, p := range strings.Split(r.Text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString("</article><footer>Share this · Subscribe</footer></body></html>\n")
	return b.String()
}

// WARCRecord is one record to write. A zero Status means 200; Type
// defaults to "response" (an HTTP response carrying Body as ContentType).
type WARCRecord struct {
	Type        string // response, request, resource, warcinfo, metadata
	TargetURI   string
	Date        string // WARC-Date; default 2024-05-01T10:00:00Z
	ID          string // WARC-Record-ID; default urn:uuid made from the index
	ContentType string // the page's Content-Type; default text/html; charset=utf-8
	Status      int
	Body        []byte
	// LengthDelta is added to the true Content-Length: a lie.
	LengthDelta int
}

// PageRecord is a response record holding r as a page.
func PageRecord(r Record) WARCRecord {
	return WARCRecord{TargetURI: r.URL, Body: []byte(Page(r))}
}

// WARCBytes renders one record (index i names its default ID).
func WARCBytes(i int, rec WARCRecord) []byte {
	typ := rec.Type
	if typ == "" {
		typ = "response"
	}
	date := rec.Date
	if date == "" {
		date = "2024-05-01T10:00:00Z"
	}
	id := rec.ID
	if id == "" {
		id = fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i)
	}
	var block []byte
	ctype := "application/http;msgtype=" + typ
	switch typ {
	case "response":
		status := rec.Status
		if status == 0 {
			status = 200
		}
		ct := rec.ContentType
		if ct == "" {
			ct = "text/html; charset=utf-8"
		}
		block = fmt.Appendf(nil, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", status, statusText(status), ct, len(rec.Body))
		block = append(block, rec.Body...)
	case "request":
		block = fmt.Appendf(nil, "GET / HTTP/1.1\r\nHost: example\r\n\r\n")
	case "resource":
		ctype = rec.ContentType
		block = rec.Body
	default:
		ctype = "application/warc-fields"
		block = rec.Body
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\nWARC-Date: %s\r\n", typ, id, date)
	if rec.TargetURI != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", rec.TargetURI)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block)+rec.LengthDelta)
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}

// WARC writes records, each as its own gzip member when gz is set (as
// crawlers write .warc.gz).
func WARC(w io.Writer, recs []WARCRecord, gz bool) error {
	for i, r := range recs {
		data := WARCBytes(i, r)
		if gz {
			zw := gzip.NewWriter(w)
			if _, err := zw.Write(data); err != nil {
				return err
			}
			if err := zw.Close(); err != nil {
				return err
			}
			continue
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return nil
}

// Gzip compresses data as one gzip stream.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// Entry is one file of a zip.
type Entry struct {
	Name string
	Data []byte
}

// Zip builds a zip of entries, deflated, in order.
func Zip(entries []Entry) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := zw.Create(e.Name)
		if err != nil {
			panic(err)
		}
		w.Write(e.Data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// ZipBomb builds a zip whose one entry (named name) inflates to expand
// bytes of "a". When lie is set its header declares 1,000 bytes, so only
// a streaming limit catches it. The deflate stream is one compressed 1 MiB
// block repeated, so a large bomb costs one 1 MiB compression.
func ZipBomb(name string, expand int64, lie bool) []byte {
	block := func(data []byte, final bool) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestCompression)
		fw.Write(data)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	chunk := block(bytes.Repeat([]byte("a"), 1<<20), false)
	var compressed bytes.Buffer
	for n := int64(0); n < expand; n += 1 << 20 {
		compressed.Write(chunk)
	}
	compressed.Write(block(nil, true))
	size := uint64(expand)
	if lie {
		size = 1000
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CompressedSize64: uint64(compressed.Len()), UncompressedSize64: size})
	if err != nil {
		panic(err)
	}
	w.Write(compressed.Bytes())
	zw.Close()
	return b.Bytes()
}
