package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/cmd/copytrail/cli"
)

var (
	binOnce         sync.Once
	binPath, binDir string
	binErr          error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// buildBinary builds the real copytrail program, once for these tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		if binDir, binErr = os.MkdirTemp("", "copytrail-bin-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "copytrail")
		if out, err := exec.Command(goTool, "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// programEnv is a CI-like environment: LANG=C.UTF-8 (Debian containers'
// default), no other locale variable, no display, a fresh home.
func programEnv(t *testing.T, locale ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "LANGUAGE" || k == "LANG" || strings.HasPrefix(k, "LC_") || k == "DISPLAY" || k == "WAYLAND_DISPLAY" || k == "HOME" {
			continue
		}
		env = append(env, kv)
	}
	if len(locale) == 0 {
		locale = []string{"LANG=C.UTF-8"}
	}
	return append(append(env, "HOME="+t.TempDir()), locale...)
}

// writeDemo writes the embedded demo corpus into a folder.
func writeDemo(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "articles")
	err := fs.WalkDir(assets.Demo(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Demo(), p)
		if err == nil {
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if err = os.MkdirAll(filepath.Dir(dst), 0o755); err == nil {
				err = os.WriteFile(dst, b, 0o644)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

func runProgram(t *testing.T, bin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Dir = t.TempDir()
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if x, ok := err.(*exec.ExitError); ok {
		code = x.ExitCode()
	} else if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return result{code, o.String(), e.String()}
}

// TestQuietStderr runs every registered subcommand's examples, its help and
// the global flags in the real binary under LANG=C.UTF-8 with no display:
// each must succeed with nothing on stderr. A subcommand added later is
// covered by registering examples; one without any fails here.
func TestQuietStderr(t *testing.T) {
	bin := buildBinary(t)
	env := programEnv(t)
	demo := writeDemo(t)
	out := t.TempDir()
	check := func(args []string, r result) {
		t.Helper()
		if r.code != cli.ExitOK || r.stderr != "" {
			t.Errorf("copytrail %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	for _, args := range [][]string{{"--version"}, {"-h"}, {"--help"}} {
		check(args, runProgram(t, bin, env, args...))
	}
	commands := cli.Commands()
	if len(commands) < 7 {
		t.Fatalf("only %d commands registered", len(commands))
	}
	for _, c := range commands {
		if len(c.Examples) == 0 {
			t.Errorf("%s registers no example: add one that succeeds on the demo corpus", c.Name)
		}
		for _, args := range [][]string{{"help", c.Name}, {c.Name, "-h"}} {
			r := runProgram(t, bin, env, args...)
			check(args, r)
			if !strings.HasPrefix(r.stdout, "usage: copytrail "+c.Name) {
				t.Errorf("copytrail %s printed %q", strings.Join(args, " "), r.stdout)
			}
		}
		for _, ex := range c.Examples {
			args := make([]string, len(ex))
			for i, a := range ex {
				switch {
				case a == "articles/":
					a = demo
				case strings.HasPrefix(a, "out/"):
					a = filepath.Join(out, strings.TrimPrefix(a, "out/"))
				}
				args[i] = a
			}
			check(ex, runProgram(t, bin, env, args...))
		}
	}
}

// TestOtherLocalesAndErrors: the locales that used to make Fyne log, and a
// usage error that must say only what is wrong.
func TestOtherLocalesAndErrors(t *testing.T) {
	bin := buildBinary(t)
	for _, loc := range [][]string{{"LANG=C"}, {"LC_ALL=POSIX"}, {"LANG=C.utf8"}, {"LANG=de_DE@euro"}, {"LANG=C.UTF-8", "LANGUAGE=fr::de"}} {
		r := runProgram(t, bin, programEnv(t, loc...), "--version")
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "copytrail "+cli.Version) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", loc, r.code, r.stdout, r.stderr)
		}
	}
	r := runProgram(t, bin, programEnv(t), "scna", "x")
	if r.code != cli.ExitUsage || r.stderr != "copytrail: unknown command \"scna\"; did you mean \"scan\"?\nRun 'copytrail help' for the list of commands.\n" {
		t.Errorf("unknown command: exit %d, stderr %q", r.code, r.stderr)
	}
}
