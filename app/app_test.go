package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/store"
)

// newTestUI opens the main window headless with the real engine.
func newTestUI(t *testing.T, eng Engine) *UI {
	t.Helper()
	a := newTestApp(t)
	w := a.NewWindow("Copytrail")
	w.Resize(fyne.NewSize(1200, 800))
	closed := false
	w.SetOnClosed(func() { closed = true })
	t.Cleanup(func() {
		if !closed { // a test may have closed it (the test driver panics on a second Close)
			w.Close()
		}
	})
	u := NewUI(a, w, eng)
	u.saver.delay = time.Hour // TestAutosave sets its own
	t.Cleanup(u.saver.Stop)
	return u
}

// demoUI opens the window on the analysed demo corpus.
func demoUI(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t, DefaultEngine())
	u.Start(Options{Demo: true})
	u.bridge.Wait()
	if u.ws.Result == nil || len(u.ws.Result.Links) == 0 {
		t.Fatalf("demo corpus not analysed: %+v", u.ws.Result)
	}
	return u
}

// writeArticles writes n generated articles into dir; each reuses a long
// stretch of the first, so the engine links them. Returns the paths.
func writeArticles(t *testing.T, dir string, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 9))
	words := func(k int) string {
		var ws []string
		for range k {
			ws = append(ws, genWord(rng))
		}
		return strings.Join(ws, " ")
	}
	common := words(80)
	var paths []string
	for i := range n {
		body := words(60) + " " + common + " " + words(60)
		if i == 0 {
			body = common + " " + words(120)
		}
		p := filepath.Join(dir, fmt.Sprintf("article-%d.txt", i))
		text := fmt.Sprintf("---\ntitle: Generated article %d\noutlet: Outlet %d\ndate: 2024-05-%02d\n---\n%s\n", i, i, i+1, body)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestFirstRunShowsTheAnalysedDemo(t *testing.T) {
	u := demoUI(t)
	if got, want := len(u.library.Rows()), len(u.ws.Documents); got != want || want < 5 {
		t.Fatalf("library lists %d of %d demo articles", got, want)
	}
	if !strings.Contains(u.status.Text, "links") {
		t.Errorf("status line: %q", u.status.Text)
	}
	if u.dirty {
		t.Errorf("the demo opens without unsaved changes")
	}
}

func TestAddArticlesByDropPasteAndCancel(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	dir := t.TempDir()
	paths := writeArticles(t, dir, 3)
	var uris []fyne.URI
	for _, p := range paths[:2] {
		uris = append(uris, storage.NewFileURI(p))
	}
	u.Dropped(uris)
	u.bridge.Wait()
	if len(u.ws.Documents) != 2 || len(u.library.Rows()) != 2 {
		t.Fatalf("after dropping 2 files: %d documents, %d rows", len(u.ws.Documents), len(u.library.Rows()))
	}
	if len(u.ws.Result.Links)+len(u.ws.Result.Pairs) == 0 {
		t.Fatalf("two articles sharing 80 words were not paired")
	}
	// dropping the same file again adds nothing and says so
	u.Dropped(uris[:1])
	u.bridge.Wait()
	if len(u.ws.Documents) != 2 {
		t.Fatalf("a file already in the workspace was added again")
	}
	// a folder: only the new article is added
	u.AddPaths([]string{dir})
	u.bridge.Wait()
	if len(u.ws.Documents) != 3 {
		t.Fatalf("adding the folder: want 3 documents, got %d", len(u.ws.Documents))
	}
	// pasted text with typed metadata
	d := u.eng.FromText("A short pasted note about "+strings.Repeat("harbour works ", 20), pastedMeta("Pasted note", "Reader letter", "2024-06-01"))
	u.AddDocument(d)
	u.bridge.Wait()
	if len(u.ws.Documents) != 4 {
		t.Fatalf("pasting: want 4 documents, got %d", len(u.ws.Documents))
	}
	got := u.ws.Documents[3].Meta
	if got.Title.Value != "Pasted note" || got.Outlet.Origin != provenance.OriginUser {
		t.Errorf("pasted metadata: %+v", got)
	}
}

func TestCancelLeavesTheWorkspaceAsItWas(t *testing.T) {
	eng := DefaultEngine()
	started := make(chan struct{})
	realUpdate := eng.Update
	blocking := false
	eng.Update = func(ctx context.Context, prev *provenance.Result, ix *index.Index, docs []provenance.Document, s provenance.Settings, p ProgressFunc) (*provenance.Result, *index.Index, error) {
		if blocking {
			close(started)
			<-ctx.Done()
			return nil, nil, ctx.Err()
		}
		return realUpdate(ctx, prev, ix, docs, s, p)
	}
	u := newTestUI(t, eng)
	paths := writeArticles(t, t.TempDir(), 3)
	u.AddPaths(paths[:2])
	u.bridge.Wait()
	before := u.ws.Result
	blocking = true
	u.AddPaths(paths[2:])
	<-started
	if !u.bridge.Busy() {
		t.Fatal("bridge should be busy during the scan")
	}
	u.bridge.Cancel()
	u.bridge.Wait()
	if len(u.ws.Documents) != 2 || u.ws.Result != before {
		t.Fatalf("cancel changed the workspace: %d documents", len(u.ws.Documents))
	}
	if u.bridge.Busy() {
		t.Fatal("bridge still busy after cancel")
	}
}

func TestLibraryCompareButtonOpensTheRightComparison(t *testing.T) {
	u := demoUI(t)
	l := u.ws.Result.Links[0]
	u.SelectDocument(l.Target)
	if u.library.Selected() != l.Target {
		t.Fatalf("selected %q, want %q", u.library.Selected(), l.Target)
	}
	test.Tap(u.library.details.compare)
	a, b := u.compare.Pair()
	if b != l.Target || a != bestPartner(u.ws.Result, l.Target) {
		t.Fatalf("compare shows %s,%s", a, b)
	}
	if u.currentScreen() != ScreenCompare {
		t.Errorf("compare tab not shown: %s", u.currentScreen())
	}
	// a link chosen elsewhere (graph, matrix) opens that pair
	u.Compare(l.Source, l.Target)
	if a, b := u.compare.Pair(); a != l.Source || b != l.Target {
		t.Fatalf("Compare(%s,%s) shows %s,%s", l.Source, l.Target, a, b)
	}
	if u.compare.Current() != 0 {
		t.Errorf("opening a comparison focuses the first passage, got %d", u.compare.Current())
	}
}

func TestKeysStepThroughPassagesAndEscClosesDialogs(t *testing.T) {
	u := demoUI(t)
	l := u.ws.Result.Links[0]
	u.Compare(l.Source, l.Target)
	n := len(u.compare.cmp.Passages)
	if n < 2 {
		t.Skipf("demo link has %d passages", n)
	}
	u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyN})
	if u.compare.Current() != 1 {
		t.Fatalf("N: want passage 1, got %d", u.compare.Current())
	}
	u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyP})
	if u.compare.Current() != 0 {
		t.Fatalf("P: want passage 0, got %d", u.compare.Current())
	}
	u.ShowScreen(ScreenGraph)
	u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if u.compare.Current() != 0 || u.currentScreen() != ScreenGraph {
		t.Fatalf("outside workshop mode, arrows step passages only on the Compare screen")
	}
	u.ShowScreen(ScreenCompare)
	u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if u.compare.Current() != 1 {
		t.Fatalf("→ on the Compare screen: want passage 1, got %d", u.compare.Current())
	}
	u.about()
	if len(u.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("about box not shown")
	}
	u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Fatal("Esc did not close the about box")
	}
}

