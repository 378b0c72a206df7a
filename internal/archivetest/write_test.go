package archivetest

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestWriteSamples writes sample archives of generated articles into the
// folder named by ARCHIVETEST_OUT (N records each, ARCHIVETEST_N, default
// 1,000), for trying `copytrail scan` and `copytrail import` by hand:
//
//	ARCHIVETEST_OUT=/tmp/arch go test -run TestWriteSamples ./internal/archivetest/
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("ARCHIVETEST_OUT")
	if dir == "" {
		t.Skip("set ARCHIVETEST_OUT to a folder to write sample archives")
	}
	n, _ := strconv.Atoi(os.Getenv("ARCHIVETEST_N"))
	if n <= 0 {
		n = 1000
	}
	recs := Records(n, 300, 1)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var j, c, w bytes.Buffer
	JSONL(&j, recs)
	CSV(&c, recs, ',')
	var pages []WARCRecord
	for _, r := range recs {
		pages = append(pages, PageRecord(r))
	}
	WARC(&w, pages, true)
	for name, data := range map[string][]byte{"news.jsonl": j.Bytes(), "news.csv": c.Bytes(), "crawl.warc.gz": w.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRecordsDeterministic: the same seed gives the same records, and
// records differ from one another.
func TestRecordsDeterministic(t *testing.T) {
	a, b := Records(20, 100, 5), Records(20, 100, 5)
	seen := map[string]bool{}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("record %d differs between two runs", i)
		}
		if seen[a[i].Text] {
			t.Fatalf("record %d repeats an earlier text", i)
		}
		seen[a[i].Text] = true
	}
}
