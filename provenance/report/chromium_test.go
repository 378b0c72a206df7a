package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export/exporttest"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

// The browser tests open reports in Debian's headless Chromium with no
// network, check the DOM it built and its console, and save screenshots.
// UPDATE_SCREENSHOTS=1 also copies the demo report's screenshot to
// docs/screenshots/report.png; otherwise screenshots stay in the test's
// temporary folder.

func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Skip("chromium is not installed (make test installs it): skipping the browser test")
	return ""
}

// browse runs headless Chromium on file with extra flags and returns its
// standard output and error. A run that fails is tried once more with a
// fresh profile (a loaded CI machine can make Chromium miss its start-up).
func browse(t *testing.T, file string, flags ...string) (stdout, stderr string) {
	t.Helper()
	var err error
	for try := 0; try < 2; try++ {
		if stdout, stderr, err = browseOnce(t, file, flags...); err == nil {
			return stdout, stderr
		}
	}
	t.Fatalf("chromium %v: %v\n%s", flags, err, stderr)
	return "", ""
}

func browseOnce(t *testing.T, file string, flags ...string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
		"--disable-extensions", "--mute-audio", "--hide-scrollbars",
		"--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
		"--user-data-dir=" + t.TempDir()}, flags...)
	args = append(args, "file://"+file)
	cmd := exec.CommandContext(ctx, chromium(t), args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	err := cmd.Run()
	return o.String(), e.String(), err
}

// consoleErrors returns the page's console messages and uncaught errors
// from Chromium's log.
func consoleErrors(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Uncaught") || strings.Contains(line, "Content Security Policy") {
			out = append(out, line)
		}
	}
	return out
}

func writeReport(t *testing.T, r *provenance.Result, opts Options) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.String()
}

func repoRoot(t *testing.T) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test")
		}
		dir = parent
	}
}

func demoResult(t *testing.T) *provenance.Result {
	t.Helper()
	ctx := context.Background()
	docs, _, errs := ingest.LoadFS(ctx, assets.Demo(), ingest.DefaultOptions())
	if len(errs) > 0 {
		t.Fatalf("demo corpus: %v", errs)
	}
	r, err := scan.Run(ctx, docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var cspRE = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`)

// handlerRE finds a real element (text has its "<" escaped) with an on*
// event handler attribute.
var handlerRE = regexp.MustCompile(`(?i)<[a-z][^<>]*\son[a-z]+\s*=`)

var tagRE = regexp.MustCompile(`(?is)<title>(.*?)</title>`)

// checkRendered asserts the report's structure survived into the DOM.
func checkRendered(t *testing.T, dom string, r *provenance.Result) {
	t.Helper()
	for _, want := range []string{`id="summary"`, `id="graph"`, `<svg`, `id="links"`, `id="mutations"`, `id="families"`, `href="#families"`, `id="appendix"`, `class="stats"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %s", want)
		}
	}
	if got := strings.Count(dom, `<h3 id="doc-`); got != len(r.Documents) {
		t.Errorf("appendix lists %d articles, want %d", got, len(r.Documents))
	}
	if len(r.Links) > 0 && !strings.Contains(dom, `class="link"`) {
		t.Error("links exist but none rendered")
	}
	// Every link's heading and every mutation's explanation made it in.
	text := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;")
	for _, l := range r.Links {
		src, dst := r.Doc(l.Source), r.Doc(l.Target)
		if !strings.Contains(dom, text.Replace(src.Label())) || !strings.Contains(dom, text.Replace(dst.Label())) {
			t.Errorf("link %s → %s not rendered", src.Label(), dst.Label())
		}
		for _, reason := range l.Reasons {
			if !strings.Contains(dom, text.Replace(reason)) {
				t.Errorf("reason %q not rendered", reason)
			}
		}
	}
	for _, m := range r.Mutations {
		if !strings.Contains(dom, text.Replace(m.Explanation)) {
			t.Errorf("mutation %q not rendered", m.Explanation)
		}
	}
	wantFams := 0
	for _, f := range r.Families {
		if len(f.Members) >= 2 {
			wantFams++
		}
	}
	if got := strings.Count(dom, `<article class="family"`); got != min(wantFams, MaxFamilies) {
		t.Errorf("families section lists %d families, want %d", got, min(wantFams, MaxFamilies))
	}
	if wantFams > 0 && (!strings.Contains(dom, "Earliest witness") || !strings.Contains(dom, `class="timeline"`)) {
		t.Error("families rendered without their earliest witness or timeline")
	}
	if m, f := strings.Index(dom, `id="mutations"`), strings.Index(dom, `id="families"`); m < 0 || f < m || f > strings.Index(dom, `id="appendix"`) {
		t.Error("families section not between mutations and appendix")
	}
	if len(r.Passages) > 0 && (!strings.Contains(dom, `<mark class="p0`) || !strings.Contains(dom, `<span class="n p0">1</span>`)) {
		t.Error("no highlighted, numbered passage rendered")
	}
}

