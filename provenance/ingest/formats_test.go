package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// loadOne writes data as name in a temporary folder and loads it.
func loadOne(t *testing.T, name string, data []byte, opts Options) (provenance.Document, []provenance.FileError) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	docs, _, errs := Load(context.Background(), []string{p}, opts, nil)
	if len(docs) == 1 {
		return docs[0], errs
	}
	return provenance.Document{}, errs
}

func TestFormats(t *testing.T) {
	eml := "From: \"Press Office\" <press@ngo.example>\r\nSubject: =?UTF-8?Q?Caf=C3=A9_closures_announced?=\r\n" +
		"Date: Tue, 5 Mar 2024 09:30:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"XX\"\r\n\r\n" +
		"--XX\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version</p>\r\n" +
		"--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"The caf=C3=A9 owners met on Monday.\r\nA second line of the release.\r\n--XX--\r\n"
	htmlOnly := "From: a@b.example\r\nSubject: Only HTML\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<html><body><p>An HTML-only message body with words.</p><script>alert('x')</script></body></html>\r\n"
	cases := []struct {
		name, file  string
		data        []byte
		wantText    []string
		noText      []string
		title, auth string
		published   string
		origin      provenance.Origin
	}{
		{"pdf", "release.pdf", makePDF([]string{"Harbour workers strike", "The port stood still on Tuesday (all day)."},
			map[string]string{"Title": "PDF Title", "Author": "PDF Author", "CreationDate": "D:20240102030405Z"}),
			[]string{"Harbour workers strike\nThe port stood still on Tuesday (all day)."}, nil,
			"PDF Title", "PDF Author", "2024-01-02T03:04:05Z", provenance.OriginProperties},
		{"docx", "release.docx", makeDOCX(t, []string{"First paragraph & more.", "Second <paragraph>."},
			map[string]string{"dc:title": "DOCX Title", "dc:creator": "DOCX Author", "dcterms:created": "2024-02-03T04:05:06Z"}),
			[]string{"First paragraph & more.\nSecond <paragraph>.\n"}, []string{"deleted words"},
			"DOCX Title", "DOCX Author", "2024-02-03T04:05:06Z", provenance.OriginProperties},
		{"eml prefers text/plain", "msg.eml", []byte(eml), []string{"The café owners met on Monday.\nA second line"}, []string{"HTML version"},
			"Café closures announced", "Press Office", "2024-03-05T09:30:00+01:00", provenance.OriginProperties},
		{"eml html body", "msg.eml", []byte(htmlOnly), []string{"An HTML-only message body with words."}, []string{"alert"},
			"Only HTML", "a@b.example", "", provenance.OriginProperties},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, errs := loadOne(t, c.file, c.data, DefaultOptions())
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			for _, w := range c.wantText {
				if !strings.Contains(d.Text, w) {
					t.Errorf("text %q lacks %q", d.Text, w)
				}
			}
			for _, w := range c.noText {
				if strings.Contains(d.Text, w) {
					t.Errorf("text %q holds %q", d.Text, w)
				}
			}
			m := d.Meta
			if m.Title.Value != c.title || m.Author.Value != c.auth || m.Published.Value != c.published || m.Title.Origin != c.origin {
				t.Errorf("meta %+v", m)
			}
		})
	}
}

func TestSidecarBeatsProperties(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"metadata.csv": "file,title,outlet\nr.pdf,Sidecar Title,Sidecar Outlet\n"})
	os.WriteFile(filepath.Join(dir, "r.pdf"), makePDF([]string{"Some words"}, map[string]string{"Title": "PDF Title"}), 0o644)
	docs, _, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	if m := docs[0].Meta; m.Title.Value != "Sidecar Title" || m.Title.Origin != provenance.OriginSidecar || m.Outlet.Value != "Sidecar Outlet" {
		t.Errorf("meta %+v", m)
	}
}
