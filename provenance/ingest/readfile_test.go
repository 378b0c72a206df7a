package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// ReadFile on a file's bytes gives the Document that Load gives for it.
func TestReadFileMatchesLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":  "---\ntitle: Harbour plan\noutlet: Coast Daily\n---\nThe harbour board approved the plan on Monday after a long debate.\n",
		"b.html": "<html><head><title>Port</title><meta property=\"og:site_name\" content=\"Bay News\"></head><body><article><h1>Port</h1><p>The harbour board approved the plan on Monday after a long debate about costs.</p></article></body></html>",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, _, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(errs) > 0 || len(docs) != 2 {
		t.Fatalf("Load: %d docs, errors %v", len(docs), errs)
	}
	for _, want := range docs {
		data, err := os.ReadFile(want.Path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(context.Background(), want.Path, data, DefaultOptions())
		if err != nil {
			t.Fatalf("ReadFile %s: %v", want.Path, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ReadFile %s:\n got %+v\nwant %+v", want.Path, got, want)
		}
	}
}

// ReadFile refuses what Load refuses, saying why.
func TestReadFileRefuses(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ name, data, reason string }{
		{"x.exe", "MZ", "unsupported file type"},
		{"x.txt", "", "empty file"},
		{"x.txt", "   \n", "no text"},
		{"x.txt", strings.Repeat("word ", 2<<20), "over the"},
	} {
		_, err := ReadFile(ctx, c.name, []byte(c.data), DefaultOptions())
		if err == nil || !strings.Contains(err.Error(), c.reason) {
			t.Errorf("ReadFile(%s, %d bytes) = %v, want an error containing %q", c.name, len(c.data), err, c.reason)
		}
	}
	if !Supported("A.HTML") || Supported("notes.odt") {
		t.Error("Supported: wrong verdict on A.HTML or notes.odt")
	}
}
