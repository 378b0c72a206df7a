package scan

import (
	"context"
	"reflect"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/index"
)

// Update brings an analysis up to date with a library: when r and ix are
// the analysis of an earlier library with settings s, the articles added
// since are added one by one (Add) and those removed are removed (Remove);
// otherwise — no analysis yet, other settings, or more new articles than a
// full scan takes longer for (a tenth of the library, and over 500) — the
// library is scanned whole (RunIndexed). It returns the result and index,
// r and ix themselves when they were updated in place.
//
// checkpoint, when set, is called with the result as it stands after a
// full scan, and every 30 seconds of incremental work (and at the end), so
// a caller can save it: an update that is stopped goes on from the last
// checkpoint the next time, since the articles added before it are in the
// saved result. Progress reports "adding" and "removing" with done/total.
func (sc *Scanner) Update(ctx context.Context, r *provenance.Result, ix *index.Index, library []provenance.Document, s provenance.Settings,
	progress func(provenance.Progress), checkpoint func(*provenance.Result, *index.Index) error) (*provenance.Result, *index.Index, error) {
	full := func() (*provenance.Result, *index.Index, error) {
		r, ix, err := sc.RunIndexed(ctx, library, s, progress)
		if err == nil && checkpoint != nil {
			err = checkpoint(r, ix)
		}
		return r, ix, err
	}
	if r == nil || !ix.Fits(s) || len(ix.Buckets) == 0 || !reflect.DeepEqual(r.Settings, s) {
		return full()
	}
	inLibrary := make(map[string]bool, len(library))
	for _, d := range library {
		inLibrary[d.ID] = true
	}
	inResult := make(map[string]bool, len(r.Documents))
	var removed []string
	for _, d := range r.Documents {
		inResult[d.ID] = true
		if !inLibrary[d.ID] {
			removed = append(removed, d.ID)
		}
	}
	var added []provenance.Document
	for _, d := range library {
		if !inResult[d.ID] {
			added = append(added, d)
			inResult[d.ID] = true
		}
	}
	if len(added) > 500 && len(added) > len(library)/10 {
		return full()
	}
	last := time.Now()
	report := func(stage string, done, total int) {
		if progress != nil {
			progress(provenance.Progress{Stage: stage, Done: done, Total: total})
		}
	}
	step := func() error {
		if checkpoint != nil && time.Since(last) > 30*time.Second {
			last = time.Now()
			return checkpoint(r, ix)
		}
		return nil
	}
	for i, id := range removed {
		report("removing", i, len(removed))
		if err := Remove(ctx, r, ix, id); err != nil {
			return r, ix, err
		}
		if err := step(); err != nil {
			return r, ix, err
		}
	}
	for i, d := range added {
		report("adding", i, len(added))
		if err := ctx.Err(); err != nil {
			return r, ix, err
		}
		if err := Add(ctx, r, ix, d); err != nil {
			return r, ix, err
		}
		if err := step(); err != nil {
			return r, ix, err
		}
	}
	report("adding", len(added), len(added))
	if checkpoint != nil && len(added)+len(removed) > 0 {
		if err := checkpoint(r, ix); err != nil {
			return r, ix, err
		}
	}
	return r, ix, nil
}
