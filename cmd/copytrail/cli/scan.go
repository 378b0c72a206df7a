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
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

func init() {
	register(&command{
		name:    "scan",
		summary: "find shared passages in files or folders (a table, --json or --csv)",
		usage:   "[--json [--with-text] | --jsonl [--with-text] | --csv] [--preset P] [engine options] PATH...",
		about: `PATH is a file or a folder (read recursively). The table lists the pairs of articles by
coverage, then each link with its direction, confidence and reasons. --json prints the
versioned contract described in the README; --jsonl streams the same values as JSON
Lines (one record a line, each with a "record" naming its kind) as the engine decides them; every
output repeats the settings used. On a terminal, progress is drawn on stderr.
A file that cannot be read is named on stderr and in the "errors" array, the others are
still scanned, and the exit status is 1.`,
		examples: []string{"scan articles/", "scan --json --preset strict articles/", "scan --csv articles/", "scan --jsonl articles/"},
		values:   map[string][]string{"preset": scan.Presets},
		files:    true,
		setup:    setupScan,
	})
}

// scanFlags are the options of ` + "`copytrail scan`" + `.
type scanFlags struct {
	json, withText, csv bool
	jsonl               bool
	preset              string
	set                 provenance.Settings // as given: -1 or 0 means the preset's
	cpuProfile          string
	memProfile          string
}

func (f *scanFlags) add(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "print the versioned JSON contract")
	fs.BoolVar(&f.withText, "with-text", false, "with --json: include each document's text")
	fs.BoolVar(&f.csv, "csv", false, "print the pair summaries as CSV")
	fs.BoolVar(&f.jsonl, "jsonl", false, "stream documents, passages, pairs and links as JSON Lines as they are decided")
	fs.StringVar(&f.preset, "preset", "balanced", "engine preset")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the scan to `FILE` (for go tool pprof)")
	fs.StringVar(&f.memProfile, "memprofile", "", "write a heap profile to `FILE` when the scan has decided everything, its result still held (go tool pprof: inuse_space, or -sample_index=alloc_space for all it allocated)")
	s := &f.set
	fs.IntVar(&s.NGram, "ngram", 0, "words per seed n-gram (default: the preset's)")
	fs.IntVar(&s.MinPassageWords, "min-words", 0, "shortest passage reported, in words")
	fs.IntVar(&s.MaxGap, "max-gap", -1, "most unmatched words bridged inside a passage")
	fs.Float64Var(&s.DFCap, "df-cap", -1, "n-grams in more than this share of documents are aligned as families (against representatives)")
	fs.IntVar(&s.DFCapMin, "df-cap-min", 0, "... and in more than this many documents in any case")
	fs.IntVar(&s.MinSeeds, "min-seeds", -1, "seed n-grams two documents must share to be aligned")
	fs.Float64Var(&s.MinSimilarity, "min-similarity", -1, "lowest matched-words share of a passage (0..1)")
	fs.Float64Var(&s.MergeRatio, "merge-ratio", -1, "merge passages whose gap is at most this share of the shorter one")
	fs.IntVar(&s.MaxDocBytes, "max-doc-bytes", 0, "bytes of text kept per document")
}

// settings applies the flags the user set over the preset's values.
func (f *scanFlags) settings(fs *flag.FlagSet) (provenance.Settings, error) {
	base, err := scan.Preset(f.preset)
	if err != nil {
		return base, err
	}
	custom := false
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "json", "jsonl", "with-text", "csv", "preset", "quiet", "q", "cpuprofile", "memprofile":
		default:
			custom = true
		}
	})
	s := f.set
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
	return base, scan.Validate(base)
}