func TestWorkshopHidesThenReveals(t *testing.T) {
	u := demoUI(t)
	normal := u.app.Settings().Theme().Size("text")
	u.ToggleWorkshop()
	if got := u.app.Settings().Theme().Size("text"); got <= normal {
		t.Fatalf("workshop text size %v not larger than %v", got, normal)
	}
	l := u.ws.Result.Links[0]
	u.Compare(l.Source, l.Target)
	u.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if n := len(u.compare.cmp.Passages); n > 1 && u.compare.Current() != 1 {
		t.Fatalf("→ in workshop mode: want passage 1, got %d", u.compare.Current())
	}
	src := u.ws.Result.Doc(l.Source)
	u.ToggleHideMetadata()
	if src.Meta.Published.Known() && strings.Contains(u.compare.metaA.Text, showDate(src.Meta.Published.Value)) {
		t.Fatalf("date shown while hidden: %q", u.compare.metaA.Text)
	}
	if strings.Contains(u.compare.summary.Text, "is from") {
		t.Fatalf("direction given away while hidden: %q", u.compare.summary.Text)
	}
	u.Reveal()
	if src.Meta.Outlet.Known() && !strings.Contains(u.compare.metaA.Text, src.Meta.Outlet.Value) {
		t.Fatalf("outlet not revealed: %q", u.compare.metaA.Text)
	}
	u.ToggleWorkshop()
	if got := u.app.Settings().Theme().Size("text"); got != normal {
		t.Fatalf("leaving workshop mode: text size %v, want %v", got, normal)
	}
}

