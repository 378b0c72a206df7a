// Command lineage-eval measures the lineage layer on generated lineages and
// prints the tables of docs/lineage.md: edge precision and recall,
// direction accuracy, the common-source rate, links between independent
// texts, and the reliability of the confidence.
//
//	go run ./provenance/eval/cmd/lineage-eval [-n 10] [-seed 1000] [-preset balanced] [-real] [-v] [-held-out]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/eval"
	"github.com/copytrail/copytrail/provenance/gen"
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
	heldOut := flag.Bool("held-out", false, "print the held-out (fresh5) families' failures (and with -dump their clues); not for whoever tunes the rules")
	flag.Parse()
	settings, err := scan.Preset(*preset)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineage-eval:", err)
		os.Exit(2)
	}
	run := func(ctx context.Context, docs []provenance.Document) (*provenance.Result, error) {
		return scan.Run(ctx, docs, settings, nil)
	}
	realWorld(settings, *verbose, *dump, *heldOut)
	if *realOnly {
		return
	}
	generatedReuse(run, *verbose)
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
// root (shared/realworld, realworld-own, realworld-fresh, realworld-fresh2,
// realworld-fresh3, realworld-fresh4, realworld-fresh5),
// bare and with metadata. verbose prints the failures of the sets the rules
// are tuned on; the failures and clue dumps of a held-out set are printed
// only when heldOut asks for them, so that whoever tunes the rules does not
// see them in passing.
func realWorld(settings provenance.Settings, verbose bool, dump string, heldOut bool) {
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
	fmt.Printf("Real-world families (preset %s): shared, own, fresh, fresh2, fresh3 and fresh4 = the families the rules are tuned on; fresh5 = held out (its failures are printed only with -held-out).\n\n", settings.Preset)
	eval.WriteRealWorld(os.Stdout, rows)
	if dump != "" {
		for _, s := range rows {
			if eval.HeldOut(s.Set) && !heldOut {
				continue
			}
			s.WriteClueDump(os.Stderr, dump)
		}
	}
	// -v shows the tuned sets' failures, -held-out the held-out sets'.
	for _, s := range rows {
		show := verbose
		if eval.HeldOut(s.Set) {
			show = heldOut
		}
		if !show {
			continue
		}
		for _, f := range s.Failures {
			fmt.Fprintf(os.Stderr, "%s / %s: %s\n", s.Set, s.Mode, f)
		}
	}
}

// generatedReuse prints the wire-rewrite, PAN-style and short-answer tables.
func generatedReuse(run eval.Runner, verbose bool) {
	ctx := context.Background()
	var wires []*eval.WireScore
	for _, mode := range []eval.Mode{eval.Bare, eval.WithMetadata} {
		s, err := eval.RunWire(ctx, run, mode, 30, 3000)
		if err != nil {
			fmt.Fprintln(os.Stderr, "lineage-eval:", err)
			os.Exit(1)
		}
		wires = append(wires, s)
		if verbose {
			for _, f := range s.Failures {
				fmt.Fprintln(os.Stderr, "wire:", f)
			}
		}
	}
	fmt.Println("\nGenerated wire rewrites (30 cases, seeds 3000–3029; agency copy and its same-day rewrites, plus same-event independents):")
	fmt.Println()
	eval.WriteWireTable(os.Stdout, wires)
	v, err := eval.RunVerbatim(ctx, run, gen.BuildVerbatim(11, 20, 4000, 300, 4))
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineage-eval:", err)
		os.Exit(1)
	}
	answers, err := eval.RunShortAnswers(ctx, run, gen.BuildShortAnswers(12, 5, 19))
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineage-eval:", err)
		os.Exit(1)
	}
	fmt.Println("\nGenerated reuse corpora in the shape of PAN's text alignment (20 books, 300 documents inserting 300–2,200-character passages, 4 of them popular) and of Clough and Stevenson's short answers (5 articles, 19 answers per category):")
	fmt.Println()
	eval.WriteReuseTables(os.Stdout, v, answers)
}
