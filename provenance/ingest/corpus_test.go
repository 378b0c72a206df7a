package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWriteFuzzCorpus writes the seed corpora in testdata/fuzz from the
// same generators the tests use, in Go's corpus format (quoted text, so
// every file can be read). Run with INGEST_WRITE_CORPUS=1 to refresh them;
// `go test` then runs every file as a regression case of its target.
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("INGEST_WRITE_CORPUS") == "" {
		t.Skip("set INGEST_WRITE_CORPUS=1 to rewrite testdata/fuzz")
	}
	good := makeDOCX(t, []string{"A paragraph in Word."}, map[string]string{"dc:title": "T"})
	pdf := makePDF([]string{"A press release with a text layer."}, map[string]string{"Title": "T"})
	corpus := map[string]map[string][]byte{
		"FuzzDecodeText": {
			"nul":            make([]byte, 64),
			"cp1252":         []byte("Caf\xe9 \x93owners\x94 met.\r\n"),
			"utf16le-nobom":  utf16Bytes("Plain words.\n", false, false),
			"utf16-zh-nobom": utf16Bytes("湖水不安全\n该组织周二表示\n", false, false),
			"utf16be-bom":    utf16Bytes("المياه غير آمنة\n", true, true),
			"ascii-with-nul": []byte("Looks like text\x00but is not.\n"),
		},
		"FuzzExtractHTML": {
			"deep-600":     []byte(strings.Repeat("<div>", 600) + "x"),
			"unclosed-b":   []byte(strings.Repeat("<b>", 600)),
			"scripts":      []byte(articlePage(`<script type="application/ld+json">[{"@type":"NewsArticle","publisher":{"name":"P"}}]</script>`, 1)),
			"only-scripts": []byte("<html><script>var secret = 1;</script><style>p{}</style></html>"),
			"cp1252-meta":  []byte(`<meta charset="windows-1252"><p>Caf` + "\xe9</p>"),
		},
		"FuzzPDF": {
			"truncated": pdf[:len(pdf)/2],
			"scanned":   makePDF(nil, nil),
			"garbage":   append([]byte("%PDF-1.4\n"), randomBytes(200)...),
		},
		"FuzzDOCX": {
			"truncated":   good[:len(good)/2],
			"bomb-lie-1m": makeZipBomb(t, 1<<20, true),
			"not-word":    zipOf(t, "readme.txt", "hi"),
		},
		"FuzzEML": {
			"cut-multipart": []byte("Subject: x\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhalf a mess"),
			"nested":        []byte("Content-Type: multipart/mixed; boundary=A\r\n\r\n--A\r\nContent-Type: multipart/alternative; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9\r\n--B--\r\n--A--\r\n"),
		},
	}
	strs := map[string]map[string]string{
		"FuzzFrontMatter": {
			"crlf-unclosed": "---\r\ntitle: T\r\n",
			"dots-close":    "---\ntitle: T\n...\nBody",
			"pdf-date":      "---\npublished: D:20240102030405+02'00'\n---\n",
			"bad-date":      "---\ndate: last Friday\n---\nx",
		},
		"FuzzDocumentSpans": {
			"chrome-only": "Leave a Reply\nShare\nWhatsApp\n",
			"dateline":    "LAGOS, (Example Wire) – Fares went up.\n",
			"release":     "The Ferry Riders Union (FRU) said.\nFor more information contact: press@fru.example\n",
		},
	}
	write := func(target, name, line string) {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("go test fuzz v1\n"+line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for target, seeds := range corpus {
		for name, data := range seeds {
			write(target, name, fmt.Sprintf("[]byte(%s)", strconv.Quote(string(data))))
		}
	}
	for target, seeds := range strs {
		for name, s := range seeds {
			write(target, name, fmt.Sprintf("string(%s)", strconv.Quote(s)))
		}
	}
	sidecars := map[string]string{
		"bare-quote":  "file,title\na.txt,\"unterminated\n",
		"no-header":   "a.txt,T,O,A,2024-01-02,https://x\n",
		"bom-header":  "\ufefffile,outlet\nsub\\a.txt,O\n",
		"blank-files": ",T\n\n,,,\n",
	}
	for name, s := range sidecars {
		write("FuzzSidecar", name, fmt.Sprintf("[]byte(%s)", strconv.Quote(s)))
	}
}
