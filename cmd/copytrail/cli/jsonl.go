package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/copytrail/copytrail/provenance"
)

// jsonlWriter streams a scan as JSON Lines (`copytrail scan --jsonl`): one
// object a line, each with a "record" naming its kind, written as the engine decides each
// stage, so a result of 100,000 articles is never one JSON value in memory.
// The record format is documented in the README's command-line section:
//
//	{"record":"settings","version":1,"settings":{…}}         first
//	{"record":"document", …the contract's document fields}   after indexing
//	{"record":"duplicate","doc","original","reason"}
//	{"record":"passage","index":N, …the contract's passage fields}
//	{"record":"pair", …}  (its "passages" are passage indexes)
//	{"record":"link", …}, {"record":"family", …}, {"record":"mutation", …},
//	{"record":"outlet_edge", …}                              after linking
//	{"record":"error","path","reason"}                       per unreadable file
//	{"record":"end","counts":{"document":N,…},"stage_seconds":{"reading":S,…}} last
type jsonlWriter struct {
	w        *bufio.Writer
	withText bool
	err      error
	docs     int // documents written
	passages int // passages written
	dups     int // the engine's duplicates written
	// stageSeconds is each stage's wall time, for the end record.
	stageSeconds map[string]float64
	counts       map[string]int
	// writing, when not nil, is closed when the passages and pairs being
	// written on their own goroutine are out (see decided).
	writing chan struct{}
}

func newJSONLWriter(w io.Writer, withText bool) *jsonlWriter {
	return &jsonlWriter{w: bufio.NewWriterSize(w, 1<<16), withText: withText, counts: map[string]int{}}
}

// record writes v as one line with "kind" first.
func (j *jsonlWriter) record(kind string, v any) {
	if j.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		j.err = fmt.Errorf("encoding a %s record: %w", kind, err)
		return
	}
	j.counts[kind]++
	fmt.Fprintf(j.w, `{"record":%q`, kind)
	if len(b) > 2 {
		j.w.WriteByte(',')
		j.w.Write(b[1:])
	} else {
		j.w.WriteByte('}')
	}
	if err := j.w.WriteByte('\n'); err != nil {
		j.err = err
	}
}

// settings writes the first line.
func (j *jsonlWriter) settings(s provenance.Settings) {
	j.record("settings", struct {
		Version  int                 `json:"version"`
		Settings provenance.Settings `json:"settings"`
	}{provenance.ContractVersion, s})
}

// decided writes what a stage added to r (scan.Scanner.Decided). The
// passages and pairs are written on a goroutine of their own while the
// engine goes on to the lineage, which reads them and changes none; the
// next call (or finish) waits for them first, so the lines keep their order.
func (j *jsonlWriter) decided(stage string, r *provenance.Result) {
	j.wait()
	if stage == "passages" {
		passages, pairs := r.Passages, r.Pairs
		j.writing = make(chan struct{})
		go func() {
			defer close(j.writing)
			j.writePassages(passages, pairs)
			j.flush()
		}()
		return
	}
	switch stage {
	case "documents":
		for ; j.docs < len(r.Documents); j.docs++ {
			j.record("document", provenance.ContractDocument(&r.Documents[j.docs], j.withText))
		}
		for _, d := range r.Duplicates {
			j.record("duplicate", d)
		}
		j.dups = len(r.Duplicates)
	case "lineage":
		for _, l := range r.Links {
			j.record("link", l)
		}
		for _, f := range r.Families {
			j.record("family", f)
		}
		for _, m := range r.Mutations {
			j.record("mutation", m)
		}
		for _, o := range r.OutletEdges {
			j.record("outlet_edge", o)
		}
	}
	j.flush()
}

// writePassages writes the passages not yet written and every pair.
func (j *jsonlWriter) writePassages(passages []provenance.Passage, pairs []provenance.Pair) {
	for ; j.passages < len(passages); j.passages++ {
		j.record("passage", struct {
			Index int `json:"index"`
			provenance.Passage
		}{j.passages, passages[j.passages]})
	}
	for _, p := range pairs {
		j.record("pair", p)
	}
}

// wait waits for the passages being written, if any.
func (j *jsonlWriter) wait() {
	if j.writing != nil {
		<-j.writing
		j.writing = nil
	}
}

func (j *jsonlWriter) flush() {
	if j.err == nil {
		j.err = j.w.Flush()
	}
}

// finish writes what the engine did not decide (the reader's duplicates,
// listed first in r.Duplicates, and the files that could not be read) and
// the closing line. r may be nil when nothing could be scanned.
func (j *jsonlWriter) finish(r *provenance.Result) error {
	j.wait()
	if r != nil {
		for _, d := range r.Duplicates[:max(0, len(r.Duplicates)-j.dups)] {
			j.record("duplicate", d)
		}
		for _, e := range r.Errors {
			j.record("error", e)
		}
	}
	counts := map[string]int{}
	for k, v := range j.counts {
		counts[k] = v
	}
	j.record("end", struct {
		Counts       map[string]int     `json:"counts"`
		StageSeconds map[string]float64 `json:"stage_seconds,omitempty"`
	}{counts, j.stageSeconds})
	j.flush()
	return j.err
}
