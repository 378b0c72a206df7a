// Command wiregen writes the collection docs/SCALE.md measures the Beam
// pipeline on: gen.WireCollection's benchmark articles (~600 words, a topic
// per ten, every fifth reusing sentences of an earlier one) with one wire
// story carried verbatim by many of them — the hot key of the index.
//
//	go run ./internal/wiregen -out DIR -n 10000 -carriers 2000
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/copytrail/copytrail/provenance/gen"
)

func main() {
	out := flag.String("out", "", "folder to write into (created)")
	n := flag.Int("n", 10000, "articles")
	carriers := flag.Int("carriers", 2000, "articles carrying the wire story")
	words := flag.Int("story", 120, "words of the wire story")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: wiregen -out DIR [-n N] [-carriers N] [-story WORDS] [-seed N]")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "wiregen:", err)
		os.Exit(1)
	}
	c := gen.WireCollection(*n, *carriers, *words, *seed)
	for _, d := range c.Docs {
		if err := os.WriteFile(filepath.Join(*out, d.Path), []byte(d.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "wiregen:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d articles (%d carry the wire story) to %s\n", len(c.Docs), *carriers, *out)
}
