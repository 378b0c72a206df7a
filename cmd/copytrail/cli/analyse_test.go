package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

const analyseChildEnv = "COPYTRAIL_TEST_ANALYSE_CHILD"

// TestHelperAnalyseChild is the child process of TestAnalyseKilledResumes:
// it analyses the workspace named in the environment until it is killed.
func TestHelperAnalyseChild(t *testing.T) {
	ws := os.Getenv(analyseChildEnv)
	if ws == "" {
		t.Skip("the child process of TestAnalyseKilledResumes")
	}
	os.Exit(Main([]string{"analyse", ws}, os.Stdout, os.Stderr))
}

// Killing `copytrail analyse` in the middle of a whole analysis leaves a
// workspace that opens as it was, and the next run goes on from what the
// killed one had aligned; its result is a scan's that was never stopped.
func TestAnalyseKilledResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 3,000 articles twice")
	}
	dir := t.TempDir()
	c := gen.CorpusCollection(3000, 500, 4)
	for _, d := range c.Docs {
		if err := os.WriteFile(filepath.Join(dir, d.Path), []byte(d.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws := filepath.Join(t.TempDir(), "w.copytrail")
	if code, _, errs := run("import", ws, dir); code != ExitOK {
		t.Fatalf("import: %s", errs)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperAnalyseChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), analyseChildEnv+"="+ws)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if names, _ := filepath.Glob(filepath.Join(ws+".analysis", "range-*")); len(names) >= 8 {
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the child never got half way")
	}
	w, err := store.Open(ws)
	if err != nil || len(w.Documents) != 3000 || w.Result != nil {
		t.Fatalf("after the kill: %v, %d documents, result %v", err, len(w.Documents), w != nil && w.Result != nil)
	}
	code, out, errs := run("analyse", ws)
	if code != ExitOK || errs != "" {
		t.Fatalf("second analyse: exit %d, %q", code, errs)
	}
	var n int
	if i := strings.Index(out, "read back"); i < 0 {
		t.Fatalf("the second run started over: %q", out)
	} else if _, err := fmt.Sscanf(out[strings.Index(out, ": ")+2:], "%d", &n); err != nil || n < 8 {
		t.Fatalf("the second run read back %d parts (%v): %q", n, err, out)
	}
	if _, err := os.Stat(ws + ".analysis"); err == nil {
		t.Error("the checkpoint folder is left after the analysis was saved")
	}
	w, err = store.Open(ws)
	if err != nil || w.Result == nil {
		t.Fatalf("after the resumed analysis: %v", err)
	}
	want, err := scan.Run(context.Background(), w.Documents, w.Settings, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Result.Passages) != len(want.Passages) || len(w.Result.Links) != len(want.Links) || len(w.Result.Families) != len(want.Families) {
		t.Fatalf("resumed: %d passages, %d links, %d families; a scan never stopped: %d, %d, %d",
			len(w.Result.Passages), len(w.Result.Links), len(w.Result.Families), len(want.Passages), len(want.Links), len(want.Families))
	}
}
