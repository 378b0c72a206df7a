package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance/fastre"
	"github.com/copytrail/copytrail/provenance/gen"
)

// TestPatternsMatchAsRegexp holds the patterns ingest reads lines with
// through provenance/fastre (tried only where a match can start) to the
// standard library's regexp: every match and submatch the same on the
// texts of both generators and, when they are beside the module, the seeds
// and the real-world families — on each whole text, each line, each line
// lower-cased and each two lines joined as joinWrapped joins them.
func TestPatternsMatchAsRegexp(t *testing.T) {
	if raceEnabled {
		t.Skip("one goroutine over many texts: left to the run without the race detector")
	}
	docs := append(gen.Build(3, 2).Docs, gen.CorpusCollection(40, 600, 3).Docs...)
	real := 0
	seeds := testseeds.Dir(t)
	root := filepath.Dir(filepath.Dir(seeds)) // beside the module: shared/seeds, shared/realworld, realworld-own, realworld-fresh, realworld-fresh2, realworld-fresh3
	for _, dir := range []string{seeds, filepath.Join(root, "shared", "realworld"), filepath.Join(root, "realworld-own"), filepath.Join(root, "realworld-fresh"), filepath.Join(root, "realworld-fresh2"), filepath.Join(root, "realworld-fresh3")} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			loaded, _, _ := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
			docs = append(docs, loaded...)
			real += len(loaded)
		}
	}
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	var inputs []string
	for _, s := range texts {
		inputs = append(inputs, s)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			inputs = append(inputs, l, strings.ToLower(l))
			if i+1 < len(lines) {
				j := l + " " + lines[i+1]
				inputs = append(inputs, j, strings.ToLower(j))
			}
		}
	}
	patterns := fastre.Compiled()
	if len(patterns) < 2 {
		t.Fatalf("only %d patterns registered", len(patterns))
	}
	for _, re := range patterns {
		for _, s := range inputs {
			if err := re.Check(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("%d patterns on %d inputs from %d texts (%d real)", len(patterns), len(inputs), len(texts), real)
}
