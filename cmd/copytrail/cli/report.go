package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/report"
	"github.com/copytrail/copytrail/provenance/scan"
)

func init() {
	register("report", "write a self-contained HTML report (--html out.html)", runReport)
}

// analysisFlags are the options report and export share.
type analysisFlags struct {
	preset  string
	compare string
}

func (a *analysisFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&a.preset, "preset", "balanced", "strict, balanced or lenient")
	fs.StringVar(&a.compare, "compare", "", "two documents `A,B` (ID, path, file name or title)")
}

// parseWithPaths parses flags that may come before or after the paths.
func parseWithPaths(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return paths, nil
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// analyse loads paths and scans them with the preset, reporting per-file
// problems on stderr as "copytrail CMD: path: reason".
func analyse(cmd string, paths []string, preset string, stderr io.Writer) (*provenance.Result, error) {
	settings, err := scan.Preset(preset)
	if err != nil {
		return nil, err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	docs, dups, errs := ingest.Load(ctx, paths, ingest.DefaultOptions(), nil)
	for _, e := range errs {
		fmt.Fprintf(stderr, "copytrail %s: %s\n", cmd, e.Error())
	}
	if len(docs) == 0 {
		return nil, errors.New("no readable documents in " + strings.Join(paths, ", "))
	}
	r, err := scan.Run(ctx, docs, settings, nil)
	if err != nil {
		return nil, err
	}
	r.Duplicates = append(dups, r.Duplicates...)
	r.Errors = append(r.Errors, errs...)
	return r, nil
}

// resolvePair finds the two documents named by "A,B": each an ID, a path,
// a file name or a title.
func resolvePair(r *provenance.Result, spec string) ([2]string, error) {
	var ids [2]string
	if spec == "" {
		return ids, nil
	}
	parts := strings.Split(spec, ",")
	if len(parts) != 2 {
		return ids, fmt.Errorf("--compare wants two documents separated by a comma, got %q", spec)
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		var found []string
		for _, d := range r.Documents {
			if d.ID == p || d.Path == p || filepath.Base(d.Path) == p || d.Meta.Title.Value == p {
				found = append(found, d.ID)
			} else if abs, err := filepath.Abs(p); err == nil && abs == d.Path {
				found = append(found, d.ID)
			}
		}
		switch len(found) {
		case 0:
			return ids, fmt.Errorf("--compare: no document matches %q", p)
		case 1:
			ids[i] = found[0]
		default:
			return ids, fmt.Errorf("--compare: %q matches %d documents; use its ID", p, len(found))
		}
	}
	return ids, nil
}

func runReport(args []string, stdout, stderr io.Writer) int {
	var a analysisFlags
	var out, title string
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: copytrail report --html OUT.html [--preset P] [--compare A,B] PATH...")
		fs.PrintDefaults()
	}
	fs.StringVar(&out, "html", "", "the report file to write (- for standard output)")
	fs.StringVar(&title, "title", "", "the report's heading")
	a.add(fs)
	paths, err := parseWithPaths(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err == nil && out == "" {
		err = errors.New("--html OUT.html is required")
	}
	if err == nil && len(paths) == 0 {
		err = errors.New("no files or folders given")
	}
	if err != nil {
		fmt.Fprintln(stderr, "copytrail report:", err)
		return 2
	}
	r, err := analyse("report", paths, a.preset, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "copytrail report:", err)
		return 1
	}
	pair, err := resolvePair(r, a.compare)
	if err != nil {
		fmt.Fprintln(stderr, "copytrail report:", err)
		return 2
	}
	var buf bytes.Buffer
	opts := report.Options{Title: title, Version: Version, Generated: time.Now(), Compare: pair}
	if err := report.WriteHTML(&buf, r, opts); err != nil {
		fmt.Fprintln(stderr, "copytrail report:", err)
		return 1
	}
	if out == "-" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		err = writeAtomic(out, buf.Bytes())
	}
	if err != nil {
		fmt.Fprintln(stderr, "copytrail report:", err)
		return 1
	}
	if out != "-" {
		fmt.Fprintf(stderr, "copytrail report: wrote %s (%s, %s)\n", out, plural(len(r.Documents), "article"), plural(len(r.Links), "link"))
	}
	return 0
}

// writeAtomic writes data to path through a temporary file in the same
// folder, so the report is either the old one or the whole new one.
func writeAtomic(path string, data []byte) error {
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer root.Close()
	if _, err := export.WriteFileAs(root, filepath.Base(path), func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// plural writes "1 link", "2 links".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
