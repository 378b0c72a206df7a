package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
)

// writeFile writes data to dir/name and returns the absolute path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(p)
	return abs
}

func jsonlOf(recs []archivetest.Record) []byte {
	var b bytes.Buffer
	archivetest.JSONL(&b, recs)
	return b.Bytes()
}

func csvOf(recs []archivetest.Record, comma rune) []byte {
	var b bytes.Buffer
	archivetest.CSV(&b, recs, comma)
	return b.Bytes()
}

func warcOf(recs []archivetest.WARCRecord, gz bool) []byte {
	var b bytes.Buffer
	archivetest.WARC(&b, recs, gz)
	return b.Bytes()
}

// byPath indexes documents by Path.
func byPath(docs []provenance.Document) map[string]provenance.Document {
	m := map[string]provenance.Document{}
	for _, d := range docs {
		m[d.Path] = d
	}
	return m
}

// checkRecordDoc checks a document read from an archive record against it.
func checkRecordDoc(t *testing.T, d provenance.Document, r archivetest.Record, format string) {
	t.Helper()
	if d.ID != DocID(d.Path) && format != "warc" {
		t.Errorf("%s: ID %s is not DocID(path)", d.Path, d.ID)
	}
	if d.Format != format {
		t.Errorf("%s: format %q, want %q", d.Path, d.Format, format)
	}
	if format != "warc" && d.Text != r.Text {
		t.Errorf("%s: text differs from the record's:\n%q\n%q", d.Path, d.Text, r.Text)
	}
	if d.Meta.Title.Value != r.Title || d.Meta.Outlet.Value != r.Outlet {
		t.Errorf("%s: title %+v outlet %+v, want %q, %q", d.Path, d.Meta.Title, d.Meta.Outlet, r.Title, r.Outlet)
	}
	if d.Meta.Published.Value != r.Published {
		t.Errorf("%s: published %+v, want %q", d.Path, d.Meta.Published, r.Published)
	}
}

