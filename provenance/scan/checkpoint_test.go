package scan_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// countingCheckpoint counts the ranges saved and stops the scan after stop
// of them (0: never).
type countingCheckpoint struct {
	*scan.DirCheckpoint
	saved, stop int
	cancel      context.CancelFunc
}

func (c *countingCheckpoint) SaveRange(k int, ps []provenance.Passage, prs []provenance.Pair) error {
	if err := c.DirCheckpoint.SaveRange(k, ps, prs); err != nil {
		return err
	}
	c.saved++
	if c.stop > 0 && c.saved == c.stop {
		c.cancel()
	}
	return nil
}

// A scan stopped half way and run again goes on from its checkpoint: the
// ranges aligned before are read back, not aligned again, and the result is
// the result of a scan that was never stopped. Another input ignores the
// checkpoint.
func TestStoppedScanResumesFromCheckpoint(t *testing.T) {
	c := gen.CorpusCollection(600, 300, 9)
	s := scan.DefaultSettings()
	want, err := scan.Run(context.Background(), c.Docs, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "w.copytrail.analysis")
	fp := scan.Fingerprint(c.Docs, s)
	ctx, cancel := context.WithCancel(context.Background())
	first := &countingCheckpoint{DirCheckpoint: &scan.DirCheckpoint{Dir: dir, Fingerprint: fp}, stop: 20, cancel: cancel}
	if _, err := (&scan.Scanner{Checkpoint: first}).Run(ctx, c.Docs, s, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("stopped scan: %v", err)
	}
	second := &countingCheckpoint{DirCheckpoint: &scan.DirCheckpoint{Dir: dir, Fingerprint: fp}}
	got, err := (&scan.Scanner{Checkpoint: second}).Run(context.Background(), c.Docs, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.saved < 20 || first.saved+second.saved != 64 {
		t.Fatalf("ranges aligned: %d before the stop, %d after; want 64 in all", first.saved, second.saved)
	}
	sameResult(t, "resumed", got, want)
	// another input: nothing read back
	other := &countingCheckpoint{DirCheckpoint: &scan.DirCheckpoint{Dir: dir, Fingerprint: scan.Fingerprint(c.Docs[1:], s)}}
	if _, err := (&scan.Scanner{Checkpoint: other}).Run(context.Background(), c.Docs[1:], s, nil); err != nil || other.saved != 64 {
		t.Fatalf("other input: %v, %d ranges aligned, want all 64", err, other.saved)
	}
}
