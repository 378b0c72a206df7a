package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
)

// fuzzArchive reads data as an archive of kind and builds every record
// that is not a web page: nothing panics or hangs, every bad record names
// its place, and every document built holds spans inside its text.
func fuzzArchive(t *testing.T, kind string, data []byte) {
	opts := fuzzOptions()
	src := source{path: "/fuzz/in." + kind, name: "in." + kind, r: bytes.NewReader(data)}
	records := 0
	yield := func(rec record, err error) bool {
		if err != nil {
			if rec.where == "" && kind != "zip" {
				t.Fatalf("a bad record without its place: %v", err)
			}
			return true
		}
		if records++; records > 10_000 {
			t.Fatalf("more records than the input can hold")
		}
		if rec.format == "html" {
			return true // pages are FuzzExtractHTML's; readability would slow this target a hundredfold
		}
		skipped := 0
		d, err := recordTask(context.Background(), src.path, rec, opts, &skipped)()
		if err != nil {
			return true
		}
		checkExtracted(t, extracted{text: d.Text, skip: d.Skip})
		if !strings.HasPrefix(d.Path, src.path+"#") || d.ID == "" {
			t.Fatalf("document path %q id %q", d.Path, d.ID)
		}
		return true
	}
	var err error
	if kind == "zip" {
		err = readZip(context.Background(), src, bytes.NewReader(data), int64(len(data)), opts, 0, yield)
	} else {
		err = readStream(context.Background(), kind, src, opts, 0, yield)
	}
	if err != nil && strings.Contains(err.Error(), "reader failed") {
		t.Fatalf("a reader panicked: %v", err)
	}
}

func FuzzJSONL(f *testing.F) {
	recs := archivetest.Records(3, 40, 7)
	f.Add(jsonlOf(recs))
	f.Add([]byte("{\"id\":1,\"series\":[\"a\",\"b\"],\"date\":\"1890-01-02\",\"text\":\"Some words.\"}\n{\"text\":\"\xff\"}\n[1]\n"))
	f.Add([]byte("\ufeff{\"text\":\"one\"}\r\n{\"text\":\"two\"} {\"text\":\"three\"}"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzArchive(t, "jsonl", data) })
}

func FuzzCSVArchive(f *testing.F) {
	recs := archivetest.Records(3, 40, 8)
	f.Add(csvOf(recs, ','))
	f.Add([]byte("text,date\n\"quoted \"\"words\"\"\",2024-01-02\nbare \" quote,x\n,\n"))
	f.Add([]byte("id,headline\n1,no text column\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzArchive(t, "csv", data) })
}

func FuzzWARC(f *testing.F) {
	recs := archivetest.Records(3, 40, 9)
	liar := archivetest.PageRecord(recs[1])
	liar.LengthDelta = 200
	f.Add(warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[0]), liar, archivetest.PageRecord(recs[2])}, false))
	f.Add(warcOf([]archivetest.WARCRecord{{Type: "warcinfo", Body: []byte("a: b\r\n")},
		{Type: "resource", TargetURI: "https://x.example/", ContentType: "text/plain", Body: []byte("Plain words here.")}}, false))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzArchive(t, "warc", data) })
}

func FuzzZipArchive(f *testing.F) {
	recs := archivetest.Records(2, 40, 10)
	f.Add(archivetest.Zip([]archivetest.Entry{{Name: "a.txt", Data: []byte(recs[0].Text)},
		{Name: "metadata.csv", Data: []byte("file,outlet\na.txt,Valley Post\n")},
		{Name: "in.jsonl", Data: jsonlOf(recs[1:])},
		{Name: "z.zip", Data: archivetest.Zip([]archivetest.Entry{{Name: "b.md", Data: []byte("# B\n\nWords.")}})}}))
	f.Add(archivetest.ZipBomb("bomb.txt", 2<<20, true))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzArchive(t, "zip", data) })
}
