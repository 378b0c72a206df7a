package testseeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "provenance", "scan")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, why := find(deep); !strings.Contains(why, "no go.mod") {
		t.Errorf("without go.mod: reason %q", why)
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module example\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seeds := filepath.Join(root, "shared", "seeds")
	if got, why := find(deep); got != "" || !strings.Contains(why, seeds) {
		t.Errorf("without the folder: got %q, reason %q", got, why)
	}
	if err := os.MkdirAll(filepath.Dir(seeds), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(seeds, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, why := find(deep); got != "" || !strings.Contains(why, "not a folder") {
		t.Errorf("seeds is a file: got %q, reason %q", got, why)
	}
	os.Remove(seeds)
	if err := os.Mkdir(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{deep, repo} {
		if got, why := find(start); got != seeds || why != "" {
			t.Errorf("from %s: got %q, reason %q; want %s", start, got, why, seeds)
		}
	}
}

// TestDir runs from this package's folder: it finds the real seeds beside
// the repository, or skips saying why.
func TestDir(t *testing.T) {
	dir := Dir(t)
	if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
		t.Errorf("seeds folder %s: %d entries, %v", dir, len(entries), err)
	}
}