func TestSaveAndReopenRoundTripsEverything(t *testing.T) {
	u := demoUI(t)
	l := u.ws.Result.Links[0]
	u.Compare(l.Source, l.Target)
	u.compare.Next()
	test.Tap(u.compare.confirm)
	test.Type(u.compare.note, "checked against the wire copy")
	u.SelectDocument(l.Target)
	u.SetDocNote(l.Target, "the outlet's own byline")
	u.ShowScreen(ScreenCompare)
	path := filepath.Join(t.TempDir(), "case.copytrail")
	u.saveTo(path)
	if u.dirty || u.path != path {
		t.Fatalf("after save: dirty %v path %q", u.dirty, u.path)
	}

	v := newTestUI(t, DefaultEngine())
	v.OpenWorkspace(path)
	v.bridge.Wait()
	if len(v.ws.Documents) != len(u.ws.Documents) || len(v.ws.Result.Passages) != len(u.ws.Result.Passages) ||
		len(v.ws.Result.Links) != len(u.ws.Result.Links) {
		t.Fatalf("reopened workspace differs: %d docs, %d passages, %d links",
			len(v.ws.Documents), len(v.ws.Result.Passages), len(v.ws.Result.Links))
	}
	d := v.Decision(l.Source, l.Target)
	if d.Verdict != store.VerdictConfirmed || d.Note != "checked against the wire copy" {
		t.Fatalf("decision not restored: %+v", d)
	}
	if v.DocNote(l.Target) != "the outlet's own byline" {
		t.Fatalf("article note not restored")
	}
	if a, b := v.compare.Pair(); a != l.Source || b != l.Target || v.compare.Current() != u.compare.Current() {
		t.Fatalf("view not restored: %s,%s passage %d", a, b, v.compare.Current())
	}
	if v.currentScreen() != ScreenCompare || v.library.Selected() != l.Target {
		t.Fatalf("screen %s, selected %q", v.currentScreen(), v.library.Selected())
	}
	if r := v.recent(); len(r) == 0 || filepath.Base(r[0]) != "case.copytrail" {
		t.Fatalf("recent workspaces: %v", r)
	}
}

func TestLibraryFilterSortAndEditMetadata(t *testing.T) {
	u := demoUI(t)
	docs := u.ws.Documents
	title := docs[0].Label()
	word := strings.Fields(title)[0]
	u.library.FocusFind()
	test.Type(u.library.find, word)
	var want []string
	for _, d := range docs {
		for _, f := range []string{d.Label(), d.Path, d.Meta.Outlet.Value, d.Meta.Author.Value, d.Meta.Published.Value, showDate(d.Meta.Published.Value)} {
			if strings.Contains(strings.ToLower(f), strings.ToLower(word)) {
				want = append(want, d.ID)
				break
			}
		}
	}
	if got := u.library.Rows(); len(want) == 0 || !sameSet(got, want) {
		t.Fatalf("filter %q lists %v, want %v", word, got, want)
	}
	u.library.SetFilter("")
	u.library.SetOrder(sortWords)
	rows := u.library.Rows()
	for i := 1; i < len(rows); i++ {
		if u.ws.Result.Doc(rows[i-1]).Words < u.ws.Result.Doc(rows[i]).Words {
			t.Fatalf("not sorted by words")
		}
	}
	u.SelectDocument(docs[0].ID)
	e := u.library.details
	if e.origins[0].Text == "" {
		t.Fatalf("title origin not shown")
	}
	e.fields[1].SetText("Renamed Outlet")
	asUI(u, func() { test.Tap(e.apply) })
	u.bridge.Wait()
	got := u.ws.Result.Doc(docs[0].ID).Meta.Outlet
	if got.Value != "Renamed Outlet" || got.Origin != provenance.OriginUser {
		t.Fatalf("edited outlet: %+v", got)
	}
	if !strings.Contains(e.origins[1].Text, "typed by you") {
		t.Fatalf("origin after edit: %q", e.origins[1].Text)
	}
}

