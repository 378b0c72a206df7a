package cli

import (
	"context"
	"errors"
	"flag"
	"os"
	"os/signal"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/importer"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

func init() {
	register(&command{
		name:    "analyse",
		summary: "analyse a workspace's library, or bring its analysis up to date (WORKSPACE [PATH...])",
		usage:   "[--preset P] WORKSPACE.copytrail [PATH...]",
		about: `Imports PATH, when given (as copytrail import does), then analyses the library of the
workspace file and saves the analysis in it, with the n-gram index that lets articles be
added, removed and queried (copytrail query) without a full re-scan. A workspace analysed
before is brought up to date: the articles imported since are added one by one and those
removed are taken out, saving the analysis every 30 seconds, so an update that is stopped
(Ctrl+C, a crash) goes on where it was saved the next time; many new articles at once, or
other settings (--preset), analyse the library whole. A whole analysis keeps what it has
aligned in WORKSPACE.analysis/ beside the file: stopped, it goes on from there the next
time (the folder is removed once the analysis is saved). The file is replaced atomically:
stopped at any moment, it opens as it was or as last saved.`,
		examples: []string{"analyse out/analysed.copytrail articles/"},
		values:   map[string][]string{"preset": scan.Presets},
		files:    true,
		setup:    setupAnalyse,
	})
}

func setupAnalyse(fs *flag.FlagSet) func(e *Env, args []string) int {
	preset := fs.String("preset", "", "engine preset (default: the workspace's settings)")
	return func(e *Env, args []string) int {
		if len(args) < 1 {
			return e.UsageError(errors.New("give the workspace file (and any files or folders to import first)"))
		}
		var set provenance.Settings
		if *preset != "" {
			var err error
			if set, err = scan.Preset(*preset); err != nil {
				return e.UsageError(err)
			}
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		path, paths := args[0], args[1:]
		status := ExitOK
		if len(paths) > 0 {
			sum, err := importer.Run(ctx, path, paths, importer.Options{}, importer.Hooks{
				Error: func(fe provenance.FileError) { e.Errorf("%s", fe.Error()) },
			})
			if err != nil {
				return e.Fail(err)
			}
			if sum.Interrupted {
				e.Errorf("interrupted while importing: the %d articles imported are saved; run the same command again to go on", sum.Added)
				return ExitFailed
			}
			if len(sum.Errors) > 0 {
				status = ExitFailed
			}
		}
		ws, err := store.Open(path)
		if err != nil {
			return e.Fail(err)
		}
		if *preset == "" {
			set = ws.Settings
			if set.NGram == 0 {
				set = scan.DefaultSettings()
			}
		}
		if err := scan.Validate(set); err != nil {
			return e.Fail(err)
		}
		ws.Settings = set
		bar := newProgressBar(e.Progress)
		saves := 0
		save := func(r *provenance.Result, ix *index.Index) error {
			ws.Result, ws.Index = r, ix
			r.CarryWords(ws.Documents)
			saves++
			return store.Save(path, ws)
		}
		// A whole scan keeps its checkpoint beside the workspace until the
		// result is saved, so a stopped one goes on the next time.
		cp := &resumeCheckpoint{DirCheckpoint: scan.DirCheckpoint{Dir: path + ".analysis", Fingerprint: scan.Fingerprint(ws.Documents, set)}}
		r, _, err := (&scan.Scanner{Checkpoint: cp}).Update(ctx, ws.Result, ws.Index, ws.Documents, set, bar.update, save)
		bar.done()
		if err == nil && saves > 0 {
			os.RemoveAll(cp.Dir)
		}
		if cp.resumed > 0 {
			e.Infof("went on from an interrupted analysis: %d of its aligned parts read back", cp.resumed)
		}
		if err != nil {
			if ctx.Err() != nil && saves > 0 {
				e.Errorf("interrupted: the analysis as last saved is in %s; run the same command again to go on", path)
				return ExitFailed
			}
			return e.Fail(err)
		}
		if saves == 0 {
			e.Infof("%s: the analysis is up to date (%d articles)", path, len(r.Documents))
			return status
		}
		e.Infof("analysed %d articles of %s: %d passages, %d links, %d families", len(r.Documents), path, len(r.Passages), len(r.Links), len(r.Families))
		return status
	}
}

// resumeCheckpoint counts the ranges read back from an earlier run.
type resumeCheckpoint struct {
	scan.DirCheckpoint
	resumed int
}

func (c *resumeCheckpoint) Range(k int) ([]provenance.Passage, []provenance.Pair, bool, error) {
	ps, prs, ok, err := c.DirCheckpoint.Range(k)
	if ok {
		c.resumed++
	}
	return ps, prs, ok, err
}
