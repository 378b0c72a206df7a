package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/copytrail/copytrail/provenance/gen"
)

func init() {
	register("gen", "generate a test collection with known reuse (ground truth in truth.json)", runGen)
}

// runGen writes a generated collection: one .txt file per document and
// truth.json with every reused span in both documents.
func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "folder to write the collection to (required; created if missing)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed makes the same collection")
	cases := fs.Int("cases", 10, "cases per edit type")
	corpus := fs.Int("corpus", 0, "instead: a benchmark corpus of this many ~600-word articles")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: copytrail gen -out DIR [-seed N] [-cases N | -corpus N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *out == "" || *cases < 1 || *corpus < 0 {
		fs.Usage()
		return 2
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "copytrail gen:", err)
		return 1
	}
	c := &gen.Collection{}
	if *corpus > 0 {
		c.Docs = gen.Corpus(*corpus, 600, *seed)
	} else {
		c = gen.Build(*seed, *cases)
	}
	for _, d := range c.Docs {
		if err := os.WriteFile(filepath.Join(*out, d.Path), []byte(d.Text), 0o644); err != nil {
			fmt.Fprintln(stderr, "copytrail gen:", err)
			return 1
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
		fmt.Fprintln(stderr, "copytrail gen: truth.json:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d documents and %d reused spans to %s\n", len(c.Docs), len(c.Cases), *out)
	return 0
}
