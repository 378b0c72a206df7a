package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/copytrail/copytrail/provenance/export"
)

func init() {
	register("export", "write CSV, JSONL, GraphML, GEXF, DOT and PNG files (--dir OUT)", runExport)
}

func runExport(args []string, stdout, stderr io.Writer) int {
	var a analysisFlags
	var dir, formats string
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: copytrail export --dir OUT [--formats "+strings.Join(export.Formats, ",")+"] [--preset P] [--compare A,B] PATH...")
		fs.PrintDefaults()
	}
	fs.StringVar(&dir, "dir", "", "the folder to write into (created if missing)")
	fs.StringVar(&formats, "formats", strings.Join(export.Formats, ","), "comma-separated formats")
	a.add(fs)
	paths, err := parseWithPaths(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err == nil && dir == "" {
		err = errors.New("--dir OUT is required")
	}
	if err == nil && len(paths) == 0 {
		err = errors.New("no files or folders given")
	}
	var opts export.Options
	for _, f := range strings.Split(formats, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
			if !export.KnownFormat(f) && err == nil {
				err = fmt.Errorf("unknown format %q (known: %s)", f, strings.Join(export.Formats, ", "))
			}
			opts.Formats = append(opts.Formats, f)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "copytrail export:", err)
		return 2
	}
	r, err := analyse("export", paths, a.preset, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "copytrail export:", err)
		return 1
	}
	if opts.Compare, err = resolvePair(r, a.compare); err != nil {
		fmt.Fprintln(stderr, "copytrail export:", err)
		return 2
	}
	names, err := export.WriteAll(dir, r, opts)
	for _, n := range names {
		fmt.Fprintln(stdout, n)
	}
	if err != nil {
		fmt.Fprintln(stderr, "copytrail export:", err)
		return 1
	}
	fmt.Fprintf(stderr, "copytrail export: wrote %d files into %s\n", len(names), dir)
	return 0
}