func TestArchiveFormats(t *testing.T) {
	recs := archivetest.Records(40, 120, 1)
	dir := t.TempDir()
	jsonl := writeFile(t, dir, "news.jsonl", jsonlOf(recs[0:5]))
	jsonlGz := writeFile(t, dir, "news2.jsonl.gz", archivetest.Gzip(jsonlOf(recs[5:10])))
	passim := writeFile(t, dir, "passim.jsonl", []byte(fmt.Sprintf(`{"id":"p1","series":"Harbour Gazette","date":"1890-03-04","seq":3,"text":%q}`+"\n", recs[10].Text)))
	csvPath := writeFile(t, dir, "news.csv", csvOf(recs[11:14], ','))
	tsvPath := writeFile(t, dir, "news.tsv.gz", archivetest.Gzip(csvOf(recs[14:16], '\t')))
	undated := recs[17]
	undated.Published = ""
	warcRecs := []archivetest.WARCRecord{
		{Type: "warcinfo", Body: []byte("software: archivetest\r\n")},
		{Type: "request", TargetURI: recs[16].URL},
		archivetest.PageRecord(recs[16]),
		{TargetURI: "https://news0.example/logo.png", ContentType: "image/png", Body: []byte("\x89PNG not really")},
		{TargetURI: "https://news0.example/old", Status: 301, Body: []byte("moved")},
		{TargetURI: undated.URL, Date: "2024-05-02T06:30:00Z", Body: []byte(archivetest.Page(undated))},
		{Type: "resource", TargetURI: recs[18].URL, ContentType: "text/plain; charset=utf-8", Body: []byte(recs[18].Title + "\n\n" + recs[18].Text)},
	}
	warcPath := writeFile(t, dir, "crawl.warc", warcOf(warcRecs, false))
	warcGz := writeFile(t, dir, "crawl2.warc.gz", warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[19]), archivetest.PageRecord(recs[20])}, true))
	wholeGz := writeFile(t, dir, "crawl3.warc.gz", archivetest.Gzip(warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[26]), archivetest.PageRecord(recs[27])}, false)))
	nested := archivetest.Zip([]archivetest.Entry{{Name: "deep/c.txt", Data: []byte(recs[23].Title + "\n\n" + recs[23].Text)}})
	zipPath := writeFile(t, dir, "articles.zip", archivetest.Zip([]archivetest.Entry{
		{Name: "2024/a.txt", Data: []byte(recs[21].Title + "\n\n" + recs[21].Text)},
		{Name: "2024/metadata.csv", Data: []byte("file,outlet,published\na.txt,Valley Post,2024-06-01\n")},
		{Name: "b.html", Data: []byte(archivetest.Page(recs[22]))},
		{Name: "nested.zip", Data: nested},
		{Name: "inner.jsonl", Data: jsonlOf(recs[24:26])},
		{Name: "__MACOSX/._a.txt", Data: []byte("resource fork")},
		{Name: "notes.bin", Data: []byte("ignored")},
	}))

	docs, dups, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(errs) > 0 || len(dups) > 0 {
		t.Fatalf("errors %v, duplicates %v", errs, dups)
	}
	got := byPath(docs)
	if len(docs) != 5+5+1+3+2+3+2+2+5 {
		var paths []string
		for _, d := range docs {
			paths = append(paths, d.Path)
		}
		t.Fatalf("%d documents: %v", len(docs), paths)
	}
	for i, r := range recs[0:5] {
		d := got[jsonl+"#"+r.ID]
		checkRecordDoc(t, d, r, "jsonl")
		if d.Meta.Title.Origin != provenance.OriginArchive || d.Meta.Title.Detail != fmt.Sprintf(`news.jsonl line %d, key "title"`, i+1) {
			t.Errorf("title origin %+v", d.Meta.Title)
		}
		if d.Meta.URL.Value != r.URL || d.Meta.Author.Value != r.Author {
			t.Errorf("url %+v author %+v", d.Meta.URL, d.Meta.Author)
		}
	}
	for _, r := range recs[5:10] {
		checkRecordDoc(t, got[jsonlGz+"#"+r.ID], r, "jsonl")
	}
	p := got[passim+"#p1"]
	if p.Meta.Outlet.Value != "Harbour Gazette" || p.Meta.Published.Value != "1890-03-04" || p.Meta.Outlet.Detail != `passim.jsonl line 1, key "series"` {
		t.Errorf("passim names: %+v", p.Meta)
	}
	line := 2 // the header is line 1; each text spans its paragraphs' lines
	for _, r := range recs[11:14] {
		d := got[csvPath+"#"+r.ID]
		checkRecordDoc(t, d, r, "csv")
		if d.Meta.Outlet.Detail != fmt.Sprintf(`news.csv line %d, column "outlet"`, line) {
			t.Errorf("csv detail %q, want line %d", d.Meta.Outlet.Detail, line)
		}
		line += strings.Count(r.Text, "\n") + 1
	}
	for _, r := range recs[14:16] {
		checkRecordDoc(t, got[tsvPath+"#"+r.ID], r, "tsv")
	}

	// WARC: only the two HTML responses and the text resource.
	w := got[warcPath+"#record-3"]
	checkRecordDoc(t, w, recs[16], "warc")
	if w.ID != DocID(warcPath+"#urn:uuid:00000000-0000-4000-8000-000000000002") {
		t.Errorf("WARC document ID %s is not made from its WARC-Record-ID", w.ID)
	}
	if !strings.Contains(w.Text, strings.SplitN(recs[16].Text, "\n", 2)[0]) || strings.Contains(w.Text, "Home") {
		t.Errorf("WARC page text not extracted like a page: %q", w.Text)
	}
	if w.Meta.URL.Value != recs[16].URL || w.Meta.URL.Origin != provenance.OriginArchive || w.Meta.Published.Origin != provenance.OriginMeta {
		t.Errorf("WARC metadata %+v", w.Meta)
	}
	u := got[warcPath+"#record-6"]
	if u.Meta.Published.Value != "2024-05-02T06:30:00Z" || u.Meta.Published.Origin != provenance.OriginCapture ||
		!strings.Contains(u.Meta.Published.Detail, "WARC-Date of crawl.warc record 6") {
		t.Errorf("undated page: published %+v", u.Meta.Published)
	}
	if res := got[warcPath+"#record-7"]; res.Format != "warc" || !strings.Contains(res.Text, recs[18].Title) {
		t.Errorf("resource record: %+v", res)
	}
	for _, k := range []string{"#record-1", "#record-2", "#record-4", "#record-5"} {
		if _, ok := got[warcPath+k]; ok {
			t.Errorf("%s is not an article but was read", k)
		}
	}
	checkRecordDoc(t, got[warcGz+"#record-2"], recs[20], "warc")
	checkRecordDoc(t, got[wholeGz+"#record-2"], recs[27], "warc") // gzipped whole, not per record

	// Zip: entries through their readers, sidecar inside, nested archives.
	a := got[zipPath+"#2024/a.txt"]
	if a.Format != "txt" || a.Meta.Outlet.Value != "Valley Post" || a.Meta.Outlet.Origin != provenance.OriginSidecar || a.Meta.Published.Value != "2024-06-01" {
		t.Errorf("zip entry with sidecar: %+v", a.Meta)
	}
	if b := got[zipPath+"#b.html"]; b.Format != "html" || b.Meta.Title.Value != recs[22].Title {
		t.Errorf("zip html entry: %+v", b.Meta)
	}
	if c := got[zipPath+"#nested.zip#deep/c.txt"]; c.Format != "txt" {
		t.Errorf("nested zip entry missing: %v", c)
	}
	checkRecordDoc(t, got[zipPath+"#inner.jsonl#"+recs[24].ID], recs[24], "jsonl")

	// The same archive loaded again gives the same IDs.
	again, _, _ := Load(context.Background(), []string{jsonl, warcPath}, DefaultOptions(), nil)
	for _, d := range again {
		if got[d.Path].ID != d.ID {
			t.Errorf("%s: ID %s then %s", d.Path, got[d.Path].ID, d.ID)
		}
	}
}

// TestStreamSkip resumes: documents whose ID Skip reports are not read,
// and Stream hands the rest over in order.
func TestStreamSkip(t *testing.T) {
	recs := archivetest.Records(30, 80, 2)
	dir := t.TempDir()
	p := writeFile(t, dir, "news.jsonl", jsonlOf(recs))
	opts := DefaultOptions()
	opts.Skip = func(id string) bool {
		for _, r := range recs[:20] {
			if id == DocID(p+"#"+r.ID) {
				return true
			}
		}
		return false
	}
	var ids []string
	err := Stream(context.Background(), []string{p}, opts, nil, Sink{Document: func(d provenance.Document) error {
		ids = append(ids, d.Path)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 10 || ids[0] != p+"#"+recs[20].ID || ids[9] != p+"#"+recs[29].ID {
		t.Errorf("after skipping 20: %v", ids)
	}
	// A sink error stops the stream and is returned.
	stop := fmt.Errorf("disk full")
	n := 0
	err = Stream(context.Background(), []string{p}, DefaultOptions(), nil, Sink{Document: func(provenance.Document) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	}})
	if err != stop || n != 3 {
		t.Errorf("sink error: %v after %d documents", err, n)
	}
}
