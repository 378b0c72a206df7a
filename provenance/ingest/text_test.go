package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// writeFiles writes name → content into dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeText(t *testing.T) {
	const body = "Línea uno — “quoted”\nline two\n"
	cases := []struct {
		name     string
		in       []byte
		want     string
		encoding string
	}{
		{"utf-8", []byte(body), body, encUTF8},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, body...), body, encUTF8BOM},
		{"CRLF", []byte(strings.ReplaceAll(body, "\n", "\r\n")), body, encUTF8},
		{"lone CR", []byte(strings.ReplaceAll(body, "\n", "\r")), body, encUTF8},
		{"utf-16le BOM", utf16Bytes(body, false, true), body, encUTF16LE},
		{"utf-16be BOM", utf16Bytes(body, true, true), body, encUTF16BE},
		{"utf-16le no BOM", utf16Bytes("plain ascii words here\n", false, false), "plain ascii words here\n", encUTF16LE + " (no BOM)"},
		{"utf-16be no BOM", utf16Bytes("plain ascii words here\n", true, false), "plain ascii words here\n", encUTF16BE + " (no BOM)"},
		{"windows-1252", []byte("caf\xe9 \x93smart\x94 \x96 dash\n"), "café “smart” – dash\n", encWindows1252},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := decodeText(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want || enc != c.encoding {
				t.Errorf("got %q (%s), want %q (%s)", got, enc, c.want, c.encoding)
			}
		})
	}
	for _, bad := range [][]byte{{0, 1, 2, 3, 0xff, 0, 0x10}, []byte("text\x00with a NUL"), []byte("\x01\x02\x03\x04\x05\x06\x07\x08 ctrl")} {
		if _, _, err := decodeText(bad); err != errBinary {
			t.Errorf("decodeText(%q) err = %v, want errBinary", bad, err)
		}
	}
}

func TestFrontMatter(t *testing.T) {
	cases := []struct {
		name                    string
		text                    string
		title, outlet, pub, url string
		end                     int
	}{
		{"full", "---\ntitle: \"A Title\"\noutlet: Daily Example\nauthor: Ana Writer\npublished: 2024-03-05T10:00:00+01:00\nurl: https://example.org/a\n---\nBody.\n",
			"A Title", "Daily Example", "2024-03-05T10:00:00+01:00", "https://example.org/a", -1},
		{"aliases and date only", "---\nheadline: H\nsource: Wire\ndate: 5 March 2024\n---\nBody", "H", "Wire", "2024-03-05", "", -1},
		{"unclosed", "---\ntitle: Nope\nBody\n", "", "", "", "", 0},
		{"not at top", "\n---\ntitle: Nope\n---\n", "", "", "", "", 0},
		{"bad date", "---\ndate: last Friday\n---\nx", "", "", "", "", -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, end := frontMatter(c.text, dates.Unset)
			if c.end < 0 { // just past the closing line
				c.end = 4 + strings.Index(c.text[4:], "---\n") + 4
			}
			if end != c.end || m.Title.Value != c.title || m.Outlet.Value != c.outlet || m.Published.Value != c.pub || m.URL.Value != c.url {
				t.Errorf("got %+v end %d", m, end)
			}
			if c.title != "" && m.Title.Origin != provenance.OriginFrontMatter {
				t.Errorf("origin %q", m.Title.Origin)
			}
		})
	}
	if m, _ := frontMatter("---\ndate: last Friday\n---\nx", dates.Unset); !strings.Contains(m.Published.Detail, "unreadable date") {
		t.Errorf("an unreadable date should say so in Detail: %+v", m.Published)
	}
}

