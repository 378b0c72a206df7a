package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
)

// ReadArchive on an archive's bytes gives the documents and the errors
// Load gives for the file, in the same order, for every archive format.
func TestReadArchiveMatchesLoad(t *testing.T) {
	recs := archivetest.Records(6, 80, 4)
	var jsonl, csv, tsv, warc bytes.Buffer
	if err := archivetest.JSONL(&jsonl, recs); err != nil {
		t.Fatal(err)
	}
	jsonl.WriteString("{not json\n") // a bad record
	archivetest.CSV(&csv, recs, ',')
	archivetest.CSV(&tsv, recs, '\t')
	var pages []archivetest.WARCRecord
	for _, r := range recs {
		pages = append(pages, archivetest.PageRecord(r))
	}
	archivetest.WARC(&warc, pages, true)
	var entries []archivetest.Entry
	for _, r := range recs[:3] {
		entries = append(entries, archivetest.Entry{Name: "in/" + r.ID + ".txt", Data: []byte(r.Text)})
	}
	files := map[string][]byte{
		"news.jsonl": jsonl.Bytes(), "news.jsonl.gz": archivetest.Gzip(jsonl.Bytes()), "table.csv": csv.Bytes(),
		"table.tsv": tsv.Bytes(), "crawl.warc.gz": warc.Bytes(), "articles.zip": archivetest.Zip(entries),
	}
	dir := t.TempDir()
	ctx := context.Background()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if !IsArchive(name) {
			t.Fatalf("%s is not an archive to IsArchive", name)
		}
		var wantDocs []provenance.Document
		var wantErrs []provenance.FileError
		err := Stream(ctx, []string{p}, DefaultOptions(), nil, Sink{
			Document: func(d provenance.Document) error { wantDocs = append(wantDocs, d); return nil },
			Error:    func(e provenance.FileError) { wantErrs = append(wantErrs, e) },
		})
		if err != nil || len(wantDocs) < 3 {
			t.Fatalf("%s: Stream read %d documents, err %v", name, len(wantDocs), err)
		}
		var docs []provenance.Document
		var errs []provenance.FileError
		err = ReadArchive(ctx, p, bytes.NewReader(data), int64(len(data)), DefaultOptions(), func(d provenance.Document, fe *provenance.FileError) {
			if fe != nil {
				errs = append(errs, *fe)
				return
			}
			docs = append(docs, d)
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(docs, wantDocs) {
			t.Errorf("%s: ReadArchive gave %d documents unlike Stream's %d", name, len(docs), len(wantDocs))
		}
		if !reflect.DeepEqual(errs, wantErrs) {
			t.Errorf("%s: errors %v, want %v", name, errs, wantErrs)
		}
		if name == "news.jsonl" && (len(errs) != 1 || !strings.Contains(errs[0].Reason, "line 7")) {
			t.Errorf("news.jsonl: the bad line gives %v, want one error naming line 7", errs)
		}
	}
}
