package export

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export/exporttest"
)

// The JSON Lines export reads back into the Result it was written from.
func TestJSONLRoundTrip(t *testing.T) {
	dir := t.TempDir()
	r := exporttest.Sample()
	r.Passages[len(r.Passages)-1].Diff = nil // an incidental passage may have no diff
	r.Duplicates = []provenance.Duplicate{{Doc: "x", Original: "y", Reason: "identical text"}}
	r.Errors = []provenance.FileError{{Path: "/tmp/bad.pdf", Reason: "not a PDF"}}
	if _, err := WriteAll(dir, r, Options{Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) == 0 || len(got.Passages) == 0 || len(got.Links) == 0 {
		t.Fatalf("sample too small to test: %d documents, %d passages, %d links", len(got.Documents), len(got.Passages), len(got.Links))
	}
	for _, c := range []struct {
		kind      string
		got, want any
	}{
		{"settings", got.Settings, r.Settings}, {"documents", got.Documents, r.Documents},
		{"passages", got.Passages, r.Passages}, {"pairs", got.Pairs, r.Pairs}, {"links", got.Links, r.Links},
		{"families", got.Families, r.Families}, {"mutations", got.Mutations, r.Mutations},
		{"outlet edges", got.OutletEdges, r.OutletEdges}, {"duplicates", got.Duplicates, r.Duplicates}, {"errors", got.Errors, r.Errors},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ after the round trip:\n got %+v\nwant %+v", c.kind, c.got, c.want)
		}
	}
}

// Shards are read in order, as one file; a bad line is named by file and
// line; a folder that is no export says so.
func TestReadJSONLShardsAndErrors(t *testing.T) {
	dir := t.TempDir()
	r := exporttest.Sample()
	if _, err := WriteAll(dir, r, Options{Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, PassagesFile))
	if err != nil {
		t.Fatal(err)
	}
	ls := strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(ls) < 2 {
		t.Fatalf("sample has %d passages, need 2", len(ls))
	}
	os.Remove(filepath.Join(dir, PassagesFile))
	// shard 1 sorts after shard 0 only if read in name order
	os.WriteFile(filepath.Join(dir, ShardName(PassagesFile, 1, 2)), []byte(strings.Join(ls[1:], "")), 0o644)
	os.WriteFile(filepath.Join(dir, ShardName(PassagesFile, 0, 2)), []byte(ls[0]), 0o644)
	got, err := ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Passages, r.Passages) {
		t.Errorf("passages read from shards differ from the passages written")
	}
	os.WriteFile(filepath.Join(dir, LinksJSONL), []byte("{\"source\":\"a\"}\n{oops\n"), 0o644)
	if _, err := ReadJSONL(dir); err == nil || !strings.Contains(err.Error(), "links.jsonl line 2") {
		t.Errorf("bad line: err = %v, want one naming links.jsonl line 2", err)
	}
	if _, err := ReadJSONL(t.TempDir()); err == nil || !strings.Contains(err.Error(), AnalysisJSON) {
		t.Errorf("empty folder: err = %v, want one naming %s", err, AnalysisJSON)
	}
}
