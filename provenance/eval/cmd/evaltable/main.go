// Command evaltable generates a test collection with known reuse, scans it
// with every preset and prints PAN's measures per edit type (`make eval`).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/copytrail/copytrail/provenance/eval"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

func main() {
	seed := flag.Uint64("seed", 1, "generator seed")
	per := flag.Int("cases", 20, "cases per edit type")
	flag.Parse()
	c := gen.Build(*seed, *per)
	fmt.Printf("collection: seed %d, %d cases per type, %d documents, %d reused spans\n\n", *seed, *per, len(c.Docs), len(c.Cases))
	var rows []eval.PANRow
	for _, name := range scan.Presets {
		s, _ := scan.Preset(name)
		rs, err := eval.PAN(context.Background(), c, s)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evaltable:", err)
			os.Exit(1)
		}
		rows = append(rows, rs...)
	}
	if err := eval.WritePANTable(os.Stdout, rows); err != nil {
		fmt.Fprintln(os.Stderr, "evaltable:", err)
		os.Exit(1)
	}
}
