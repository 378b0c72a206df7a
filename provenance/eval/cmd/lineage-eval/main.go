// Command lineage-eval measures the lineage layer on generated lineages and
// prints the tables of docs/lineage.md: edge precision and recall,
// direction accuracy, the common-source rate, links between independent
// texts, and the reliability of the confidence.
//
//	go run ./provenance/eval/cmd/lineage-eval [-n 10] [-seed 1000] [-preset balanced]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/eval"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
	"github.com/copytrail/copytrail/provenance/scan"
)

func main() {
	n := flag.Int("n", 10, "cases per language and date mode")
	seed := flag.Int64("seed", 1000, "first seed")
	preset := flag.String("preset", "balanced", "engine preset")
	verbose := flag.Bool("v", false, "list every wrong, missed or indirect link")
	realOnly := flag.Bool("real", false, "only the real-world families")
	dump := flag.String("dump", "", "print the clues of every real-world pair whose page names contain this")
	flag.Parse()
	settings, err := scan.Preset(*preset)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineage-eval:", err)
		os.Exit(2)
	}
	run := func(ctx context.Context, docs []provenance.Document) (*provenance.Result, error) {
		return scan.Run(ctx, docs, settings, nil)
	}
	realWorld(settings, *verbose, *dump)
	if *realOnly {
		return
	}
	rows := map[lineages.DateMode]*eval.LineageScore{}
	for _, m := range []lineages.DateMode{lineages.AllDates, lineages.SomeDates, lineages.NoDates} {
		s, err := eval.RunLineages(context.Background(), run, m, *n, *seed)
		if err != nil {
			fmt.Fprintln(os.Stderr, "lineage-eval:", err)
			os.Exit(1)
		}
		rows[m] = s
		if *verbose {
			for _, f := range s.Failures {
				fmt.Fprintln(os.Stderr, f)
			}
		}
	}
	fmt.Printf("\nGenerated lineages: %d cases per language (English, French) and date mode, seeds %d–%d, preset %s.\n\n", *n, *seed, *seed+int64(*n)-1, *preset)
	eval.WriteLineageTable(os.Stdout, rows)
	fmt.Println()
	eval.WriteReliability(os.Stdout, rows)
}

// realWorld prints the tables of the real-world families beside the module
// root (shared/realworld, realworld-own), bare and with metadata.
func realWorld(settings provenance.Settings, verbose bool, dump string) {
	sets, missing, err := eval.RealWorldSets()
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineage-eval:", err)
		os.Exit(1)
	}
	for _, m := range missing {
		fmt.Println(m)
	}
	if len(sets) == 0 {
		return
	}
	rows, err := eval.RunRealWorldSets(context.Background(), sets, settings)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineage-eval:", err)
		os.Exit(1)
	}
	fmt.Printf("Real-world families (preset %s): shared = the families the rules were tuned on; own = held out.\n\n", settings.Preset)
	eval.WriteRealWorld(os.Stdout, rows)
	if dump != "" {
		for _, s := range rows {
			s.WriteClueDump(os.Stderr, dump)
		}
	}
	if verbose {
		for _, s := range rows {
			for _, f := range s.Failures {
				fmt.Fprintf(os.Stderr, "%s / %s: %s\n", s.Set, s.Mode, f)
			}
		}
	}
}
