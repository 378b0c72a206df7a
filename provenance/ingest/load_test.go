package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/provenance"
)

func TestLoadFSDemo(t *testing.T) {
	docs, dups, errs := LoadFS(context.Background(), assets.Demo(), DefaultOptions())
	if len(errs) > 0 || len(dups) > 0 {
		t.Fatalf("errors %v duplicates %v", errs, dups)
	}
	if len(docs) < 6 {
		t.Fatalf("only %d demo documents", len(docs))
	}
	for _, d := range docs {
		if !d.Meta.Outlet.Known() || !d.Meta.Title.Known() || len(d.ID) != 12 || d.ContentHash == "" {
			t.Errorf("%s: outlet %+v title %+v id %q", d.Path, d.Meta.Outlet, d.Meta.Title, d.ID)
		}
		if len(d.Skip) != 1 || !strings.HasPrefix(d.Text, "---\n") || d.Words != 0 {
			t.Errorf("%s: front matter should stay in the text and be skipped: %v", d.Path, d.Skip)
		}
	}
}

func TestFromText(t *testing.T) {
	text := "Ferry fares rise\r\n\r\nLAGOS, (Example Wire) – Fares went up on Monday.\r\n"
	d := FromText(text, provenance.Metadata{Author: provenance.Field{Value: "Typed Author"}})
	if d.Format != "paste" || strings.Contains(d.Text, "\r") || d.Meta.Author.Origin != provenance.OriginUser {
		t.Errorf("doc %+v", d)
	}
	if d.Meta.Outlet.Value != "Example Wire" || d.Meta.Title.Value != "Ferry fares rise" || d.Path != "paste:Ferry fares rise" {
		t.Errorf("inferred meta %+v path %q", d.Meta, d.Path)
	}
	if again := FromText(text, provenance.Metadata{}); again.ID != d.ID {
		t.Errorf("same paste, different IDs %s %s", d.ID, again.ID)
	}
	if other := FromText(text+"More.", provenance.Metadata{}); other.ID == d.ID {
		t.Error("different pastes share an ID")
	}
}

func TestProgressAndCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 1040 {
		files[fmt.Sprintf("f%02d.txt", i)] = fmt.Sprintf("Article number %d has its own words.\n", i)
	}
	writeFiles(t, dir, files)
	var mu sync.Mutex
	var last provenance.Progress
	calls := 0
	docs, _, _ := Load(context.Background(), []string{dir}, DefaultOptions(), func(p provenance.Progress) {
		mu.Lock()
		defer mu.Unlock()
		last, calls = p, calls+1
		time.Sleep(time.Millisecond) // a slow callback
	})
	mu.Lock()
	if len(docs) != 1040 || calls == 0 || last.Done != 1040 || last.Total != 1040 || last.Stage != "reading" {
		t.Errorf("docs %d, %d progress calls, last %+v", len(docs), calls, last)
	}
	mu.Unlock()

	w := newOSWalker()
	listed := 0
	w.listed = func(n int) { listed = n }
	w.add(dir)
	if listed != 1040 {
		t.Errorf("listing reported %d files", listed)
	}

	// A callback that blocks does not hold up loading.
	defer func(d time.Duration) { closeWait = d }(closeWait)
	closeWait = 200 * time.Millisecond
	release := make(chan struct{})
	start := time.Now()
	docs, _, _ = Load(context.Background(), []string{dir}, DefaultOptions(), func(provenance.Progress) { <-release })
	close(release)
	if len(docs) != 1040 || time.Since(start) > closeWait+5*time.Second {
		t.Errorf("blocked callback: %d docs after %v", len(docs), time.Since(start))
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs, _, errs := Load(ctx, []string{dir}, DefaultOptions(), nil)
	if len(docs) != 0 || len(errs) != 0 {
		t.Errorf("cancelled load read %d docs, %v", len(docs), errs)
	}

	// Cancelled half way: it stops early, without errors.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	var opened atomic.Int32
	testHookBeforeRead = func(string) {
		if opened.Add(1) == 10 {
			cancel()
		}
	}
	defer func() { testHookBeforeRead = nil }()
	opts := DefaultOptions()
	opts.Workers = 1
	docs, _, errs = Load(ctx, []string{dir}, opts, nil)
	if len(docs) < 9 || len(docs) > 11 || len(errs) != 0 {
		t.Errorf("cancelled after 10 files: %d docs, errors %v", len(docs), errs)
	}
}

