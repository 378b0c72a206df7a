package importer

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/copytrail/copytrail/internal/archivetest"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/store"
)

// collection writes the sources of the import tests into dir: a JSON
// lines archive, a gzipped WARC and a few plain files, and returns them
// with the paths of every document they hold, in reading order.
func collection(t testing.TB, dir string, n int) []string {
	t.Helper()
	recs := archivetest.Records(n+40, 60, 21)
	var j, w bytes.Buffer
	archivetest.JSONL(&j, recs[:n])
	var pages []archivetest.WARCRecord
	for _, r := range recs[n : n+30] {
		pages = append(pages, archivetest.PageRecord(r))
	}
	archivetest.WARC(&w, pages, true)
	files := map[string][]byte{"a-news.jsonl": j.Bytes(), "b-crawl.warc.gz": w.Bytes()}
	for i, r := range recs[n+30:] {
		files[fmt.Sprintf("c-files/%02d.txt", i)] = []byte(r.Title + "\n\n" + r.Text)
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return []string{dir}
}

// expected lists the document IDs a full import of paths gives, in order.
func expected(t testing.TB, paths []string) []string {
	docs, _, errs := ingest.Load(context.Background(), paths, ingest.DefaultOptions(), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return ids
}

func libraryIDs(t testing.TB, path string) []string {
	t.Helper()
	ws, err := store.Open(path)
	if err != nil {
		t.Fatalf("the workspace does not open: %v", err)
	}
	ids := make([]string, len(ws.Documents))
	for i, d := range ws.Documents {
		ids[i] = d.ID
	}
	return ids
}

// TestRunImportsAndResumes: a full import gives exactly what Load reads;
// running it again adds nothing and counts everything as already there.
func TestRunImportsAndResumes(t *testing.T) {
	dir := t.TempDir()
	paths := collection(t, filepath.Join(dir, "in"), 300)
	want := expected(t, paths)
	ws := filepath.Join(dir, "w.copytrail")
	commits := 0
	sum, err := Run(context.Background(), ws, paths, Options{BatchSize: 100}, Hooks{Committed: func(int) { commits++ }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != len(want) || sum.Library != len(want) || sum.Already != 0 || len(sum.Errors) != 0 || commits < 3 {
		t.Errorf("first import: %+v, %d commits", sum, commits)
	}
	if got := libraryIDs(t, ws); !slices.Equal(got, want) {
		t.Fatalf("library holds %d documents, want %d in reading order", len(got), len(want))
	}
	if opened, _ := store.Open(ws); opened.Settings.Preset != "balanced" || opened.Settings.NGram == 0 {
		t.Errorf("a workspace the import created has settings %+v, not the default preset's", opened.Settings)
	}
	sum, err = Run(context.Background(), ws, paths, Options{}, Hooks{})
	if err != nil || sum.Added != 0 || sum.Already != len(want) || sum.Library != len(want) {
		t.Errorf("second import: %+v, %v", sum, err)
	}
	// A cancelled import commits what it read and says so.
	ws2 := filepath.Join(dir, "w2.copytrail")
	ctx, cancel := context.WithCancel(context.Background())
	sum, err = Run(ctx, ws2, paths, Options{BatchSize: 20}, Hooks{Committed: func(n int) {
		if n >= 60 {
			cancel()
		}
	}})
	if err != nil || !sum.Interrupted || sum.Added < 60 || sum.Added >= len(want) {
		t.Fatalf("cancelled import: %+v, %v", sum, err)
	}
	if got := libraryIDs(t, ws2); !slices.Equal(got, want[:len(got)]) || len(got) != sum.Added {
		t.Errorf("after cancelling: %d documents, not the first %d read", len(got), sum.Added)
	}
}

// childEnv tells the test binary, re-run as a child, to import.
const childEnv = "COPYTRAIL_IMPORT_CHILD"

// TestHelperImporter imports the collection named by the environment,
// printing "committed N" after each batch, until it is killed.
func TestHelperImporter(t *testing.T) {
	ws := os.Getenv(childEnv)
	if ws == "" {
		t.Skip("the child process of TestKillDuringImport")
	}
	fmt.Println("ready")
	_, err := Run(context.Background(), ws, []string{os.Getenv(childEnv + "_IN")}, Options{BatchSize: 40, Interval: time.Hour},
		Hooks{Committed: func(n int) { fmt.Println("committed", n) }})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("finished")
}

// TestKillDuringImport kills an importing child process (SIGKILL) at
// random moments, again and again on the same workspace: each time the
// workspace opens, holds every article the child reported committed and
// nothing but a prefix of the collection in reading order; each next run
// resumes; at the end the library is exactly the collection.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	records, trials := 4000, 25
	if raceEnabled {
		records, trials = 1000, 6
	}
	collection(t, in, records)
	want := expected(t, []string{in})
	ws := filepath.Join(dir, "w.copytrail")
	// How long a whole import takes here: the kills land within it.
	start := time.Now()
	if _, _, err := runChild(filepath.Join(dir, "timing.copytrail"), in, time.Hour); err != nil {
		t.Fatal(err)
	}
	whole := time.Since(start)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	kills, landed := 0, 0
	for trial := 0; trial < trials; trial++ {
		before := 0
		if _, err := os.Stat(ws); err == nil {
			before = len(libraryIDs(t, ws))
		}
		delay := time.Duration(rng.Int64N(int64(whole) / 4))
		committed, finished, err := runChild(ws, in, delay)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		var got []string
		if _, err := os.Stat(ws); err == nil {
			got = libraryIDs(t, ws)
		} else if committed > 0 {
			// A child killed before it made the workspace has committed
			// nothing; one that reported a commit must have left it.
			t.Fatalf("trial %d: the child reported %d committed and left no workspace: %v", trial, committed, err)
		}
		if !slices.Equal(got, want[:len(got)]) {
			t.Fatalf("trial %d: the library is not a prefix of the collection in order (%d documents)", trial, len(got))
		}
		if len(got) < before+committed {
			t.Fatalf("trial %d: the child reported %d committed after the %d there before, the workspace holds %d", trial, committed, before, len(got))
		}
		if finished {
			break
		}
		kills++
		if _, err := os.Stat(ws + "-journal"); err == nil {
			landed++
		}
	}
	if got := libraryIDs(t, ws); !slices.Equal(got, want) {
		// The last child may have been killed: finish in-process.
		if _, err := Run(context.Background(), ws, []string{in}, Options{}, Hooks{}); err != nil {
			t.Fatal(err)
		}
	}
	if got := libraryIDs(t, ws); !slices.Equal(got, want) {
		t.Fatalf("after the resumed imports the library holds %d documents, want exactly the %d of the collection", len(got), len(want))
	}
	t.Logf("a whole import takes %v; %d kills, %d of them inside a commit (a journal left); the library came out exact",
		whole.Round(time.Millisecond), kills, landed)
	if kills == 0 {
		t.Error("no child was killed before it finished: the test does not test what it claims")
	}
}

// runChild starts an importing child, kills it after delay, and returns
// the last count it reported committed and whether it finished first.
func runChild(ws, in string, delay time.Duration) (committed int, finished bool, err error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImporter$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+ws, childEnv+"_IN="+in)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, false, err
	}
	if err := cmd.Start(); err != nil {
		return 0, false, err
	}
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		return 0, false, fmt.Errorf("the child did not start: %q", lines.Text())
	}
	timer := time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
	defer timer.Stop()
	for lines.Scan() {
		line := lines.Text()
		switch {
		case strings.HasPrefix(line, "committed "):
			committed, _ = strconv.Atoi(strings.TrimPrefix(line, "committed "))
		case line == "finished":
			finished = true
		case strings.HasPrefix(line, "error"):
			cmd.Wait()
			return 0, false, fmt.Errorf("the child failed: %s", line)
		}
	}
	cmd.Wait()
	return committed, finished, nil
}
