package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
)

// badArchive is a hostile archive: the errors it must give (each a
// substring of one error's reason, naming the line or offset) and how
// many of its good records must still load.
type badArchive struct {
	name   string
	data   func(recs []archivetest.Record) []byte
	errors []string
	good   int
	opts   func(o *Options)
}

func jsonLine(r archivetest.Record) []byte { return archivetest.JSONLine(r) }

var badArchives = []badArchive{
	{
		name: "mixed.jsonl",
		data: func(recs []archivetest.Record) []byte {
			var b bytes.Buffer
			b.Write(jsonLine(recs[0]))
			b.WriteString("{\"id\":\"x1\",\"text\":\"Caf\xe9 owners met.\"}\n")
			b.WriteString("{\"id\":\"x2\",\"text\":\"unterminated\n")
			b.WriteString("[\"an\", \"array\"]\n")
			b.WriteString("{\"id\":\"x3\",\"title\":\"No text here\"}\n")
			b.WriteString("{\"id\":\"x4\",\"text\":42}\n")
			b.Write(jsonLine(recs[0])) // the same id again
			b.WriteString("\n   \n")
			b.WriteString("{\"id\":\"x5\",\"text\":\"   \"}\n")
			b.Write(jsonLine(recs[1]))
			return b.Bytes()
		},
		errors: []string{
			"line 2: not valid UTF-8 (at byte 22 of the line)",
			"line 3: not valid JSON",
			"line 4: not a JSON object",
			"line 5: no text: the object has no text, body",
			`line 6: the "text" key holds a number, not a string`,
			"line 7: id 'a000000' is used again (first on line 1)",
			"line 10: no text to read",
		},
		good: 2,
	},
	{
		name: "truncated.jsonl.gz",
		data: func(recs []archivetest.Record) []byte {
			z := archivetest.Gzip(jsonlOf(recs[:10]))
			return z[:len(z)*6/10]
		},
		errors: []string{"the gzip data ends early"},
		good:   -1, // some, not all: checked below
	},
	{
		name:   "not-gzip.jsonl.gz",
		data:   func(recs []archivetest.Record) []byte { return jsonlOf(recs[:2]) },
		errors: []string{"not a readable gzip file"},
	},
	{
		name: "no-text.csv",
		data: func(recs []archivetest.Record) []byte {
			return []byte("id,headline,date\n1,Harbour fees,2024-01-02\n")
		},
		errors: []string{"no text column: the header names 'id', 'headline', 'date'; one column must be called text (or body, content"},
	},
	{
		name: "rows.csv",
		data: func(recs []archivetest.Record) []byte {
			var b bytes.Buffer
			b.Write(csvOf(recs[:2], ','))
			b.WriteString("a000009,Empty,Valley Post,,,,\n")
			b.WriteString("a000000,Again,Valley Post,,,,\"Some words again.\"\n")
			b.WriteString(",No id,Valley Post,,,,\"Words without an id.\"\n")
			return b.Bytes()
		},
		errors: []string{"no text to read", "id 'a000000' is used again (first on line 2)", `the "id" column is empty`},
		good:   2,
	},
	{
		name: "unclosed-quote.csv",
		data: func(recs []archivetest.Record) []byte {
			var b bytes.Buffer
			b.Write(csvOf(recs[:1], ','))
			b.WriteString("b1,Open,Valley Post,,,,\"a quote never closed " + strings.Repeat("and on ", 200_000) + "\n")
			return b.Bytes()
		},
		opts:   func(o *Options) { o.MaxDocBytes = 256 << 10 },
		errors: []string{"a record over 640.0 KiB (a quote never closed?); the rest of the file is not read"},
		good:   1,
	},
	{
		name: "long-too.warc",
		data: func(recs []archivetest.Record) []byte {
			liar := archivetest.PageRecord(recs[1])
			liar.LengthDelta = 900 // runs into the next record
			return warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[0]), liar,
				archivetest.PageRecord(recs[2]), archivetest.PageRecord(recs[3])}, false)
		},
		errors: []string{"record 2 at byte ", "the record does not end where its Content-Length", "the next record starts inside it, at byte "},
		good:   3,
	},
	{
		name: "short.warc",
		data: func(recs []archivetest.Record) []byte {
			liar := archivetest.PageRecord(recs[1])
			liar.LengthDelta = -300
			return warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[0]), liar, archivetest.PageRecord(recs[2])}, false)
		},
		errors: []string{"record 2 at byte ", "does not end where its Content-Length"},
		good:   2,
	},
	{
		name: "cut.warc",
		data: func(recs []archivetest.Record) []byte {
			w := warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[0]), archivetest.PageRecord(recs[1])}, false)
			return w[:len(w)-500]
		},
		errors: []string{"record 2 at byte ", "cut short: its Content-Length says"},
		good:   1,
	},
	{
		name: "cut.warc.gz",
		data: func(recs []archivetest.Record) []byte {
			w := warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[0]), archivetest.PageRecord(recs[1]), archivetest.PageRecord(recs[2])}, true)
			return w[:len(w)-200]
		},
		errors: []string{"record 3 at byte ", "the gzip data ends early"},
		good:   2,
	},
	{
		name: "trailing.warc",
		data: func(recs []archivetest.Record) []byte {
			return append(warcOf([]archivetest.WARCRecord{archivetest.PageRecord(recs[0])}, false), "this is not a record at all"...)
		},
		errors: []string{"after record 1, at byte ", "of trailing data that is not a WARC record"},
		good:   1,
	},
	{
		name: "bombs.zip",
		data: func(recs []archivetest.Record) []byte {
			return archivetest.Zip([]archivetest.Entry{
				{Name: "good.txt", Data: []byte(recs[0].Title + "\n\n" + recs[0].Text)},
				{Name: "honest.zip", Data: archivetest.ZipBomb("bomb.txt", 12<<20, false)},
				{Name: "liar.zip", Data: archivetest.ZipBomb("bomb.txt", 12<<20, true)},
				{Name: "empty.txt"},
			})
		},
		opts: func(o *Options) { o.MaxDocBytes = 1 << 20 },
		errors: []string{
			"entry honest.zip, entry bomb.txt: zip bomb? the entry declares 12.0 MiB uncompressed, over the 2.0 MiB read limit; refused unread",
			"entry liar.zip, entry bomb.txt: the entry does not match its declared size or checksum (a zip bomb or a damaged file); refused",
			"entry empty.txt: empty file (0 bytes)",
		},
		good: 1,
	},
	{
		name: "budget.zip",
		data: func(recs []archivetest.Record) []byte {
			var entries []archivetest.Entry
			for i := range 6 {
				entries = append(entries, archivetest.Entry{Name: fmt.Sprintf("a%d.txt", i), Data: []byte(recs[i].Title + "\n\n" + recs[i].Text)})
			}
			return archivetest.Zip(entries)
		},
		opts:   func(o *Options) { o.MaxArchiveUnzipBytes = 2500 },
		errors: []string{"the zip expands past 2.4 KiB in all (MaxArchiveUnzipBytes)"},
		good:   -1,
	},
	{
		name: "nested.zip",
		data: func(recs []archivetest.Record) []byte {
			z := archivetest.Zip([]archivetest.Entry{{Name: "level4.txt", Data: []byte(recs[3].Text)}})
			for level := 3; level >= 1; level-- {
				z = archivetest.Zip([]archivetest.Entry{
					{Name: fmt.Sprintf("level%d.txt", level), Data: []byte(recs[level-1].Text)},
					{Name: fmt.Sprintf("z%d.zip", level+1), Data: z},
				})
			}
			return z
		},
		errors: []string{"entry z2.zip, entry z3.zip, entry z4.zip: an archive inside archives 3 deep; not read"},
		good:   3,
	},
	{
		name:   "empty.csv",
		data:   func(recs []archivetest.Record) []byte { return nil },
		errors: []string{"empty file (0 bytes)"},
	},
	{
		name:   "garbage.zip",
		data:   func(recs []archivetest.Record) []byte { return []byte("PK\x03\x04 not really a zip") },
		errors: []string{"not a readable zip archive"},
	},
}

