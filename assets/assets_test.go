package assets

import (
	"bytes"
	"image/png"
	"io/fs"
	"strings"
	"testing"
)

func TestDemoCorpusIsEmbedded(t *testing.T) {
	names, err := fs.Glob(Demo(), "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 6 || len(names) > 8 {
		t.Fatalf("demo corpus has %d articles, want 6–8: %v", len(names), names)
	}
	undated := 0
	for _, n := range names {
		b, err := fs.ReadFile(Demo(), n)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.HasPrefix(s, "---\n") || !strings.Contains(s, "\ntitle: ") {
			t.Errorf("%s: no front matter with a title", n)
		}
		head := s[:strings.Index(s[4:], "---\n")+4]
		if !strings.Contains(head, "\npublished: ") {
			undated++
		}
	}
	if undated == 0 {
		t.Error("the demo corpus should include an undated article")
	}
	if _, err := fs.Stat(Demo(), "GROUND_TRUTH.md"); err == nil {
		t.Error("ground-truth notes must not be embedded as an article")
	}
}

func TestIconIsPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 256 || b.Dx() != b.Dy() {
		t.Errorf("icon is %v, want a square of at least 256 px", b)
	}
}
