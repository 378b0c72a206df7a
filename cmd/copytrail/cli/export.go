package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/scan"
)

func init() {
	register(&command{
		name:    "export",
		summary: "write CSV, JSONL, Parquet, GraphML, GEXF, DOT and PNG files (--dir OUT)",
		usage:   "--dir OUT [--formats " + strings.Join(export.Formats, ",") + "] [--preset P] [--compare A,B] PATH...",
		about: `Writes the analysis into the folder OUT (created if missing) and prints the name of
every file written. Every file and column is described in docs/exports.md. --compare A,B
adds slide-sized PNGs of that comparison.`,
		examples: []string{"export --dir out/export articles/", "export --dir out/graph --formats graphml,gexf articles/"},
		values:   map[string][]string{"preset": scan.Presets, "formats": export.Formats},
		files:    true,
		setup:    setupExport,
	})
}

func setupExport(fs *flag.FlagSet) func(e *Env, paths []string) int {
	var a analysisFlags
	var dir, formats string
	fs.StringVar(&dir, "dir", "", "the folder `OUT` to write into (created if missing)")
	fs.StringVar(&formats, "formats", strings.Join(export.Formats, ","), "comma-separated `formats`")
	a.add(fs)
	return func(e *Env, paths []string) int {
		switch {
		case dir == "":
			return e.UsageError(errors.New("--dir OUT is required"))
		case len(paths) == 0:
			return e.UsageError(errors.New("no files or folders given"))
		}
		var opts export.Options
		for _, f := range strings.Split(formats, ",") {
			if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
				if !export.KnownFormat(f) {
					return e.UsageError(fmt.Errorf("unknown format %q (known: %s)", f, strings.Join(export.Formats, ", ")))
				}
				opts.Formats = append(opts.Formats, f)
			}
		}
		r, status := analyse(e, paths, a.preset)
		if r == nil {
			return status
		}
		var err error
		if opts.Compare, err = resolvePair(r, a.compare); err != nil {
			return e.UsageError(err)
		}
		names, err := export.WriteAll(dir, r, opts)
		for _, n := range names {
			e.Infof("%s", n)
		}
		if err != nil {
			return e.Fail(err)
		}
		return status
	}
}
