package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/store"
)

// savedScaleWorkspace saves scaleDocs(n) analysed by the real engine (with
// its index) in a temporary folder and returns the path and workspace.
func savedScaleWorkspace(t *testing.T, n int) (string, *store.Workspace) {
	t.Helper()
	ws := analysedScale(t, n)
	path := filepath.Join(t.TempDir(), "archive.copytrail")
	if err := store.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	return path, ws
}

// largeUI lowers the size at which workspaces open lazily for one test.
func largeUI(t *testing.T, threshold int) *UI {
	old := largeWorkspace
	largeWorkspace = threshold
	t.Cleanup(func() { largeWorkspace = old })
	return newTestUI(t, DefaultEngine())
}

// TestLargeWorkspaceOpensLazilyAndSavesInPlace: a workspace above the
// large size opens without its texts and with only the pairs that share
// evidence in memory; the library lists every article, the status line
// counts every passage of the file; a comparison reads its two texts from
// the file; a verdict is saved into the file in place (the articles and
// analysis stay as they were, every text included); an export writes the
// whole analysis; and adding an article reads the workspace whole first,
// so the analysis covers every article and the next save writes it all.
func TestLargeWorkspaceOpensLazilyAndSavesInPlace(t *testing.T) {
	path, ws := savedScaleWorkspace(t, 400)
	u := largeUI(t, 100)
	u.OpenWorkspace(path)
	u.bridge.Wait()
	if u.large.lazy == nil {
		t.Fatal("a workspace above the large size was read whole")
	}
	if got := u.library.Rows(); len(got) != len(ws.Documents) {
		t.Fatalf("the library lists %d articles, want %d", len(got), len(ws.Documents))
	}
	if slices.ContainsFunc(u.ws.Documents, func(d provenance.Document) bool { return d.Text != "" }) {
		t.Fatal("texts were read at open")
	}
	if len(u.ws.Result.Pairs) >= len(ws.Result.Pairs) || len(u.ws.Result.Links) != len(ws.Result.Links) {
		t.Fatalf("in memory: %d pairs of %d, %d links of %d", len(u.ws.Result.Pairs), len(ws.Result.Pairs), len(u.ws.Result.Links), len(ws.Result.Links))
	}
	all, inc := ws.Result.PassageCounts()
	<-u.large.checked
	if a, i := u.passageCounts(u.Result()); a != all || i != inc {
		t.Errorf("status line counts %d passages (%d incidental), the file holds %d (%d)", a, i, all, inc)
	}

	l := ws.Result.Links[0]
	u.Compare(l.Source, l.Target)
	want := ws.Result.Shared(l.Source, l.Target)
	if c := u.compare.cmp; c == nil || c.A.Text == "" || c.B.Text == "" || len(c.Passages) != want.Passages || c.Shared != want {
		t.Fatalf("the comparison of a link: %+v, want %+v with both texts", c, want)
	}
	if d := findDoc(u.ws.Documents, l.Source); d.Text != ws.Result.Doc(l.Source).Text {
		t.Error("the text read for the comparison differs from the file's")
	}

	u.SetDecision(l.Source, l.Target, store.Decision{Verdict: store.VerdictConfirmed, Note: "checked"})
	if err := u.saver.SaveNow(path); err != nil {
		t.Fatal(err)
	}
	saved, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := saved.Decision(l.Source, l.Target); d.Note != "checked" {
		t.Errorf("the verdict was not saved: %+v", d)
	}
	want2 := ws.Clone()
	want2.Decisions, want2.View = saved.Decisions, saved.View
	assertSameWorkspace(t, saved, want2)

	dir := t.TempDir()
	u.Export(dir, []string{"jsonl"})
	u.bridge.Wait()
	exported, err := export.ReadJSONL(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(exported.Passages) != all || len(exported.Pairs) != len(ws.Result.Pairs) || exported.Documents[0].Text == "" {
		t.Errorf("the export holds %d passages and %d pairs, want the whole analysis's %d and %d, with texts",
			len(exported.Passages), len(exported.Pairs), all, len(ws.Result.Pairs))
	}

	src := ws.Result.Doc(l.Source)
	u.AddDocument(u.eng.FromText("A note quoting it. "+src.Text[len(src.Text)/3:len(src.Text)/3+600], provenance.Metadata{}))
	u.bridge.Wait()
	if u.large.lazy != nil || len(u.ws.Result.Documents) != len(ws.Documents)+1 || !indexMatches(u.ws.Result, u.ws.Index) {
		t.Fatalf("after adding: lazy %v, %d documents analysed", u.large.lazy != nil, len(u.ws.Result.Documents))
	}
	if slices.ContainsFunc(u.ws.Documents, func(d provenance.Document) bool { return d.Text == "" }) {
		t.Fatal("an article lost its text when the workspace was read whole")
	}
	if len(u.ws.Result.Pairs) <= len(ws.Result.Pairs) {
		t.Errorf("the analysis after adding has %d pairs, the whole one had %d", len(u.ws.Result.Pairs), len(ws.Result.Pairs))
	}
	if err := u.saver.SaveNow(path); err != nil {
		t.Fatal(err)
	}
	again, err := store.Open(path)
	if err != nil || len(again.Documents) != len(ws.Documents)+1 || again.Documents[5].Text != ws.Documents[5].Text {
		t.Fatalf("the file after adding: %v", err)
	}
	if d, _ := again.Decision(l.Source, l.Target); d.Note != "checked" {
		t.Errorf("the verdict was lost when the workspace was saved whole: %+v", d)
	}
}

// TestSaveAsCopiesALargeWorkspace: saving a lazily opened workspace under
// another name copies the file and writes the user's tables into the copy.
func TestSaveAsCopiesALargeWorkspace(t *testing.T) {
	path, ws := savedScaleWorkspace(t, 300)
	u := largeUI(t, 100)
	u.OpenWorkspace(path)
	u.bridge.Wait()
	<-u.large.checked // the file's background check, which updates the status line
	u.SetDocNote(ws.Documents[3].ID, "read this one")
	other := filepath.Join(t.TempDir(), "copy.copytrail")
	if err := u.saver.SaveNow(other); err != nil {
		t.Fatal(err)
	}
	got, err := store.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	want := ws.Clone()
	want.Notes, want.View = map[string]string{ws.Documents[3].ID: "read this one"}, got.View
	assertSameWorkspace(t, got, want)
	if u.path != other {
		t.Errorf("the workspace's file is %s, want %s", u.path, other)
	}
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Errorf("the original file: %v", err)
	}
}

