package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// writeCollection writes docs into dir as .txt files, with their metadata
// as front matter so that dates, outlets and titles survive the round trip.
func writeCollection(t *testing.T, dir string, docs []provenance.Document) {
	t.Helper()
	for i, d := range docs {
		var b strings.Builder
		if m := d.Meta; m.Title.Known() || m.Outlet.Known() || m.Published.Known() {
			b.WriteString("---\n")
			for _, f := range [][2]string{{"title", m.Title.Value}, {"outlet", m.Outlet.Value}, {"published", m.Published.Value}, {"author", m.Author.Value}} {
				if strings.TrimSpace(f[1]) != "" {
					fmt.Fprintf(&b, "%s: %s\n", f[0], strings.ReplaceAll(f[1], "\n", " "))
				}
			}
			b.WriteString("---\n")
		}
		b.WriteString(d.Text)
		sub := filepath.Join(dir, fmt.Sprintf("part%d", i%3)) // nested folders, walked in order
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%s.txt", d.ID)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeArchives adds archives to the collection: JSON lines (with a bad
// line and a record repeating an article of the folder), a gzipped WARC,
// a CSV with a row lacking its text, and a zip of articles.
func writeArchives(t *testing.T, dir string) {
	t.Helper()
	recs := archivetest.Records(30, 150, 11)
	var jsonl, csv, warc bytes.Buffer
	if err := archivetest.JSONL(&jsonl, recs[:12]); err != nil {
		t.Fatal(err)
	}
	jsonl.WriteString("{broken\n")
	var pages []archivetest.WARCRecord
	for _, r := range recs[12:20] {
		pages = append(pages, archivetest.PageRecord(r))
	}
	if err := archivetest.WARC(&warc, pages, true); err != nil {
		t.Fatal(err)
	}
	rows := append([]archivetest.Record(nil), recs[20:26]...)
	rows[2].Text = ""
	if err := archivetest.CSV(&csv, rows, ','); err != nil {
		t.Fatal(err)
	}
	var entries []archivetest.Entry
	for _, r := range recs[26:] {
		entries = append(entries, archivetest.Entry{Name: "zipped/" + r.ID + ".txt", Data: []byte(r.Title + "\n\n" + r.Text)})
	}
	// a zip entry repeating a JSON lines record: a duplicate across archives
	entries = append(entries, archivetest.Entry{Name: "zipped/reprint.txt", Data: []byte(recs[3].Text)})
	for name, data := range map[string][]byte{"news.jsonl": jsonl.Bytes(), "crawl.warc.gz": warc.Bytes(),
		"table.csv": csv.Bytes(), "articles.zip": archivetest.Zip(entries)} {
		if err := os.WriteFile(filepath.Join(dir, "part0", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runLocal analyses dir as `copytrail export --formats jsonl` does and
// writes the JSON Lines export into out.
func runLocal(t *testing.T, dir, out string, s provenance.Settings) *provenance.Result {
	t.Helper()
	ctx := context.Background()
	docs, dups, errs := ingest.Load(ctx, []string{dir}, ingest.DefaultOptions(), nil)
	r, err := scan.Run(ctx, docs, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Duplicates = append(dups, r.Duplicates...)
	r.Errors = append(r.Errors, errs...)
	if _, err := export.WriteAll(out, r, export.Options{Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	return r
}

// runBeam runs the pipeline on prism, in process.
func runBeam(t *testing.T, c Config) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, c); err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline on prism: %v", err)
	}
}

// jsonlFiles are the files both runners write.
var jsonlFiles = []string{export.AnalysisJSON, export.DocumentsJSONL, export.PassagesFile, export.PairsJSONL,
	export.LinksJSONL, export.FamiliesJSONL, export.MutationsJSONL, export.OutletLinksJSONL}

// The Beam pipeline on prism and the local runner give the same analysis
// of one generated collection — ordinary reuse of every edit type,
// lineages with dates, outlets and a press release, a wire story carried
// by more documents than the family limit, archives of every kind (JSON
// lines, WARC, CSV, zip) with bad records, duplicates and an unreadable
// file — file for file, byte for byte.
func TestBeamEqualsLocalRunner(t *testing.T) {
	var docs []provenance.Document
	docs = append(docs, gen.Build(3, 2).Docs...)
	for seed := int64(1); seed <= 3; seed++ {
		docs = append(docs, lineages.Generate(seed, lineages.AllDates, seed == 2).Docs...)
	}
	docs = append(docs, gen.WireCollection(120, 40, 120, 9).Docs...)
	in := t.TempDir()
	writeCollection(t, in, docs)
	dup, _ := os.ReadFile(filepath.Join(in, "part0", docs[0].ID+".txt"))
	os.WriteFile(filepath.Join(in, "part2", "zz-copy.txt"), dup, 0o644)
	os.WriteFile(filepath.Join(in, "part1", "empty.txt"), nil, 0o644)
	writeArchives(t, in)

	s := scan.DefaultSettings()
	s.DFCapMin = 20 // the wire story's 40 carriers are a family
	local, beamOut := t.TempDir(), t.TempDir()
	want := runLocal(t, in, local, s)
	if len(want.Passages) < 100 || len(want.Links) < 20 || len(want.Families) < 10 || len(want.Mutations) == 0 ||
		len(want.Duplicates) != 2 || len(want.Errors) != 3 {
		t.Fatalf("collection too poor to test: %d passages, %d links, %d families, %d mutations, %d duplicates, %d errors",
			len(want.Passages), len(want.Links), len(want.Families), len(want.Mutations), len(want.Duplicates), len(want.Errors))
	}
	t.Logf("%d documents: %d passages, %d pairs, %d links, %d families (widest %d members), %d mutations", len(want.Documents), len(want.Passages), len(want.Pairs), len(want.Links), len(want.Families), len(want.Families[0].Members), len(want.Mutations))
	widest := want.Families[0]
	if len(widest.Members) < 40 {
		t.Fatalf("the wire story is no family of 40: widest family has %d members", len(widest.Members))
	}
	runBeam(t, Config{Inputs: []string{in}, Output: beamOut, Settings: s})
	for _, name := range jsonlFiles {
		a, err := os.ReadFile(filepath.Join(local, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(beamOut, name))
		if err != nil {
			t.Errorf("beam wrote no %s: %v", name, err)
			continue
		}
		if !bytes.Equal(a, b) {
			al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
			for i := 0; i < min(len(al), len(bl)); i++ {
				if al[i] != bl[i] {
					t.Errorf("%s differs at line %d (local %d lines, beam %d):\nlocal %.400s\n beam %.400s", name, i+1, len(al), len(bl), al[i], bl[i])
					break
				}
			}
			if len(al) != len(bl) {
				t.Errorf("%s: local %d lines, beam %d", name, len(al), len(bl))
			}
		}
	}
	got, err := export.ReadJSONL(beamOut)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want.Passages {
		if i >= len(got.Passages) || !reflect.DeepEqual(got.Passages[i], want.Passages[i]) {
			t.Errorf("passage %d reads back from the Beam export as\n%+v\nwant\n%+v", i, got.Passages[min(i, len(got.Passages)-1)], want.Passages[i])
			break
		}
	}
	if !reflect.DeepEqual(got.Links, want.Links) {
		t.Errorf("the Beam export reads back to other links than the local runner found")
	}
}
