package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// fuzzOptions keeps fuzzing inputs cheap: small limits, short timeouts.
func fuzzOptions() Options {
	o := DefaultOptions()
	o.MaxDocBytes = 1 << 20
	o.MaxUnzipBytes = 4 << 20
	o.MaxHTMLElements = 20_000
	o.FileTimeout = 2 * time.Second
	return o
}

// checkExtracted holds for every successful extraction: valid UTF-8 text
// with LF line ends and spans inside the text.
func checkExtracted(t *testing.T, x extracted) {
	t.Helper()
	if !utf8.ValidString(x.text) && !strings.ContainsRune(x.text, utf8.RuneError) {
		t.Fatalf("invalid UTF-8 text %q", trunc(x.text))
	}
	if strings.Contains(x.text, "\r") {
		t.Fatalf("CR left in text")
	}
	for _, s := range x.skip {
		if s.Start < 0 || s.End > len(x.text) || s.Start > s.End {
			t.Fatalf("span %v outside text of %d bytes", s, len(x.text))
		}
	}
}

// countDir, when INGEST_FUZZ_COUNT_DIR is set, receives one byte per fuzz
// execution in a file per worker process: Go's fuzzer under-reports
// executions of slow targets (golang/go#51484), so docs/ingest.md records
// these counts instead.
var countDir = os.Getenv("INGEST_FUZZ_COUNT_DIR")

// countExec records one execution when counting is on.
func countExec(name string) {
	if countDir == "" {
		return
	}
	f, err := os.OpenFile(filepath.Join(countDir, fmt.Sprintf("%s-%d", name, os.Getpid())), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		f.Write([]byte{'.'})
		f.Close()
	}
}

// fuzzReader fuzzes a format reader: no panic, and a clean extraction
// whenever it succeeds.
func fuzzReader(name string, read func(context.Context, []byte, Options) (extracted, error)) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		countExec(name)
		x, err := read(context.Background(), data, fuzzOptions())
		if err == nil {
			checkExtracted(t, x)
		}
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("plain text\r\nline two"))
	f.Add([]byte("\xef\xbb\xbfBOM text"))
	f.Add(utf16Bytes("utf-16 text", false, true))
	f.Add(utf16Bytes("utf-16 text", true, false))
	f.Add([]byte("caf\xe9 \x93q\x94"))
	f.Add([]byte{0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		countExec("FuzzDecodeText")
		text, enc, err := decodeText(data)
		if err != nil {
			return
		}
		if enc == "" || strings.Contains(text, "\r") {
			t.Fatalf("enc %q text %q", enc, text)
		}
		if enc == encUTF8 && text != strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n") {
			t.Fatalf("UTF-8 text does not map to the input")
		}
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(articlePage(`<title>T – Example Times</title><meta property="og:site_name" content="X">`, 1)))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","author":[{"name":"A"}]}]}</script><p>x</p>`))
	f.Add([]byte(strings.Repeat("<div>", 600)))
	f.Add([]byte(`<meta charset="windows-1252"><p>caf` + "\xe9</p>"))
	f.Fuzz(fuzzReader("FuzzExtractHTML", readers["html"]))
}

func FuzzPDF(f *testing.F) {
	good := makePDF([]string{"Hello (world)", "line two"}, map[string]string{"Title": "T", "CreationDate": "D:20240102"})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(makePDF(nil, nil))
	f.Add([]byte("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(fuzzReader("FuzzPDF", extractPDF))
}

func FuzzDOCX(f *testing.F) {
	good := makeDOCX(f, []string{"First & second", "Third"}, map[string]string{"dc:title": "T", "dcterms:created": "2024-01-02"})
	f.Add(good)
	f.Add(good[:len(good)-20])
	f.Add(makeZipBomb(f, 1<<20, true))
	f.Fuzz(fuzzReader("FuzzDOCX", extractDOCX))
}

func FuzzEML(f *testing.F) {
	f.Add([]byte("Subject: =?UTF-8?B?SGVsbG8=?=\r\nFrom: A <a@b.c>\r\nDate: Tue, 5 Mar 2024 09:30:00 +0100\r\n\r\nBody text\r\n"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+aGk8L3A+\r\n--B--\r\n"))
	f.Fuzz(fuzzReader("FuzzEML", extractEML))
}

func FuzzFrontMatter(f *testing.F) {
	f.Add("---\ntitle: T\ndate: 2024-01-02\n---\nBody")
	f.Add("---\r\ntitle: T\r\n...\r\n")
	f.Add("---\npublished: D:20240102030405+02'00'\n---\n")
	f.Add("---")
	f.Fuzz(func(t *testing.T, text string) {
		countExec("FuzzFrontMatter")
		m, end := frontMatter(text, dates.Unset)
		if end < 0 || end > len(text) || (end > 0 && !strings.HasPrefix(text, "---")) {
			t.Fatalf("end %d for %d bytes", end, len(text))
		}
		if m.Published.Known() {
			if _, ok := m.PublishedTime(); !ok {
				t.Fatalf("published %q does not parse", m.Published.Value)
			}
		}
	})
}

func FuzzSidecar(f *testing.F) {
	f.Add([]byte("file,title,outlet,author,published,url\na.txt,T,O,A,2024-01-02,https://x\n"))
	f.Add([]byte("a.txt,\"quoted, title\",O\n\"unterminated\n"))
	f.Add([]byte("\ufefffile;title\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		countExec("FuzzSidecar")
		rows, _, _ := parseSidecar(bytes.NewReader(data), dates.Unset)
		for k, m := range rows {
			if k == "" || strings.Contains(k, `\`) {
				t.Fatalf("bad key %q", k)
			}
			if m.Published.Known() {
				if _, ok := m.PublishedTime(); !ok {
					t.Fatalf("published %q does not parse", m.Published.Value)
				}
			}
		}
	})
}

// FuzzDocumentSpans checks inference and boilerplate on any text: spans
// lie inside the text, in order, without overlap.
func FuzzDocumentSpans(f *testing.F) {
	f.Add("Headline – Example News\n\nBAMAKO, (CAJ News) – Text.\nLeave a Reply\nShare\n")
	f.Add("---\ntitle: x\n---\nSubscribe to The Daily\nComments\n")
	f.Add("Center for Civilians in Conflict (CIVIC) says.\nFor more information contact: a@civic.example\n")
	f.Add("from ANA REPORTER in Lagos\nLagos Bureau\nLAGOS, (Example Wire) – THE ferry operator raised fares by a third on Friday, Dr. Ann Writer of the U.S. board said, blaming fuel and crews. More.\n")
	f.Fuzz(func(t *testing.T, text string) {
		countExec("FuzzDocumentSpans")
		d := FromText(text, provenance.Metadata{})
		if ti := d.Meta.Title; strings.Contains(ti.Detail, "first sentence") && (utf8.RuneCountInString(ti.Value) > titleMax || (utf8.ValidString(text) && !utf8.ValidString(ti.Value))) {
			t.Fatalf("title %q from the first sentence: over %d characters or not UTF-8", ti.Value, titleMax)
		}
		prev := 0
		for _, s := range d.Boilerplate {
			if s.Start < prev || s.End > len(d.Text) || s.Start >= s.End {
				t.Fatalf("boilerplate %v in %d bytes (prev end %d)", d.Boilerplate, len(d.Text), prev)
			}
			prev = s.End
		}
	})
}
