package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/copytrail/copytrail/provenance/gen"
)

func init() {
	register(&command{
		name:    "gen",
		summary: "generate a test collection with known reuse (ground truth in truth.json)",
		usage:   "--out DIR [--seed N] [--cases N | --corpus N]",
		about: `Writes one .txt file per generated article into DIR and truth.json with every reused
span in both documents, to measure the engine against. The same seed makes the same
collection.`,
		examples: []string{"gen --out out/gen --cases 1", "gen --out out/bench --corpus 20 --seed 7"},
		setup:    setupGen,
	})
}

// setupGen writes a generated collection: one .txt file per document and
// truth.json with every reused span in both documents.
func setupGen(fs *flag.FlagSet) func(e *Env, args []string) int {
	out := fs.String("out", "", "folder `DIR` to write the collection to (required; created if missing)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed makes the same collection")
	cases := fs.Int("cases", 10, "cases per edit type")
	corpus := fs.Int("corpus", 0, "instead: a benchmark corpus of this many ~600-word articles")
	return func(e *Env, args []string) int {
		switch {
		case len(args) > 0:
			return e.UsageError(fmt.Errorf("takes no arguments, got %q", args[0]))
		case *out == "":
			return e.UsageError(errors.New("--out DIR is required"))
		case *cases < 1 || *corpus < 0:
			return e.UsageError(errors.New("--cases must be at least 1 and --corpus not negative"))
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return e.Fail(err)
		}
		c := &gen.Collection{}
		if *corpus > 0 {
			c = gen.CorpusCollection(*corpus, 600, *seed)
		} else {
			c = gen.Build(*seed, *cases)
		}
		for _, d := range c.Docs {
			if err := os.WriteFile(filepath.Join(*out, d.Path), []byte(d.Text), 0o644); err != nil {
				return e.Fail(err)
			}
		}
		truth, err := json.MarshalIndent(struct {
			Seed uint64 `json:"seed"`
			*gen.Collection
		}{*seed, c}, "", "  ")
		if err == nil {
			err = os.WriteFile(filepath.Join(*out, "truth.json"), append(truth, '\n'), 0o644)
		}
		if err != nil {
			return e.Fail(fmt.Errorf("truth.json: %w", err))
		}
		e.Infof("wrote %d documents and %d reused spans to %s", len(c.Docs), len(c.Cases), *out)
		return ExitOK
	}
}
