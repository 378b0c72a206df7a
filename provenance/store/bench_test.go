package store

import (
	"os"
	"path/filepath"
	"testing"
)

// reportSize records the file's size (after the loop: the timer resets clear metrics).
func reportSize(b *testing.B, path string) {
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "MB")
	}
}

// benchFile saves a workspace of n generated articles of about 600 words
// each, with a result linking consecutive ones, and returns its path.
func benchFile(b *testing.B, n int) (string, *Workspace) {
	b.Helper()
	ws := corpusWorkspace(n, 600, 42)
	path := filepath.Join(b.TempDir(), "bench.copytrail")
	if err := Save(path, ws); err != nil {
		b.Fatal(err)
	}
	return path, ws
}

// BenchmarkOpen1000 opens a workspace of 1,000 articles of ~600 words
// (the app's target: open and show it in under 2 s).
func BenchmarkOpen1000(b *testing.B) {
	path, ws := benchFile(b, 1000)
	b.ResetTimer()
	defer reportSize(b, path)
	for b.Loop() {
		got, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(got.Documents) != len(ws.Documents) {
			b.Fatalf("opened %d documents, want %d", len(got.Documents), len(ws.Documents))
		}
	}
}

// BenchmarkSave1000 saves the same workspace (atomically, with fsync).
func BenchmarkSave1000(b *testing.B) {
	path, ws := benchFile(b, 1000)
	b.ResetTimer()
	defer reportSize(b, path)
	for b.Loop() {
		if err := Save(path, ws); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecover1000 recovers the same, undamaged workspace (the full
// integrity check and the table reads).
func BenchmarkRecover1000(b *testing.B) {
	path, _ := benchFile(b, 1000)
	b.ResetTimer()
	defer reportSize(b, path)
	for b.Loop() {
		if _, _, err := Recover(path); err != nil {
			b.Fatal(err)
		}
	}
}