func TestLoadTextFolder(t *testing.T) {
	dir := t.TempDir()
	fm := "---\ntitle: Front Title\noutlet: Front Outlet\npublished: 2024-01-02\n---\n"
	writeFiles(t, dir, map[string]string{
		"a.txt":            fm + "First article body, long enough to read.\r\nSecond line.\r\n",
		"b.md":             "# Heading\n\nSome markdown body text here.\n",
		"sub/c.txt":        "Another article in a subfolder.\n",
		"sub/copy.txt":     "Another  article in a\nsubfolder.\nShare\nLeave a Reply\n", // same text, other spacing and chrome
		".hidden/d.txt":    "hidden folder: never read\n",
		"image.png":        "not an article",
		"metadata.csv":     "file,title,outlet,author,published,url\na.txt,Sidecar Title,,Sam Side,2023-12-31,\n",
		"sub/metadata.csv": "c.txt,C Title,C Outlet,,,https://c.example\n",
	})
	docs, dups, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	byName := map[string]provenance.Document{}
	for _, d := range docs {
		byName[filepath.Base(d.Path)] = d
	}
	if len(docs) != 3 || len(dups) != 1 || dups[0].Reason != "identical text" {
		t.Fatalf("docs %d (%v), dups %v", len(docs), keys(byName), dups)
	}
	a := byName["a.txt"]
	if a.Meta.Title.Value != "Sidecar Title" || a.Meta.Title.Origin != provenance.OriginSidecar {
		t.Errorf("sidecar title should win: %+v", a.Meta.Title)
	}
	if a.Meta.Outlet.Value != "Front Outlet" || a.Meta.Outlet.Origin != provenance.OriginFrontMatter {
		t.Errorf("front matter outlet should fill the empty sidecar cell: %+v", a.Meta.Outlet)
	}
	if a.Meta.Published.Value != "2023-12-31" || a.Meta.Author.Value != "Sam Side" {
		t.Errorf("sidecar published/author: %+v", a.Meta)
	}
	if want := fm + "First article body, long enough to read.\nSecond line.\n"; a.Text != want {
		t.Errorf("text %q", a.Text)
	}
	if len(a.Skip) != 1 || a.Skip[0] != (provenance.Span{Start: 0, End: len(fm)}) {
		t.Errorf("front matter skip span %v, want [0,%d)", a.Skip, len(fm))
	}
	if c := byName["c.txt"]; c.Meta.Outlet.Value != "C Outlet" || c.Meta.URL.Value != "https://c.example" {
		t.Errorf("headerless sidecar: %+v", c.Meta)
	}
	if b := byName["b.md"]; b.Format != "md" || len(b.ID) != 12 || b.ID != DocID(b.Path) {
		t.Errorf("md doc %+v", b)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestLoadSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Some text.\n"})
	p := filepath.Join(dir, "a.txt")
	docs, dups, errs := Load(context.Background(), []string{p, dir, filepath.Join(dir, ".", "a.txt")}, DefaultOptions(), nil)
	if len(docs) != 1 || len(errs) != 0 || len(dups) != 2 || dups[0].Reason != "same file" || dups[0].Original != docs[0].ID {
		t.Fatalf("docs %d errs %v dups %v", len(docs), errs, dups)
	}
}

func TestBoilerplateSpans(t *testing.T) {
	article := "Headline\n\nA first paragraph of the article.\nShare this with friends, she said.\n"
	chrome := "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nFollow by Email\nYouTube\nLinkedIn\nShare\nWhatsApp\n"
	text := article + chrome
	spans := boilerplateSpans(text, nil)
	if len(spans) != 1 || spans[0] != (provenance.Span{Start: len(article), End: len(text)}) {
		t.Fatalf("spans %v, want [%d,%d)", spans, len(article), len(text))
	}
	mid := "Para one.\nSubscribe to The Example newsletter\nPara two is here.\nComments\n"
	spans = boilerplateSpans(mid, nil)
	if len(spans) != 2 || mid[spans[0].Start:spans[0].End] != "Subscribe to The Example newsletter\n" || mid[spans[1].Start:spans[1].End] != "Comments\n" {
		t.Errorf("spans %v", spans)
	}
	if s := boilerplateSpans("Just an article.\nIt ends here.\n– Example News\n", nil); len(s) != 0 {
		t.Errorf("a sign-off is not chrome: %v", s)
	}
}

func TestSidecarRelativePaths(t *testing.T) {
	files := map[string]string{
		"metadata.csv":     "file,outlet\nsub/deep/a.txt,Root Outlet\nsub/b.txt,Root B\n",
		"sub/deep/a.txt":   "Article A text.\n",
		"sub/b.txt":        "Article B text.\n",
		"sub/metadata.csv": "file,outlet\nb.txt,Near Outlet\n",
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	mapFS := fstest.MapFS{}
	for name, content := range files {
		mapFS[name] = &fstest.MapFile{Data: []byte(content)}
	}
	osDocs, _, osErrs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	fsDocs, _, fsErrs := LoadFS(context.Background(), mapFS, DefaultOptions())
	for name, docs := range map[string][]provenance.Document{"Load": osDocs, "LoadFS": fsDocs} {
		got := map[string]string{}
		for _, d := range docs {
			got[filepath.Base(d.Path)] = d.Meta.Outlet.Value
		}
		// The nearest metadata.csv that names the file wins.
		if got["a.txt"] != "Root Outlet" || got["b.txt"] != "Near Outlet" {
			t.Errorf("%s: outlets %v", name, got)
		}
	}
	if len(osErrs)+len(fsErrs) > 0 {
		t.Errorf("errors %v %v", osErrs, fsErrs)
	}
}

// TestASCIIContentHashIsTheUnicodeOne holds the fast hashes of ASCII texts
// and of texts already in NFC to the rune-by-rune one through NFC,
// whitespace of every kind included.
func TestASCIIContentHashIsTheUnicodeOne(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  Two  words\t\tand\r\nlines \v\f end \n\n", "x\n", "\n\n  lead and trail  "} {
		if got, want := normalContentHash(s), unicodeContentHash(s); got != want {
			t.Errorf("%q: ASCII hash %s, Unicode hash %s", s, got, want)
		}
	}
	for _, s := range []string{"“Quoted” — text\u00a0with\u2003spaces\u0085and é", " \u3000lead ", "ü"} {
		if got, want := normalContentHash(s), unicodeContentHash(s); got != want {
			t.Errorf("%q: NFC-text hash %s, Unicode hash %s", s, got, want)
		}
	}
	if ContentHash("cafe\u0301 au lait", nil) != ContentHash("café au lait", nil) {
		t.Error("a decomposed é should hash as the composed one")
	}
	if ContentHash("Same  text\n", nil) != ContentHash("Same text", nil) {
		t.Error("whitespace runs should hash as one space, trailing space not at all")
	}
}
