package lineage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance/fastre"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/ingest"
)

// TestPatternsMatchAsRegexp holds every pattern the lineage layer reads
// texts with (provenance/fastre, which tries a pattern only where a match
// can start) to the standard library's regexp on generated collections of
// both generators, the demo corpus and, when present, the real seed and
// real-world articles: every match, submatch and count the same.
func TestPatternsMatchAsRegexp(t *testing.T) {
	if raceEnabled {
		t.Skip("one goroutine over many texts: left to the run without the race detector")
	}
	var texts []string
	for _, d := range gen.Build(3, 2).Docs {
		texts = append(texts, d.Text)
	}
	for _, d := range gen.CorpusCollection(60, 600, 3).Docs {
		texts = append(texts, d.Text)
	}
	demo, _, errs := ingest.LoadFS(context.Background(), assets.Demo(), ingest.DefaultOptions())
	if len(errs) > 0 || len(demo) == 0 {
		t.Fatalf("demo corpus: %d documents, errors %v", len(demo), errs)
	}
	for _, d := range demo {
		texts = append(texts, d.Text)
	}
	real := 0
	if seeds := realFolders(t); len(seeds) > 0 {
		docs, _, _ := ingest.Load(context.Background(), seeds, ingest.DefaultOptions(), nil)
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
		real = len(docs)
	}
	patterns := fastre.Compiled()
	if len(patterns) < 40 {
		t.Fatalf("only %d patterns registered", len(patterns))
	}
	for _, re := range patterns {
		for _, s := range texts {
			if err := re.Check(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("%d patterns on %d texts (%d real)", len(patterns), len(texts), real)
}

// realFolders are the seeds and the real-world families beside the module
// root, those present.
func realFolders(t *testing.T) []string {
	var out []string
	t.Run("seeds", func(t *testing.T) {
		seeds := testseeds.Dir(t)
		out = append(out, seeds)
		if rw := filepath.Join(filepath.Dir(seeds), "realworld"); dirExists(rw) {
			out = append(out, rw)
		}
	})
	return out
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