func TestFetchURL(t *testing.T) {
	var subresource atomic.Int32
	mux := http.NewServeMux()
	page := articlePage(`<title>Harbour strike – Example Times</title><meta property="og:site_name" content="Example Times">`, 5)
	page = strings.Replace(page, "</body>", `<img src="/img.png"><script src="/app.js"></script><link rel="stylesheet" href="/s.css"></body>`, 1)
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	for _, p := range []string{"/img.png", "/app.js", "/s.css"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { subresource.Add(1) })
	}
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/article", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/tofile", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>filler words </p>", 1000)
		for range 1000 {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte{0, 1, 2})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opts := DefaultOptions()
	opts.URLTimeout = 500 * time.Millisecond
	opts.URLMaxBytes = 1 << 20
	d, err := FetchURL(context.Background(), srv.URL+"/moved", opts)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "url" || d.Path != srv.URL+"/moved" || d.ID != DocID(srv.URL+"/moved") || d.Meta.Outlet.Value != "Example Times" {
		t.Errorf("doc %+v", d)
	}
	if d.Meta.URL.Value != srv.URL+"/article" || d.Meta.URL.Origin != provenance.OriginHTTP {
		t.Errorf("url %+v", d.Meta.URL)
	}
	if !strings.Contains(d.Text, "Paragraph 5 of the story") || strings.Contains(d.Text, "INJECTED") {
		t.Errorf("text %q", d.Text)
	}
	if n := subresource.Load(); n != 0 {
		t.Errorf("%d sub-resources fetched", n)
	}
	docs, dups, errs := Load(context.Background(), []string{srv.URL + "/article", srv.URL + "/missing", srv.URL + "/article"}, opts, nil)
	if len(docs) != 1 || docs[0].Format != "url" || len(dups) != 1 || len(errs) != 1 || errs[0].Path != srv.URL+"/missing" || !strings.Contains(errs[0].Reason, "404") {
		t.Errorf("Load of addresses: docs %d dups %v errs %v", len(docs), dups, errs)
	}
	bad := []struct{ url, reason string }{
		{"file:///etc/passwd", "only http and https"},
		{"ftp://example.org/x", "only http and https"},
		{srv.URL + "/loop", "redirects"},
		{srv.URL + "/tofile", "redirect to a \"file:\""},
		{srv.URL + "/big", "limit (URLMaxBytes)"},
		{srv.URL + "/slow", "Timeout"},
		{srv.URL + "/missing", "404"},
		{srv.URL + "/binary", "unsupported content type"},
	}
	for _, b := range bad {
		_, err := FetchURL(context.Background(), b.url, opts)
		if err == nil || !strings.Contains(err.Error(), b.reason) || !strings.Contains(err.Error(), b.url) {
			t.Errorf("%s: err = %v, want %q", b.url, err, b.reason)
		}
	}
}

func TestDocIDStable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	if DocID(p) != DocID(p) || DocID(p) == DocID(p+"x") || len(DocID(p)) != 12 {
		t.Error("DocID not stable or not distinct")
	}
}

func TestReaderPanicBecomesError(t *testing.T) {
	readers["boom"] = func(context.Context, []byte, Options) (extracted, error) { panic("library bug") }
	defer delete(readers, "boom")
	_, err := extract(context.Background(), "boom", []byte("x"), DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "the boom reader failed on this file: library bug") {
		t.Fatalf("err = %v", err)
	}
}
