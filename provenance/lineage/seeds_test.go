package lineage_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/scan"
)

// seedsDir finds ../shared/seeds beside the repository root.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	seeds := filepath.Join(dir, "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed articles not found at %s: skipping the seed checks", seeds)
	}
	return seeds
}

// loadSeeds reads the seed .txt files as documents with no dates.
func loadSeeds(t *testing.T) []provenance.Document {
	dir := seedsDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed files in %s", dir)
	}
	sort.Strings(files)
	var docs []provenance.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read seed %s: %v", f, err)
		}
		id := filepath.Base(f)[:3]
		text := strings.ReplaceAll(strings.TrimPrefix(string(b), "\ufeff"), "\r\n", "\n")
		docs = append(docs, provenance.Document{ID: id, Path: f, Format: "txt", Text: text})
	}
	return docs
}

func TestSeedsLineage(t *testing.T) {
	docs := loadSeeds(t)
	r, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Links {
		t.Logf("link %s -> %s %s %.2f\n  %s", l.Source, l.Target, l.Kind, l.Confidence, strings.Join(l.Reasons, "\n  "))
	}
	for _, m := range r.Mutations {
		t.Logf("mutation %s %q -> %q (%s)", m.Kind, m.SourceText, m.TargetText, m.Explanation)
	}
	for _, p := range r.Passages {
		t.Logf("passage %s-%s inc=%v %q | %q", p.A, p.B, p.Incidental, r.Doc(p.A).Text[p.AStart:p.AEnd], r.Doc(p.B).Text[p.BStart:p.BEnd])
	}
}
