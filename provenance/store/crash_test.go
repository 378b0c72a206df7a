package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashEnv tells the test binary, re-run as a child, to act as the saver.
const crashEnv = "COPYTRAIL_STORE_CRASH_SAVER"

// crashWorkspace is the workspace of save number k: its size and content
// change with k, so a file mixing two saves would not pass for either.
func crashWorkspace(k int) *Workspace {
	ws := corpusWorkspace(3+k%7, 40+(k*37)%500, uint64(k))
	ws.View["save"] = strconv.Itoa(k)
	ws.Notes = map[string]string{"d00000": fmt.Sprintf("note written by save %d", k)}
	return ws
}

// TestHelperSaver is the child process of TestCrashDuringSave: it saves
// workspaces k, k+1, ... in a loop, printing "saved k" after each Save
// returns, until it is killed.
func TestHelperSaver(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("the child process of TestCrashDuringSave")
	}
	k, _ := strconv.Atoi(os.Getenv(crashEnv + "_FROM"))
	// Build the first workspace before saying "ready", so the kill lands in
	// the saving, not in test start-up.
	ws := crashWorkspace(k)
	fmt.Println("ready")
	for ; ; k++ {
		if err := Save(path, ws); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Printf("saved %d\n", k)
		ws = crashWorkspace(k + 1)
	}
}

// crashStats are the figures TestCrashDuringSave logs for docs/reliability.md.
type crashStats struct {
	trials, saves, midSave, renamedUnreported, lost int
}

// TestCrashDuringSave kills a saving child process with SIGKILL at random
// moments, many times, and checks each time that the workspace opens and is
// exactly the last save the child reported — or the save it was in, if its
// rename had happened.
func TestCrashDuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("starts hundreds of processes")
	}
	trials := 200
	if raceEnabled {
		trials = 25 // every child is race-instrumented and far slower
	}
	if s := os.Getenv("COPYTRAIL_CRASH_TRIALS"); s != "" {
		trials, _ = strconv.Atoi(s)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "w.copytrail")
	if err := Save(path, crashWorkspace(0)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var st crashStats
	current := 0 // the save the file holds
	start := time.Now()
	for st.trials < trials {
		st.trials++
		last, err := killSaver(path, current+1, time.Duration(rng.IntN(40000))*time.Microsecond)
		if err != nil {
			t.Fatalf("trial %d: %v", st.trials, err)
		}
		st.saves += last - current
		temps, _ := filepath.Glob(filepath.Join(dir, ".w.copytrail.*.tmp"))
		if len(temps) > 0 {
			st.midSave++
		}
		for _, tmp := range temps {
			os.Remove(tmp)
		}
		got, err := Open(path)
		if err != nil {
			st.lost++
			t.Fatalf("trial %d: the workspace does not open after a kill (last completed save %d): %v", st.trials, last, err)
		}
		k, _ := strconv.Atoi(got.View["save"])
		switch k {
		case last:
		case last + 1: // renamed into place, killed before it could print
			st.renamedUnreported++
		default:
			st.lost++
			t.Fatalf("trial %d: the file holds save %d, the last completed save was %d", st.trials, k, last)
		}
		if want := crashWorkspace(k); !reflect.DeepEqual(got, want) {
			st.lost++
			t.Fatalf("trial %d: the file claims save %d but its content differs", st.trials, k)
		}
		current = k
	}
	t.Logf("crash test: %d trials in %v, %d saves reported complete, %d kills left a half-written temporary file, "+
		"%d kills fell between rename and report, %d workspaces lost or damaged",
		st.trials, time.Since(start).Round(time.Millisecond), st.saves, st.midSave, st.renamedUnreported, st.lost)
	if st.midSave == 0 {
		t.Error("no kill landed in the middle of a save: the test does not test what it claims")
	}
}

// killSaver starts a child saving from save number from, kills it after
// delay, and returns the last save it reported as completed (from-1 if none).
func killSaver(path string, from int, delay time.Duration) (int, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaver$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path, crashEnv+"_FROM="+strconv.Itoa(from))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		return 0, fmt.Errorf("the saver did not start: %q", lines.Text())
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return 0, err
	}
	last := from - 1
	for lines.Scan() {
		line := lines.Text()
		if n, ok := strings.CutPrefix(line, "saved "); ok {
			last, _ = strconv.Atoi(n)
		} else if strings.HasPrefix(line, "error") {
			cmd.Wait()
			return 0, fmt.Errorf("the saver failed: %s", line)
		}
	}
	cmd.Wait()
	return last, nil
}
