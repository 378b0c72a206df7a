// Package testseeds finds the real seed articles for tests. They live
// outside the repository, in ../shared/seeds beside the module root (the
// folder holding go.mod), and are never copied into it; tests that use them
// skip, with a message saying why, when the folder is not there.
//
// The package imports only the standard library (no UI toolkit), so engine
// packages built with CGO_ENABLED=0 can use it in their tests.
package testseeds

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the seeds folder, ../shared/seeds beside the module root found
// by walking up from the working directory (a package's folder under go
// test). It calls t.Skip with the reason when there is no module root above
// or no seeds folder beside it, and t.Fatal when the working directory
// cannot be read.
func Dir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("reading the working directory: %v", err)
	}
	seeds, why := find(wd)
	if why != "" {
		t.Skip(why)
	}
	return seeds
}

// find walks up from start to the folder holding go.mod and returns the
// seeds folder beside it, or an empty path and why it is not there.
func find(start string) (seeds, why string) {
	dir := start
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Sprintf("real seed articles not used: no go.mod in %s or any folder above it", start)
		}
		dir = parent
	}
	seeds = filepath.Join(filepath.Dir(dir), "shared", "seeds")
	info, err := os.Stat(seeds)
	switch {
	case err != nil:
		return "", fmt.Sprintf("real seed articles not present, skipping: %v", err)
	case !info.IsDir():
		return "", fmt.Sprintf("real seed articles not present, skipping: %s is not a folder", seeds)
	}
	return seeds, ""
}