func TestDemoReportInChromium(t *testing.T) {
	chromium(t)
	r := demoResult(t)
	path, _ := writeReport(t, r, Options{Title: "Copytrail demo report", Version: "test"})
	dom, stderr := browse(t, path, "--dump-dom")
	checkRendered(t, dom, r)
	if errs := consoleErrors(stderr); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
	shot := filepath.Join(t.TempDir(), "report.png")
	browse(t, path, "--screenshot="+shot, "--window-size=1400,2600")
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
		t.Fatalf("no screenshot: %v", err)
	}
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dst := filepath.Join(repoRoot(t), "docs", "screenshots", "report.png")
		b, _ := os.ReadFile(shot)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("saved %s", dst)
	}
	// Narrow screens stack the two texts; check the print stylesheet too.
	narrow := filepath.Join(t.TempDir(), "narrow.png")
	browse(t, path, "--screenshot="+narrow, "--window-size=420,1600")
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	browse(t, path, "--print-to-pdf="+pdf, "--no-pdf-header-footer")
	if fi, err := os.Stat(pdf); err != nil || fi.Size() < 5000 {
		t.Errorf("printing to PDF failed: %v", err)
	}
	if dir := os.Getenv("COPYTRAIL_KEEP_SHOTS"); dir != "" {
		for _, f := range []string{shot, narrow, pdf} {
			b, _ := os.ReadFile(f)
			os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
		}
	}
}

func TestHostileReportRunsNothing(t *testing.T) {
	chromium(t)
	r := exporttest.Hostile()
	path, html := writeReport(t, r, Options{Title: "Hostile", Version: "test"})
	// Escaping alone must hold: also open a copy without the CSP that
	// would otherwise block any script that slipped through.
	noCSP := cspRE.ReplaceAllString(html, "")
	if noCSP == html {
		t.Fatal("CSP meta tag not found in the report")
	}
	bare := filepath.Join(t.TempDir(), "bare.html")
	if err := os.WriteFile(bare, []byte(noCSP), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{path, bare} {
		dom, stderr := browse(t, file, "--dump-dom")
		m := tagRE.FindStringSubmatch(dom)
		if m == nil || m[1] != "Hostile" {
			t.Errorf("%s: title is %q, want Hostile: an article's script ran", filepath.Base(file), m)
		}
		lower := strings.ToLower(dom)
		for _, bad := range []string{"<script", "<img", `href="javascript:`, "<iframe"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s: DOM contains %s", filepath.Base(file), bad)
			}
		}
		if m := handlerRE.FindString(dom); m != "" {
			t.Errorf("%s: an element carries an event handler: %s", filepath.Base(file), m)
		}
		if strings.Count(lower, "<svg") != 1 {
			t.Errorf("%s: %d svg elements, want only the graph", filepath.Base(file), strings.Count(lower, "<svg"))
		}
		if !strings.Contains(dom, "&lt;script&gt;document.title=") || !strings.Contains(dom, "&lt;img src=x onerror=") {
			t.Errorf("%s: the hostile text is not shown as text", filepath.Base(file))
		}
		if errs := consoleErrors(stderr); len(errs) > 0 {
			t.Errorf("%s: console errors:\n%s", filepath.Base(file), strings.Join(errs, "\n"))
		}
		checkRendered(t, dom, r)
	}
}

func TestSeedsReportInChromium(t *testing.T) {
	chromium(t)
	seeds := testseeds.Dir(t)
	ctx := context.Background()
	docs, _, errs := ingest.Load(ctx, []string{seeds}, ingest.DefaultOptions(), nil)
	if len(errs) > 0 || len(docs) == 0 {
		t.Fatalf("seeds: %d docs, errors %v", len(docs), errs)
	}
	r, err := scan.Run(ctx, docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Links {
		t.Logf("seed link %s → %s (%s, %.2f)", r.Doc(l.Source).Meta.Outlet.Value, r.Doc(l.Target).Meta.Outlet.Value, l.Kind, l.Confidence)
	}
	path, _ := writeReport(t, r, Options{Title: "Seeds", Version: "test"})
	dom, stderr := browse(t, path, "--dump-dom")
	checkRendered(t, dom, r)
	if errs := consoleErrors(stderr); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
	if dir := os.Getenv("COPYTRAIL_KEEP_SHOTS"); dir != "" {
		browse(t, path, "--screenshot="+filepath.Join(dir, "seeds.png"), "--window-size=1400,2400")
		b, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, "seeds.html"), b, 0o644)
	}
}
