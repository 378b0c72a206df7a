package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

func init() {
	register("scan", "find shared passages in files or folders (table, --json, --csv)", runScan)
}

// scanFlags are the options of `copytrail scan`.
type scanFlags struct {
	json, withText, csv bool
	preset              string
	set                 provenance.Settings
}

func parseScanFlags(args []string, stderr io.Writer) (*scanFlags, []string, error) {
	f := &scanFlags{}
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: copytrail scan [options] PATH...   (files or folders)")
		fs.PrintDefaults()
	}
	fs.BoolVar(&f.json, "json", false, "print the versioned JSON contract")
	fs.BoolVar(&f.withText, "with-text", false, "with --json: include each document's text")
	fs.BoolVar(&f.csv, "csv", false, "print the pair summaries as CSV")
	fs.StringVar(&f.preset, "preset", "balanced", "strict, balanced or lenient")
	var s provenance.Settings
	fs.IntVar(&s.NGram, "ngram", 0, "words per seed n-gram (default: the preset's)")
	fs.IntVar(&s.MinPassageWords, "min-words", 0, "shortest passage reported, in words")
	fs.IntVar(&s.MaxGap, "max-gap", -1, "most unmatched words bridged inside a passage")
	fs.Float64Var(&s.DFCap, "df-cap", -1, "n-grams in more than this share of documents are aligned as families (against representatives)")
	fs.IntVar(&s.DFCapMin, "df-cap-min", 0, "... and in more than this many documents in any case")
	fs.IntVar(&s.MinSeeds, "min-seeds", -1, "seed n-grams two documents must share to be aligned")
	fs.Float64Var(&s.MinSimilarity, "min-similarity", -1, "lowest matched-words share of a passage (0..1)")
	fs.Float64Var(&s.MergeRatio, "merge-ratio", -1, "merge passages whose gap is at most this share of the shorter one")
	fs.IntVar(&s.MaxDocBytes, "max-doc-bytes", 0, "bytes of text kept per document")
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	base, err := scan.Preset(f.preset)
	if err != nil {
		return nil, nil, err
	}
	custom := false
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "json", "with-text", "csv", "preset":
		default:
			custom = true
		}
	})
	over := func(dst *int, v, unset int) {
		if v != unset {
			*dst = v
		}
	}
	overF := func(dst *float64, v float64) {
		if v >= 0 {
			*dst = v
		}
	}
	over(&base.NGram, s.NGram, 0)
	over(&base.MinPassageWords, s.MinPassageWords, 0)
	over(&base.MaxGap, s.MaxGap, -1)
	over(&base.DFCapMin, s.DFCapMin, 0)
	over(&base.MinSeeds, s.MinSeeds, -1)
	over(&base.MaxDocBytes, s.MaxDocBytes, 0)
	overF(&base.DFCap, s.DFCap)
	overF(&base.MinSimilarity, s.MinSimilarity)
	overF(&base.MergeRatio, s.MergeRatio)
	if custom {
		base.Preset = "custom"
	}
	if err := scan.Validate(base); err != nil {
		return nil, nil, err
	}
	f.set = base
	return f, paths, nil
}

func runScan(args []string, stdout, stderr io.Writer) int {
	f, paths, err := parseScanFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "copytrail scan:", err)
		return 2
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "copytrail scan: no files or folders given")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	docs, dups, errs := ingest.Load(ctx, paths, ingest.DefaultOptions(), nil)
	for _, e := range errs {
		fmt.Fprintln(stderr, "copytrail scan:", e.Error())
	}
	r, err := scan.Run(ctx, docs, f.set, nil)
	if err != nil {
		fmt.Fprintln(stderr, "copytrail scan:", err)
		return 1
	}
	r.Duplicates = append(dups, r.Duplicates...)
	r.Errors = append(r.Errors, errs...)
	switch {
	case f.json:
		err = provenance.WriteContractJSON(stdout, r, f.withText)
	case f.csv:
		err = writePairsCSV(stdout, r)
	default:
		err = writeScanTable(stdout, r)
	}
	if err != nil {
		fmt.Fprintln(stderr, "copytrail scan:", err)
		return 1
	}
	return 0
}

// pairsByCoverage returns the pairs, highest coverage (either side) first.
func pairsByCoverage(r *provenance.Result) []provenance.Pair {
	ps := append([]provenance.Pair(nil), r.Pairs...)
	sort.SliceStable(ps, func(i, j int) bool {
		ci := max(ps[i].ACoverage, ps[i].BCoverage)
		cj := max(ps[j].ACoverage, ps[j].BCoverage)
		if ci != cj {
			return ci > cj
		}
		return ps[i].SharedWords > ps[j].SharedWords
	})
	return ps
}

func label(r *provenance.Result, id string) string {
	if d := r.Doc(id); d != nil {
		l := d.Label()
		if len([]rune(l)) > 40 {
			l = string([]rune(l)[:39]) + "…"
		}
		return l
	}
	return id
}

func pct(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" }

func writeScanTable(w io.Writer, r *provenance.Result) error {
	s := r.Settings
	fmt.Fprintf(w, "%d documents, %d passages, %d pairs  (preset %s: ngram %d, min words %d, max gap %d, df cap %g/min %d, min seeds %d, min similarity %g, merge ratio %g)\n\n",
		len(r.Documents), len(r.Passages), len(r.Pairs), s.Preset, s.NGram, s.MinPassageWords, s.MaxGap, s.DFCap, s.DFCapMin, s.MinSeeds, s.MinSimilarity, s.MergeRatio)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "A\tB\tA COVERAGE\tB COVERAGE\tSHARED WORDS\tLONGEST\tPASSAGES\tINCIDENTAL")
	for _, p := range pairsByCoverage(r) {
		inc := 0
		for _, i := range p.Passages {
			if r.Passages[i].Incidental {
				inc++
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n", label(r, p.A), label(r, p.B),
			pct(p.ACoverage), pct(p.BCoverage), p.SharedWords, p.LongestPassage, len(p.Passages), inc)
	}
	if len(r.Pairs) == 0 {
		fmt.Fprintln(tw, "(no shared passages)")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Links) > 0 {
		fmt.Fprintln(w, "\nLinks (source → target):")
		tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SOURCE\tTARGET\tKIND\tCONFIDENCE\tREASONS")
		for _, l := range r.Links {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", label(r, l.Source), label(r, l.Target), l.Kind, pct(l.Confidence), strings.Join(l.Reasons, "; "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, d := range r.Duplicates {
		fmt.Fprintf(w, "duplicate: %s = %s (%s)\n", label(r, d.Doc), label(r, d.Original), d.Reason)
	}
	return nil
}

func writePairsCSV(w io.Writer, r *provenance.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"a", "b", "a_label", "b_label", "a_coverage", "b_coverage", "shared_words", "longest_passage", "passages"})
	for _, p := range pairsByCoverage(r) {
		cw.Write([]string{p.A, p.B, label(r, p.A), label(r, p.B),
			strconv.FormatFloat(p.ACoverage, 'f', 4, 64), strconv.FormatFloat(p.BCoverage, 'f', 4, 64),
			strconv.Itoa(p.SharedWords), strconv.Itoa(p.LongestPassage), strconv.Itoa(len(p.Passages))})
	}
	cw.Flush()
	return cw.Error()
}
