package export

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export/exporttest"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

func TestWriteAllWritesEveryFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	names, err := WriteAll(dir, exporttest.Sample(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(files(exporttest.Sample(), Options{})) {
		t.Errorf("wrote %v", names)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(names) {
		t.Errorf("folder holds %d entries (temporary files left?), wrote %d", len(entries), len(names))
	}
	for _, n := range names {
		fi, err := os.Stat(filepath.Join(dir, n))
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v (size %v)", n, err, fi)
		}
	}
	only, err := WriteAll(t.TempDir(), exporttest.Sample(), Options{Formats: []string{"CSV", "gexf"}})
	if err != nil || len(only) != 9 {
		t.Errorf("csv+gexf wrote %v, %v", only, err)
	}
	if _, err := WriteAll(t.TempDir(), exporttest.Sample(), Options{Formats: []string{"xlsx"}}); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("unknown format: err = %v", err)
	}
}

func TestWriteAllRefusesSymlinkEscape(t *testing.T) {
	base := t.TempDir()
	dir, outside := filepath.Join(base, "out"), filepath.Join(base, "victim.csv")
	if err := os.WriteFile(outside, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "links.csv")); err != nil {
		t.Skip("cannot make symlinks here:", err)
	}
	_, err := WriteAll(dir, exporttest.Sample(), Options{Formats: []string{"csv"}})
	if err == nil || !strings.Contains(err.Error(), "symlink") || !strings.Contains(err.Error(), "links.csv") {
		t.Errorf("err = %v, want a refusal naming links.csv and the symlink", err)
	}
	if b, _ := os.ReadFile(outside); string(b) != "precious" {
		t.Errorf("file outside the folder was changed: %q", b)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	name, err := WriteFile(root, "../../escape.csv", func(w io.Writer) error { _, err := w.Write([]byte("x")); return err })
	if err != nil || strings.ContainsAny(name, `/\`) {
		t.Fatalf("WriteFile(../../escape.csv) = %q, %v", name, err)
	}
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		t.Errorf("sanitised file not inside the folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(base, "escape.csv")); err == nil {
		t.Error("a file was written outside the folder")
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"links.csv": "links.csv", "../../etc/passwd": "_.._etc_passwd", ".hidden": "hidden", "": "export",
		"a b/c\\d:e": "a_b_c_d_e", "Ørnes.png": "_rnes.png",
	} {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteFileKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	write := func(s string, fail bool) error {
		_, err := WriteFile(root, "f.csv", func(w io.Writer) error {
			w.Write([]byte(s))
			if fail {
				return os.ErrInvalid
			}
			return nil
		})
		return err
	}
	if err := write("complete", false); err != nil {
		t.Fatal(err)
	}
	if err := write("half", true); err == nil {
		t.Fatal("a failing writer did not fail WriteFile")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "f.csv")); string(b) != "complete" {
		t.Errorf("after a failed write the file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestPNGsAreSlideSized(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAll(dir, exporttest.Hostile(), Options{Formats: []string{"png"}}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"graph.png", "outlets.png", "comparison.png"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if s := img.Bounds().Size(); s.X != SlideWidth || s.Y != SlideHeight {
			t.Errorf("%s is %v, want %dx%d", n, s, SlideWidth, SlideHeight)
		}
		// Something was drawn: count non-white pixels on a grid.
		inked := 0
		for y := 0; y < SlideHeight; y += 4 {
			for x := 0; x < SlideWidth; x += 4 {
				if r, g, b, _ := img.At(x, y).RGBA(); r+g+b < 3*0xf000 {
					inked++
				}
			}
		}
		if inked < 2000 {
			t.Errorf("%s looks empty: %d inked samples", n, inked)
		}
		if os.Getenv("COPYTRAIL_KEEP_PNG") != "" {
			os.WriteFile(filepath.Join(os.Getenv("COPYTRAIL_KEEP_PNG"), n), b, 0o644)
		}
	}
	var buf bytes.Buffer
	if err := ComparisonPNG(&buf, exporttest.Sample(), "d-release", "nope"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown document: err = %v", err)
	}
}

func TestEmptyResultExportsCleanly(t *testing.T) {
	dir := t.TempDir()
	r := &provenance.Result{}
	names, err := WriteAll(dir, r, Options{})
	if err != nil || len(names) != 28 {
		t.Fatalf("empty analysis: %v, %v (want every file but comparison.png)", names, err)
	}
	if _, err := WriteAll(dir, r, Options{Compare: [2]string{"x", "y"}}); err == nil || !strings.Contains(err.Error(), "comparison.png") {
		t.Errorf("comparing unknown documents: err = %v, want one naming comparison.png", err)
	}
	var buf bytes.Buffer
	if err := GraphPNG(&buf, graphlayout.Graph{}, "empty"); err != nil {
		t.Fatal(err)
	}
}

func TestWriteFileAsKeepsChosenNamesButNoPaths(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	w := func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }
	if name, err := WriteFileAs(root, "Rapport été.html", w); err != nil || name != "Rapport été.html" {
		t.Errorf("chosen name: %q, %v", name, err)
	}
	for _, bad := range []string{"", ".", "..", "../up.html", `a\b`, "sub/x.html"} {
		if _, err := WriteFileAs(root, bad, w); err == nil {
			t.Errorf("WriteFileAs(%q) accepted a path", bad)
		}
	}
}