func setupScan(fs *flag.FlagSet) func(e *Env, paths []string) int {
	f := &scanFlags{}
	f.add(fs)
	return func(e *Env, paths []string) int {
		set, err := f.settings(fs)
		if err != nil {
			return e.UsageError(err)
		}
		if len(paths) == 0 {
			return e.UsageError(errors.New("no files or folders given"))
		}
		if n := btoi(f.json) + btoi(f.csv) + btoi(f.jsonl); n > 1 {
			return e.UsageError(errors.New("--json, --jsonl and --csv: choose one"))
		}
		if f.cpuProfile != "" {
			stop, err := startCPUProfile(f.cpuProfile)
			if err != nil {
				return e.Fail(err)
			}
			defer stop()
		}
		var decided func(string, *provenance.Result)
		if f.memProfile != "" {
			out, err := os.Create(f.memProfile)
			if err != nil {
				return e.Fail(fmt.Errorf("heap profile: %w", err))
			}
			defer out.Close()
			decided = heapProfileAt("lineage", out, e)
		}
		if f.jsonl {
			return scanJSONL(e, paths, set, f.withText, decided)
		}
		r, status := load(e, paths, set, decided)
		if r == nil {
			return status
		}
		switch {
		case f.json:
			err = provenance.WriteContractJSON(e.Stdout, r, f.withText)
		case f.csv:
			err = writePairsCSV(e.Stdout, r)
		default:
			err = writeScanTable(e.Stdout, r)
		}
		if err != nil {
			return e.Fail(err)
		}
		return status
	}
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	out, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, fmt.Errorf("CPU profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		out.Close()
	}, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// heapProfileAt returns a Scanner.Decided that writes the heap profile to
// out when stage is decided (the result then still held), reporting a
// failure on e's stderr.
func heapProfileAt(stage string, out *os.File, e *Env) func(string, *provenance.Result) {
	return func(s string, _ *provenance.Result) {
		if s != stage {
			return
		}
		runtime.GC() // the heap as it is live, not as last collected
		if err := pprof.WriteHeapProfile(out); err != nil {
			e.Errorf("heap profile %s: %s", out.Name(), err)
		}
	}
}

// scanJSONL streams the scan of paths as JSON Lines (jsonlWriter) and,
// when also is not nil, hands it each stage decided after the writer.
func scanJSONL(e *Env, paths []string, set provenance.Settings, withText bool, also func(string, *provenance.Result)) int {
	j := newJSONLWriter(e.Stdout, withText)
	j.settings(set)
	decided := j.decided
	if also != nil {
		decided = func(stage string, r *provenance.Result) {
			j.decided(stage, r)
			also(stage, r)
		}
	}
	r, status, timing := loadTimed(e, paths, set, decided)
	j.stageSeconds = timing
	if err := j.finish(r); err != nil {
		return e.Fail(err)
	}
	return status
}

// load reads paths and scans them with set. Per-file problems go to stderr
// (and into the result's errors) and make the status ExitFailed; the other
// files are still scanned. A nil result means nothing could be done.
// decided, when set, receives each stage's values as they are decided
// (scan.Scanner.Decided). Progress is drawn on e.Progress.
func load(e *Env, paths []string, set provenance.Settings, decided func(string, *provenance.Result)) (*provenance.Result, int) {
	r, status, _ := loadTimed(e, paths, set, decided)
	return r, status
}

// loadTimed is load that also gives each stage's wall time in seconds.
func loadTimed(e *Env, paths []string, set provenance.Settings, decided func(string, *provenance.Result)) (*provenance.Result, int, map[string]float64) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	bar := newProgressBar(e.Progress)
	defer bar.done()
	bar.update(provenance.Progress{Stage: "reading"})
	docs, dups, errs := ingest.Load(ctx, paths, ingest.DefaultOptions(), bar.update)
	for _, err := range errs {
		e.Errorf("%s", err.Error())
	}
	sc := &scan.Scanner{Decided: decided}
	r, err := sc.Run(ctx, docs, set, bar.update)
	bar.done()
	timing := bar.clock.seconds(time.Now())
	if err != nil {
		return nil, e.Fail(err), timing
	}
	r.Duplicates = append(dups, r.Duplicates...)
	r.Errors = append(r.Errors, errs...)
	if len(errs) > 0 {
		return r, ExitFailed, timing
	}
	return r, ExitOK, timing
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

// writePairsCSV writes the pair summaries as CSV, cells that a spreadsheet
// would run as formulas neutralised as in every CSV export (export.CSVCell).
func writePairsCSV(w io.Writer, r *provenance.Result) error {
	cw := csv.NewWriter(w)
	row := func(cells ...string) {
		for i, c := range cells {
			cells[i] = export.CSVCell(c)
		}
		cw.Write(cells)
	}
	row("a", "b", "a_label", "b_label", "a_coverage", "b_coverage", "shared_words", "longest_passage", "passages")
	for _, p := range pairsByCoverage(r) {
		row(p.A, p.B, label(r, p.A), label(r, p.B),
			strconv.FormatFloat(p.ACoverage, 'f', 4, 64), strconv.FormatFloat(p.BCoverage, 'f', 4, 64),
			strconv.Itoa(p.SharedWords), strconv.Itoa(p.LongestPassage), strconv.Itoa(len(p.Passages)))
	}
	cw.Flush()
	return cw.Error()
}
