package scan

import (
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"

	"github.com/copytrail/copytrail/provenance"
)

// Checkpoint keeps what a scan has decided so far, so that a scan that is
// stopped (Ctrl+C, a crash, the machine switched off) and run again on the
// same documents with the same settings goes on instead of starting over:
// the seed ranges aligned before are read back rather than aligned again
// (indexing and matching, cheaper, are redone).
type Checkpoint interface {
	// Range returns what range k gave in an earlier run (ok false when
	// it was not finished then). Pair.Passages index the range's passages.
	Range(k int) (passages []provenance.Passage, pairs []provenance.Pair, ok bool, err error)
	// SaveRange records what range k gave.
	SaveRange(k int, passages []provenance.Passage, pairs []provenance.Pair) error
}

// DirCheckpoint keeps a scan's checkpoint in a folder of its own (one
// compressed file a finished seed range, each written whole and renamed into
// place), beside the file the result will be saved to: the workspace itself
// is not touched until the finished result replaces it. Files of a scan of
// other documents or settings (another fingerprint) are ignored and
// replaced. Remove the folder once the result is saved.
type DirCheckpoint struct {
	Dir         string
	Fingerprint string
}

// Fingerprint identifies a scan's input: the settings and every document's
// ID and text, in order.
func Fingerprint(docs []provenance.Document, s provenance.Settings) string {
	h := fnv.New64a()
	b, _ := json.Marshal(s)
	h.Write(b)
	for i := range docs {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", docs[i].ID, len(docs[i].Text))
		h.Write([]byte(docs[i].Text))
		b, _ := json.Marshal([2][]provenance.Span{docs[i].Boilerplate, docs[i].Skip})
		h.Write(b)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

type rangeFile struct {
	Fingerprint string
	Passages    []provenance.Passage
	Pairs       []provenance.Pair
}

func (c *DirCheckpoint) file(k int) string {
	return filepath.Join(c.Dir, fmt.Sprintf("range-%03d.gob.gz", k))
}

// Range reads range k's file, when it is of this scan.
func (c *DirCheckpoint) Range(k int) ([]provenance.Passage, []provenance.Pair, bool, error) {
	f, err := os.Open(c.file(k))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, fmt.Errorf("checkpoint %s: %w", c.file(k), err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, false, nil // damaged: align the range again
	}
	var rf rangeFile
	if err := gob.NewDecoder(zr).Decode(&rf); err != nil || rf.Fingerprint != c.Fingerprint {
		return nil, nil, false, nil
	}
	return rf.Passages, rf.Pairs, true, nil
}

// SaveRange writes range k's file atomically.
func (c *DirCheckpoint) SaveRange(k int, passages []provenance.Passage, pairs []provenance.Pair) error {
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	tmp, err := os.CreateTemp(c.Dir, ".range-*.tmp")
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	defer os.Remove(tmp.Name())
	zw := gzip.NewWriter(tmp)
	err = gob.NewEncoder(zw).Encode(rangeFile{Fingerprint: c.Fingerprint, Passages: passages, Pairs: pairs})
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), c.file(k))
	}
	if err != nil {
		return fmt.Errorf("checkpoint %s: %w", c.file(k), err)
	}
	return nil
}
