package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/report"
	"github.com/copytrail/copytrail/provenance/scan"
)

func init() {
	register(&command{
		name:    "report",
		summary: "write a self-contained HTML report (--html OUT.html)",
		usage:   "--html OUT.html [--title T] [--preset P] [--compare A,B] PATH...",
		about: `The report holds the summary, the graph, every link with its reasons and the two texts
side by side, the mutations, the families and every article's metadata: inline CSS and
SVG, no scripts, nothing fetched. --compare A,B reports one comparison alone (A and B:
an ID, a path, a file name or a title). --html - writes it to standard output.`,
		examples: []string{"report --html out/report.html articles/", "report --html - --title Demo articles/"},
		values:   map[string][]string{"preset": scan.Presets},
		files:    true,
		setup:    setupReport,
	})
}

// analysisFlags are the options report and export share.
type analysisFlags struct {
	preset  string
	compare string
}

func (a *analysisFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&a.preset, "preset", "balanced", "engine preset")
	fs.StringVar(&a.compare, "compare", "", "two documents `A,B` (ID, path, file name or title)")
}

// analyse loads paths and scans them with the preset; see load. It fails
// when no document could be read.
func analyse(e *Env, paths []string, preset string) (*provenance.Result, int) {
	settings, err := scan.Preset(preset)
	if err != nil {
		return nil, e.UsageError(err)
	}
	r, status := load(e, paths, settings, nil)
	if r != nil && len(r.Documents) == 0 {
		return nil, e.Fail(errors.New("no readable documents in " + strings.Join(paths, ", ")))
	}
	return r, status
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

func setupReport(fs *flag.FlagSet) func(e *Env, paths []string) int {
	var a analysisFlags
	var out, title string
	fs.StringVar(&out, "html", "", "the report file `OUT.html` to write (- for standard output)")
	fs.StringVar(&title, "title", "", "the report's heading")
	a.add(fs)
	return func(e *Env, paths []string) int {
		switch {
		case out == "":
			return e.UsageError(errors.New("--html OUT.html is required"))
		case len(paths) == 0:
			return e.UsageError(errors.New("no files or folders given"))
		}
		r, status := analyse(e, paths, a.preset)
		if r == nil {
			return status
		}
		pair, err := resolvePair(r, a.compare)
		if err != nil {
			return e.UsageError(err)
		}
		var buf bytes.Buffer
		opts := report.Options{Title: title, Version: Version, Generated: time.Now(), Compare: pair}
		if err := report.WriteHTML(&buf, r, opts); err != nil {
			return e.Fail(err)
		}
		if out == "-" {
			if _, err := e.Stdout.Write(buf.Bytes()); err != nil {
				return e.Fail(err)
			}
			return status
		}
		if err := writeAtomic(out, buf.Bytes()); err != nil {
			return e.Fail(err)
		}
		e.Infof("wrote %s (%s, %s)", out, plural(len(r.Documents), "article"), plural(len(r.Links), "link"))
		return status
	}
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