// TestArchiveBadInput loads each hostile archive beside a good file: every
// expected error names the archive and the record's place, the good
// records load, and the good file too.
func TestArchiveBadInput(t *testing.T) {
	recs := archivetest.Records(12, 60, 3)
	for _, c := range badArchives {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, c.name, c.data(recs))
			good := writeFile(t, dir, "good.txt", []byte(recs[11].Title+"\n\n"+recs[11].Text))
			opts := DefaultOptions()
			if c.opts != nil {
				c.opts(&opts)
			}
			docs, _, errs := Load(context.Background(), []string{dir}, opts, nil)
			for _, want := range c.errors {
				found := false
				for _, e := range errs {
					found = found || (e.Path == p && strings.Contains(e.Reason, want))
				}
				if !found {
					t.Errorf("no error %q on %s; errors: %v", want, c.name, errs)
				}
			}
			for _, e := range errs { // and no other error
				explained := false
				for _, want := range c.errors {
					explained = explained || strings.Contains(e.Reason, want)
				}
				if !explained {
					t.Errorf("unexpected error %v", e)
				}
			}
			fromArchive := 0
			sawGood := false
			for _, d := range docs {
				if strings.HasPrefix(d.Path, p+"#") {
					fromArchive++
				}
				sawGood = sawGood || d.Path == good
			}
			if !sawGood {
				t.Error("the good file beside the archive did not load")
			}
			switch {
			case c.good >= 0 && fromArchive != c.good:
				t.Errorf("%d records loaded from %s, want %d", fromArchive, c.name, c.good)
			case c.good < 0 && (fromArchive == 0 || fromArchive >= 10):
				t.Errorf("%d records loaded from %s: want the ones before the damage", fromArchive, c.name)
			}
		})
	}
}

// TestHugeJSONLineBounded: a 50 MB line is skipped with its line number
// without being held in memory, and the lines around it load.
func TestHugeJSONLineBounded(t *testing.T) {
	recs := archivetest.Records(2, 60, 4)
	dir := t.TempDir()
	p := dir + "/huge.jsonl"
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(jsonLine(recs[0]))
	f.WriteString(`{"id":"huge","text":"`)
	chunk := []byte(strings.Repeat("word ", 1<<16))
	for n := 0; n < 50<<20; n += len(chunk) {
		f.Write(chunk)
	}
	f.WriteString("\"}\n")
	f.Write(jsonLine(recs[1]))
	f.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var docs []provenance.Document
	var errs []provenance.FileError
	Stream(context.Background(), []string{p}, DefaultOptions(), nil, Sink{
		Document: func(d provenance.Document) error { docs = append(docs, d); return nil },
		Error:    func(e provenance.FileError) { errs = append(errs, e) },
	})
	runtime.ReadMemStats(&after)
	if len(docs) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Reason, "line 2: the line is 50.0 MiB, over the 8.1 MiB limit for one record") {
		t.Errorf("docs %d, errors %v", len(docs), errs)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40<<20 {
		t.Errorf("reading a 50 MB line allocated %d MiB: it was held in memory", alloc>>20)
	}
}