func TestImportProblemsAreShownInTheWindow(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.pdf")
	if err := os.WriteFile(bad, []byte("not a pdf at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := append(writeArticles(t, dir, 2), bad)
	u.AddPaths(paths)
	u.bridge.Wait()
	if len(u.ws.Documents) != 2 {
		t.Fatalf("the readable files should be added: %d", len(u.ws.Documents))
	}
	if len(u.dialogs) == 0 {
		t.Fatal("no dialog lists the file that could not be read")
	}
}

func TestSettingsReanalyse(t *testing.T) {
	u := demoUI(t)
	u.settings.preset.SetSelected("strict")
	asUI(u, func() { test.Tap(findButton(t, u.settings.content, "Apply and re-analyse")) })
	u.bridge.Wait()
	if u.ws.Result.Settings.Preset != "strict" || u.ws.Settings.Preset != "strict" {
		t.Fatalf("preset not applied: %q", u.ws.Result.Settings.Preset)
	}
	u.settings.entries[1].SetText("not a number")
	u.settings.Apply()
	if u.ws.Settings.Preset != "strict" {
		t.Fatal("bad input changed the settings")
	}
}

func TestCommandLineComparison(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	u.Start(Options{Demo: true, Compare: "top", Screen: ScreenCompare, Passage: 2})
	u.bridge.Wait()
	if a, _ := u.compare.Pair(); a == "" || u.currentScreen() != ScreenCompare {
		t.Fatalf("--compare top not shown: %q on %s", a, u.currentScreen())
	}
	if _, _, err := resolvePair(u.ws.Result, "nothing-like-this,either"); err == nil {
		t.Fatal("unknown names should be an error")
	}
	if _, err := ParseArgs([]string{"--screen", "graph", "a.txt"}, os.Stderr); err != nil {
		t.Fatal(err)
	}
}

// findButton finds a button by its text under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) fyne.Tappable {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func TestAutosaveWritesAfterAChange(t *testing.T) {
	u := demoUI(t)
	path := filepath.Join(t.TempDir(), "auto.copytrail")
	u.saveTo(path)
	u.saver.delay = 20 * time.Millisecond
	l := u.ws.Result.Links[0]
	u.SetDecision(l.Source, l.Target, store.Decision{Verdict: store.VerdictDismissed, Note: "autosaved"})
	deadline := time.Now().Add(10 * time.Second)
	for {
		ws, err := store.Open(path)
		if err == nil {
			if d, _ := ws.Decision(l.Source, l.Target); d.Note == "autosaved" {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the change was not autosaved within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	u.saver.Wait()
}

func TestExportWritesTheChosenFormats(t *testing.T) {
	u := demoUI(t)
	dir := t.TempDir()
	u.Export(dir, []string{"html report", "csv"})
	u.bridge.Wait()
	for _, name := range []string{"report.html", "links.csv"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "graph.graphml")); err == nil {
		t.Errorf("a format not chosen was written")
	}
}

func TestDamagedWorkspaceOffersRecovery(t *testing.T) {
	u := demoUI(t)
	path := filepath.Join(t.TempDir(), "damaged.copytrail")
	u.saveTo(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// damage the article texts behind SQLite's back (same length, so the
	// pages stay readable and only the rows' checksums disagree)
	if !strings.Contains(string(data), "Lake Ombra") {
		t.Fatal("demo text not found in the file")
	}
	data = []byte(strings.ReplaceAll(string(data), "Lake Ombra", "Lake Umbra"))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	v := newTestUI(t, DefaultEngine())
	v.OpenWorkspace(path)
	v.bridge.Wait()
	if len(v.ws.Documents) != 0 {
		t.Fatal("a damaged file was opened as if it were sound")
	}
	if len(v.dialogs) == 0 {
		t.Fatal("no dialog offers to recover the damaged file")
	}
	if _, ok := v.dialogs[len(v.dialogs)-1].(*dialog.ConfirmDialog); !ok {
		t.Fatalf("want the recovery question, got %T", v.dialogs[len(v.dialogs)-1])
	}
}

// TestExportComparisonReport: File → Export can write the report of the
// comparison on screen alone, naming only those two articles.
func TestExportComparisonReport(t *testing.T) {
	u := demoUI(t)
	l := u.ws.Result.Links[0]
	u.Compare(l.Source, l.Target)
	dir := t.TempDir()
	u.Export(dir, []string{formatComparisonReport})
	u.bridge.Wait()
	html, err := os.ReadFile(filepath.Join(dir, "comparison.html"))
	if err != nil {
		t.Fatalf("comparison.html not written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err == nil {
		t.Error("the whole-workspace report was written though not chosen")
	}
	inPair := map[string]bool{l.Source: true, l.Target: true}
	for _, d := range u.ws.Result.Documents {
		title := d.Meta.Title.Value
		if title == "" || strings.Contains(u.ws.Result.Doc(l.Source).Meta.Title.Value, title) || strings.Contains(u.ws.Result.Doc(l.Target).Meta.Title.Value, title) {
			continue
		}
		if got := strings.Contains(string(html), title); got != inPair[d.ID] {
			t.Errorf("%q in the comparison report: %v, want %v", title, got, inPair[d.ID])
		}
	}
}

// TestCompareOpensOnTheStrongestLink: before any pair is chosen the
// Compare tab shows the collection's strongest link, source on the left,
// not an instruction.
func TestCompareOpensOnTheStrongestLink(t *testing.T) {
	u := demoUI(t)
	want, ok := provenance.Link{}, false
	for _, l := range u.ws.Result.Links {
		if l.Kind == provenance.LinkCopy && (!ok || l.Confidence > want.Confidence) {
			want, ok = l, true
		}
	}
	if !ok {
		t.Fatal("the demo has no copy link")
	}
	if a, b := u.compare.Pair(); a != want.Source || b != want.Target {
		t.Errorf("compare opens on %s, %s; want the strongest link %s → %s", a, b, want.Source, want.Target)
	}
	if u.compare.empty.Visible() {
		t.Error("the instruction is shown over the comparison")
	}
}