// assertSameWorkspace fails unless got and want hold the same articles
// (texts included), analysis, index and user tables.
func assertSameWorkspace(t *testing.T, got, want *store.Workspace) {
	t.Helper()
	a, b := got.Clone(), want.Clone()
	if !slices.EqualFunc(a.Documents, b.Documents, func(x, y provenance.Document) bool { return x.ID == y.ID && x.Text == y.Text && x.Meta == y.Meta }) {
		t.Fatal("the articles differ")
	}
	if len(a.Result.Passages) != len(b.Result.Passages) || len(a.Result.Pairs) != len(b.Result.Pairs) || len(a.Result.Links) != len(b.Result.Links) {
		t.Fatal("the analysis differs")
	}
	if (a.Index == nil) != (b.Index == nil) || a.Index != nil && len(a.Index.IDs) != len(b.Index.IDs) {
		t.Fatal("the index differs")
	}
	if len(a.Decisions) != len(b.Decisions) || len(a.Notes) != len(b.Notes) {
		t.Fatalf("user tables: %d decisions, %d notes; want %d, %d", len(a.Decisions), len(a.Notes), len(b.Decisions), len(b.Notes))
	}
	for k, n := range b.Notes {
		if a.Notes[k] != n {
			t.Fatalf("note on %s: %q, want %q", k, a.Notes[k], n)
		}
	}
}
