package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runMeasured runs cmd with its stdout going to a temporary file (this
// process stays small: a child's peak RSS counts its parent's at fork) and
// records its wall time, CPU time and peak RSS. The caller reads and
// removes the file.
func runMeasured(cmd *exec.Cmd) (measure, string) {
	out, err := os.CreateTemp("", "scalebench-out-*")
	if err != nil {
		return measure{err: err}, ""
	}
	defer out.Close()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	t0 := time.Now()
	var hwm float64 // the child's own VmHWM, polled: the rusage figure counts the parent's memory at fork
	if err = cmd.Start(); err == nil {
		done, finished := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(finished)
			for {
				if v := vmHWM(cmd.Process.Pid); v > hwm {
					hwm = v
				}
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
		err = cmd.Wait()
		close(done)
		<-finished
	}
	m := measure{wall: time.Since(t0)}
	if ps := cmd.ProcessState; ps != nil {
		m.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			m.rssMB = float64(ru.Maxrss) / 1024
		}
	}
	if hwm > 0 {
		m.rssMB = hwm
	}
	if err != nil {
		m.err = fmt.Errorf("%v: %s", err, lastLine(stderr.String()))
	}
	return m, out.Name()
}

// lines calls fn with each line of file, then removes it.
func lines(file string, fn func([]byte) error) error {
	defer os.Remove(file)
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		if err := fn(sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// vmHWM reads a live process's peak resident set (VmHWM) in MB, or 0.
func vmHWM(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

var stageNames = []string{"reading", "indexing", "matching", "aligning", "linking"}

const stageHeader = "| collection | articles | reading | indexing | matching | aligning | linking |\n|---|---|---|---|---|---|---|"

func stageRow(g string, n int, m measure) string {
	row := fmt.Sprintf("| %s | %d |", g, n)
	for _, s := range stageNames {
		if v, ok := m.stages[s]; ok {
			row += fmt.Sprintf(" %.1f s |", v)
		} else {
			row += " – |"
		}
	}
	return row
}
