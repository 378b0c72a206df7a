package export

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

// TestDemoCorpusExports runs the real pipeline on the embedded demo corpus
// and exports everything. COPYTRAIL_KEEP_PNG=DIR keeps the pictures.
func TestDemoCorpusExports(t *testing.T) {
	ctx := context.Background()
	docs, _, errs := ingest.LoadFS(ctx, assets.Demo(), ingest.DefaultOptions())
	if len(errs) > 0 || len(docs) == 0 {
		t.Fatalf("demo corpus: %d docs, %v", len(docs), errs)
	}
	r, err := scan.Run(ctx, docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	names, err := WriteAll(dir, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(files(r, Options{})) {
		t.Errorf("wrote %v", names)
	}
	for name, rows := range map[string]int{"passages.csv": len(r.Passages), "links.csv": len(r.Links), "documents.csv": len(r.Documents), "mutations.csv": len(r.Mutations)} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(recs) != rows+1 {
			t.Errorf("%s: %d records (err %v), want %d rows and a header", name, len(recs), err, rows)
		}
	}
	if keep := os.Getenv("COPYTRAIL_KEEP_PNG"); keep != "" {
		for _, n := range []string{"graph.png", "outlets.png", "comparison.png"} {
			b, _ := os.ReadFile(filepath.Join(dir, n))
			os.WriteFile(filepath.Join(keep, "demo-"+n), b, 0o644)
		}
	}
}
