package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/copytrail/copytrail/assets"
)

func init() {
	register(&command{
		name:    "demo",
		summary: "write the demo corpus (seven short articles written for Copytrail) into a folder",
		usage:   "--out DIR",
		about: `The app opens on these articles the first time it runs. They are our own writing about an
invented event: an NGO's press release, a wire story built on it, outlets copying the wire
with edits, a misattributed quote, a copy of a copy, an independent report and a blog.
Each file starts with a front-matter block (title, outlet, author, published, url).
An existing file of the same name is left alone.`,
		examples: []string{"demo --out out/demo"},
		setup: func(fs *flag.FlagSet) func(e *Env, args []string) int {
			out := fs.String("out", "", "the folder `DIR` to write into (created if missing)")
			return func(e *Env, args []string) int {
				switch {
				case len(args) > 0:
					return e.UsageError(fmt.Errorf("takes no arguments, got %q", args[0]))
				case *out == "":
					return e.UsageError(errors.New("--out DIR is required"))
				}
				n, err := writeDemo(*out)
				if err != nil {
					return e.Fail(err)
				}
				e.Infof("wrote %d articles to %s", n, *out)
				return ExitOK
			}
		},
	})
}

// writeDemo copies the embedded demo corpus into dir, never over an
// existing file, and returns how many files it wrote.
func writeDemo(dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	n := 0
	err := fs.WalkDir(assets.Demo(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Demo(), p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", dst, err)
		}
		n++
		return f.Close()
	})
	return n, err
}
