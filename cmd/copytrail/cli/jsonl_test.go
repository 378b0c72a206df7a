package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// scan --jsonl gives the same values as scan --json, one record a line, in
// stage order, ending with the counts; an unreadable file is an error record
// and exit status 1.
func TestScanJSONLStreamsTheContract(t *testing.T) {
	dir := genCollection(t)
	missing := filepath.Join(dir, "missing.txt")
	var js, jl, errb bytes.Buffer
	if code := Main([]string{"scan", "--json", dir, missing}, &js, &errb); code != ExitFailed {
		t.Fatalf("scan --json exit %d: %s", code, errb.String())
	}
	errb.Reset()
	if code := Main([]string{"scan", "--jsonl", dir, missing}, &jl, &errb); code != ExitFailed {
		t.Fatalf("scan --jsonl exit %d, want %d: %s", code, ExitFailed, errb.String())
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(js.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	whole := map[string][]json.RawMessage{}
	for k, v := range top {
		var list []json.RawMessage
		if json.Unmarshal(v, &list) == nil {
			whole[k] = list
		}
	}
	plural := map[string]string{"document": "documents", "passage": "passages", "pair": "pairs", "link": "links",
		"family": "families", "mutation": "mutations", "outlet_edge": "outlet_edges", "duplicate": "duplicates", "error": "errors"}
	order := []string{"settings", "document", "passage", "pair", "link", "family", "mutation", "outlet_edge", "error", "end"}
	rank := map[string]int{}
	for i, k := range order {
		rank[k] = i
	}
	seen := map[string]int{}
	var kinds []string
	var end struct {
		Counts map[string]int `json:"counts"`
	}
	sc := bufio.NewScanner(&jl)
	sc.Buffer(nil, 1<<24)
	last := -1
	for sc.Scan() {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d is not one JSON object: %v", len(kinds)+1, err)
		}
		var kind string
		json.Unmarshal(rec["record"], &kind)
		kinds = append(kinds, kind)
		seen[kind]++
		if r, ok := rank[kind]; ok && kind != "duplicate" {
			if r < last {
				t.Fatalf("record %q after a later stage's", kind)
			}
			last = r
		}
		if kind == "passage" {
			var idx int
			json.Unmarshal(rec["index"], &idx)
			if idx != seen["passage"]-1 {
				t.Fatalf("passage record %d has index %d", seen["passage"], idx)
			}
		}
		if kind == "end" {
			json.Unmarshal(sc.Bytes(), &end)
		}
	}
	if len(kinds) == 0 || kinds[0] != "settings" || kinds[len(kinds)-1] != "end" {
		t.Fatalf("records %v: want settings first and end last", kinds)
	}
	for kind, key := range plural {
		if seen[kind] != len(whole[key]) {
			t.Errorf("%d %s records, the JSON contract has %d %s", seen[kind], kind, len(whole[key]), key)
		}
		if end.Counts[kind] != seen[kind] {
			t.Errorf("end counts %d %s, %d written", end.Counts[kind], kind, seen[kind])
		}
	}
	if seen["passage"] == 0 || seen["link"] == 0 || seen["error"] != 1 {
		t.Fatalf("records seen %v: the collection should give passages, links and one error", seen)
	}
}

func TestProgressLine(t *testing.T) {
	got := progressLine(provenance.Progress{Stage: "aligning", Done: 12345, Total: 56789}, 10*time.Second)
	for _, want := range []string{"aligning", "12,345 / 56,789", "1,235/s", "0:36 left"} {
		if !strings.Contains(got, want) {
			t.Fatalf("progress line %q lacks %q", got, want)
		}
	}
	// not a terminal: nothing drawn
	var b bytes.Buffer
	p := newProgressBar(nil)
	p.update(provenance.Progress{Stage: "indexing", Done: 1, Total: 2})
	p.done()
	if b.Len() != 0 {
		t.Fatal("drew progress without a terminal")
	}
	p = newProgressBar(&b)
	p.update(provenance.Progress{Stage: "indexing", Done: 1, Total: 2})
	p.done()
	if !strings.Contains(b.String(), "indexing") || !strings.HasSuffix(b.String(), "\r\033[K") {
		t.Fatalf("terminal progress %q: want the stage drawn, then the line cleared", b.String())
	}
}
