package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/copytrail/copytrail"
)

// The package tests check what `make package` and `make package-windows`
// built into dist/. `make test` builds both and runs these with
// COPYTRAIL_DIST set; a plain `go test ./...` skips them.

func distDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("COPYTRAIL_DIST")
	if dir == "" {
		t.Skip("COPYTRAIL_DIST is not set: `make test` builds the packages and runs this test")
	}
	return dir
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestLinuxPackageInstalls unpacks the Linux package into a fresh home with
// `make install`'s script, validates the desktop entry, runs the installed
// binary, then uninstalls.
func TestLinuxPackageInstalls(t *testing.T) {
	dist := distDir(t)
	root := repoRoot(t)
	pkgs, _ := filepath.Glob(filepath.Join(dist, "copytrail-"+copytrail.Version()+"-linux-*.tar.xz"))
	if len(pkgs) != 1 {
		t.Fatalf("want one copytrail-%s-linux-*.tar.xz in %s, found %v", copytrail.Version(), dist, pkgs)
	}
	home := t.TempDir()
	env := append(programEnv(t), "HOME="+home) // the later HOME wins
	install := exec.Command(filepath.Join(root, "scripts", "install.sh"), pkgs[0])
	install.Env = env
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	id := copytrail.AppID()
	bin := filepath.Join(home, ".local", "bin", "copytrail")
	desktop := filepath.Join(home, ".local", "share", "applications", id+".desktop")
	icon := filepath.Join(home, ".local", "share", "icons", id+".png")

	if out, err := exec.Command("desktop-file-validate", desktop).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate %s: %v\n%s", desktop, err, out)
	}
	entry := readDesktopEntry(t, desktop)
	for key, want := range map[string]string{"Type": "Application", "Name": "Copytrail", "Exec": bin, "Icon": id} {
		if entry[key] != want {
			t.Errorf("desktop entry %s=%q, want %q", key, entry[key], want)
		}
	}
	if entry["Categories"] == "" || entry["Comment"] == "" {
		t.Errorf("desktop entry lacks Categories or Comment: %v", entry)
	}
	if b, err := os.ReadFile(icon); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("icon %s: %v (not a PNG?)", icon, err)
	}

	r := runProgram(t, bin, env, "--version")
	if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "copytrail "+copytrail.Version()+" (") {
		t.Fatalf("installed copytrail --version: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// Built from a git clone, the package names its commit.
	if st, err := os.Stat(filepath.Join(root, ".git")); err == nil && st.IsDir() {
		head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
		if err == nil && !strings.Contains(r.stdout, "commit "+string(head[:12])) {
			t.Errorf("version %q does not name the commit %s", r.stdout, head[:12])
		}
	}
	if r := runProgram(t, bin, env, "scan", writeDemo(t)); r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "A COVERAGE") {
		t.Errorf("installed copytrail scan: exit %d, stderr %q", r.code, r.stderr)
	}

	uninstall := exec.Command(filepath.Join(root, "scripts", "install.sh"), "--uninstall")
	uninstall.Env = env
	if out, err := uninstall.CombinedOutput(); err != nil {
		t.Fatalf("install.sh --uninstall: %v\n%s", err, out)
	}
	filepath.Walk(home, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.Contains(p, ".cache") && !strings.HasSuffix(p, "mimeinfo.cache") {
			t.Errorf("left behind after uninstall: %s", p)
		}
		return nil
	})
}

// readDesktopEntry reads the [Desktop Entry] group's keys.
func readDesktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys := map[string]string{}
	group := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "["):
			group = line
		case group == "[Desktop Entry]" && strings.Contains(line, "="):
			k, v, _ := strings.Cut(line, "=")
			keys[k] = v
		}
	}
	return keys
}

// TestWindowsExeHasIcon checks the cross-compiled copytrail.exe: a 64-bit
// GUI program whose resources carry the app icon (as Explorer shows it),
// the version information and the manifest.
func TestWindowsExeHasIcon(t *testing.T) {
	dist := distDir(t)
	exe := filepath.Join(dist, "copytrail.exe")
	res, err := readPEResources(exe)
	if err != nil {
		t.Fatal(err)
	}
	if res.machine != 0x8664 || res.subsystem != 2 {
		t.Errorf("machine %#x subsystem %d, want amd64 (0x8664) and GUI (2)", res.machine, res.subsystem)
	}
	for typ, name := range map[uint32]string{rtIcon: "icon", rtGroupIcon: "icon group", rtVersion: "version", rtManifest: "manifest"} {
		if len(res.data[typ]) == 0 {
			t.Errorf("copytrail.exe has no %s resource", name)
		}
	}
	// The icon images are our icon, at the sizes Explorer asks for.
	want, err := decodePNG(filepath.Join(repoRoot(t), "assets", "icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	matched := false
	for _, img := range res.data[rtIcon] {
		if got, err := decodeIconImage(img); err == nil && sameImage(got, want) {
			matched = true
		}
	}
	if !matched {
		t.Errorf("none of the %d icon images is assets/icon.png", len(res.data[rtIcon]))
	}
	// The version resource says our version (UTF-16).
	v := utf16le(copytrail.Version())
	found := false
	for _, d := range res.data[rtVersion] {
		found = found || bytes.Contains(d, v)
	}
	if !found {
		t.Errorf("the version resource does not carry %s", copytrail.Version())
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(copytrail.Version()) {
		t.Errorf("version %q", copytrail.Version())
	}
}
