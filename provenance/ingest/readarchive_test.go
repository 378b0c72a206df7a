package ingest

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
)

// readArchiveCases are archives of every format, each holding good records
// and at least one bad one of its own kind, and a record repeated (which
// Load reports as a duplicate and ReadArchive leaves to its caller).
func readArchiveCases(recs []archivetest.Record) []badArchive {
	jsonl := append(jsonlOf(recs[:6]), "{not json\n"...)
	jsonl = append(jsonl, jsonLine(archivetest.Record{ID: "again", Title: recs[0].Title, Text: recs[0].Text})...)
	// The bad row's line: after the header and the six records, whose
	// quoted texts span several lines each.
	badLine := fmt.Sprintf("line %d: ", bytes.Count(csvOf(recs[:6], ','), []byte("\n"))+1)
	csv := append(csvOf(recs[:6], ','), ",No id,Valley Post,,,,\"Words without an id.\"\n"...)
	tsv := append(csvOf(recs[:6], '\t'), "b9\tEmpty\tValley Post\t\t\t\t\n"...)
	liar := archivetest.PageRecord(recs[2])
	liar.LengthDelta = -300
	warc := []archivetest.WARCRecord{archivetest.PageRecord(recs[0]), archivetest.PageRecord(recs[1]), liar,
		archivetest.PageRecord(recs[3]), archivetest.PageRecord(recs[4])}
	cutGz := warcOf(warc[:2], true)
	cutGz = append(cutGz, warcOf(warc[3:], true)...)
	zip := archivetest.Zip([]archivetest.Entry{
		{Name: "in/a.txt", Data: []byte(recs[0].Title + "\n\n" + recs[0].Text)},
		{Name: "in/empty.txt"},
		{Name: "in/b.txt", Data: []byte(recs[1].Title + "\n\n" + recs[1].Text)},
		{Name: "in/inner.zip", Data: []byte("PK\x03\x04 not really a zip")},
		{Name: "in/c.txt", Data: []byte(recs[2].Title + "\n\n" + recs[2].Text)},
		{Name: "in/a-again.txt", Data: []byte(recs[0].Title + "\n\n" + recs[0].Text)},
	})
	return []badArchive{
		{name: "news.jsonl", data: func([]archivetest.Record) []byte { return jsonl }, errors: []string{"line 7: not valid JSON"}, good: 6},
		{name: "news.jsonl.gz", data: func([]archivetest.Record) []byte { return archivetest.Gzip(jsonl) }, errors: []string{"line 7: not valid JSON"}, good: 6},
		{name: "table.csv", data: func([]archivetest.Record) []byte { return csv }, errors: []string{badLine + `the "id" column is empty`}, good: 6},
		{name: "table.tsv", data: func([]archivetest.Record) []byte { return tsv }, errors: []string{badLine + "no text to read"}, good: 6},
		{name: "crawl.warc", data: func([]archivetest.Record) []byte { return warcOf(warc, false) }, errors: []string{"record 3 at byte "}, good: 4},
		{name: "cut.warc.gz", data: func([]archivetest.Record) []byte { z := cutGz; return z[:len(z)-200] }, errors: []string{"the gzip data ends early"}, good: 3},
		{name: "articles.zip", data: func([]archivetest.Record) []byte { return zip }, errors: []string{"entry in/empty.txt: empty file", "entry in/inner.zip: not a readable zip"}, good: 3},
	}
}

// ReadArchive on an archive's bytes gives the documents and the errors
// Load gives for the file, in the same order, for every archive format
// and every hostile archive of TestArchiveBadInput; the only difference
// is the duplicates, which Load leaves out and ReadArchive hands on.
func TestReadArchiveMatchesLoad(t *testing.T) {
	recs := archivetest.Records(12, 60, 3)
	cases := append(readArchiveCases(recs), badArchives...)
	ctx := context.Background()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !IsArchive(c.name) {
				t.Fatalf("%s is not an archive to IsArchive", c.name)
			}
			data := c.data(recs)
			p := writeFile(t, t.TempDir(), c.name, data)
			opts := DefaultOptions()
			if c.opts != nil {
				c.opts(&opts)
			}
			wantDocs, dups, wantErrs := Load(ctx, []string{p}, opts, nil)
			var docs []provenance.Document
			var errs []provenance.FileError
			err := ReadArchive(ctx, p, bytes.NewReader(data), int64(len(data)), opts, func(d provenance.Document, fe *provenance.FileError) {
				if fe != nil {
					errs = append(errs, *fe)
					return
				}
				docs = append(docs, d)
			})
			if err != nil {
				t.Fatalf("ReadArchive: %v", err)
			}
			left := map[string]bool{}
			for _, d := range dups {
				left[d.Doc] = true
			}
			kept := docs[:0:0]
			for _, d := range docs {
				if !left[d.ID] {
					kept = append(kept, d)
				}
			}
			if len(docs)-len(kept) != len(dups) {
				t.Errorf("ReadArchive gave %d of Load's %d duplicates", len(docs)-len(kept), len(dups))
			}
			if !reflect.DeepEqual(kept, wantDocs) {
				t.Errorf("ReadArchive gave %d documents (%d without duplicates) unlike Load's %d", len(docs), len(kept), len(wantDocs))
				for i := range min(len(kept), len(wantDocs)) {
					if !reflect.DeepEqual(kept[i], wantDocs[i]) {
						t.Errorf("first difference: document %d, %s against %s", i, kept[i].Path, wantDocs[i].Path)
						break
					}
				}
			}
			if !reflect.DeepEqual(errs, wantErrs) {
				t.Errorf("errors %v, want Load's %v", errs, wantErrs)
			}
			for _, want := range c.errors {
				found := false
				for _, e := range errs {
					found = found || (e.Path == p && strings.Contains(e.Reason, want))
				}
				if !found {
					t.Errorf("no error %q naming %s; errors: %v", want, p, errs)
				}
			}
			if c.good >= 0 && len(kept) != c.good {
				t.Errorf("%d documents, want %d", len(kept), c.good)
			}
		})
	}
}
