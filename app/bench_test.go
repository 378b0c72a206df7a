package app

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/store"
)

// BenchmarkCompareView5000 builds the comparison of two 5,000-word
// articles: styling every word, wrapping both texts and drawing the lines
// in view. Target: under 100 ms.
func BenchmarkCompareView5000(b *testing.B) {
	test.NewTempApp(b)
	r := synthResult(5000)
	nav := &fakeNav{r: r}
	v := NewCompareView(nav, nav)
	w := test.NewWindow(v.CanvasObject())
	w.Resize(fyne.NewSize(1400, 900))
	defer w.Close()
	b.ResetTimer()
	for range b.N {
		for _, p := range []*textPane{v.left, v.right} {
			p.cache, p.ascii = map[rune]float32{}, [128]float32{}
		}
		v.Show("docA", "docB")
		v.Focus(len(v.cmp.Passages) / 2)
	}
}

// BenchmarkOpenWorkspace1000 opens a saved workspace of 1,000 articles and
// shows it: the library, graph, matrix and families redraw. Target: under 2 s.
func BenchmarkOpenWorkspace1000(b *testing.B) { benchOpen(b, false) }

// BenchmarkOpenWorkspace1000Painted also paints the window once with the
// test driver's software painter (the graph tab is in front), an upper bound
// for the GPU-drawn window.
func BenchmarkOpenWorkspace1000Painted(b *testing.B) { benchOpen(b, true) }

func benchOpen(b *testing.B, paint bool) {
	a := test.NewTempApp(b)
	path := filepath.Join(b.TempDir(), "big.copytrail")
	ws := &store.Workspace{Result: benchWorkspaceResult(1000)}
	ws.Documents, ws.Settings = ws.Result.Documents, ws.Result.Settings
	if err := store.Save(path, ws); err != nil {
		b.Fatal(err)
	}
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1400, 900))
	defer w.Close()
	u := NewUI(a, w, DefaultEngine())
	defer u.saver.Stop()
	b.ResetTimer()
	for range b.N {
		u.OpenWorkspace(path)
		u.bridge.Wait()
		if len(u.library.Rows()) != 1000 {
			b.Fatalf("library shows %d articles", len(u.library.Rows()))
		}
		if paint {
			w.Canvas().Capture()
		}
	}
}

// benchWorkspaceResult generates n articles of about 300 words; two of every three
// reuse a 40-word stretch of the one before, with the passages, pairs and
// links an engine would report.
func benchWorkspaceResult(n int) *provenance.Result {
	rng := rand.New(rand.NewPCG(3, 5))
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: provenance.Settings{Preset: "balanced", NGram: 5}}
	var prevChunk string
	for i := range n {
		own := make([]string, 260)
		for k := range own {
			own[k] = genWord(rng)
		}
		chunk := strings.Join(own[100:140], " ")
		text := strings.Join(own, " ")
		id := fmt.Sprintf("doc%04d", i)
		copied := i%3 != 0 && prevChunk != ""
		if copied {
			text = prevChunk + "\n\n" + text
		}
		r.Documents = append(r.Documents, provenance.Document{ID: id, Path: "/bench/" + id + ".txt", Format: "txt", Text: text,
			Words: len(strings.Fields(text)), ContentHash: id,
			Meta: provenance.Metadata{Title: provenance.Field{Value: "Generated article " + id, Origin: provenance.OriginFile},
				Outlet:    provenance.Field{Value: fmt.Sprintf("Outlet %d", i%40), Origin: provenance.OriginSidecar},
				Published: provenance.Field{Value: fmt.Sprintf("2024-%02d-%02d", 1+i/28%12, 1+i%28), Origin: provenance.OriginSidecar}}})
		if copied {
			prev := r.Documents[i-1]
			start := strings.Index(prev.Text, prevChunk)
			p := provenance.Passage{A: prev.ID, B: id, AStart: start, AEnd: start + len(prevChunk), BStart: 0, BEnd: len(prevChunk),
				Words: 40, Similarity: 1, Diff: []provenance.DiffOp{{Op: provenance.OpEqual, Text: prevChunk}}}
			r.Passages = append(r.Passages, p)
			k := len(r.Passages) - 1
			r.Pairs = append(r.Pairs, provenance.Pair{A: prev.ID, B: id, ACoverage: 40.0 / float64(prev.Words),
				BCoverage: 40.0 / 300, SharedWords: 40, LongestPassage: 40, Passages: []int{k}})
			r.Links = append(r.Links, provenance.Link{Source: prev.ID, Target: id, Kind: provenance.LinkCopy, Confidence: 0.8,
				Reasons: []string{"published earlier"}, Passages: []int{k}})
		}
		prevChunk = chunk
	}
	return r
}
