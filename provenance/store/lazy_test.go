package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// analysedWorkspace saves a workspace of generated articles analysed by the
// real engine — pairs that share evidence and pairs that share only names
// or stock phrases, links, a wire story's family, mutations — with user
// decisions, notes and a view, and returns its path and contents.
func analysedWorkspace(t *testing.T) (string, *Workspace) {
	t.Helper()
	c := gen.WireCollection(240, 24, 80, 5)
	for i := range c.Docs {
		c.Docs[i].Meta.Outlet = provenance.Field{Value: []string{"Harbour Post", "Ridge Times", "Valley Wire"}[i%3], Origin: provenance.OriginSidecar}
		c.Docs[i].Meta.Published = provenance.Field{Value: time.Date(2024, 3, 1, 0, i, 0, 0, time.UTC).Format(time.RFC3339), Origin: provenance.OriginSidecar}
	}
	r, ix, err := (&scan.Scanner{}).RunIndexed(context.Background(), c.Docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Docs {
		c.Docs[i].Words = r.Documents[i].Words
	}
	ws := &Workspace{Documents: c.Docs, Settings: r.Settings, Result: r, Index: ix,
		Decisions: map[LinkKey]Decision{KeyOf(r.Links[0]): {Verdict: VerdictConfirmed, Note: "checked"}},
		Notes:     map[string]string{c.Docs[3].ID: "a note"}, View: map[string]string{"screen": "graph"}}
	path := filepath.Join(t.TempDir(), "w.copytrail")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	evidence, other := 0, 0
	for _, p := range r.Pairs {
		if p.SharedWords > 0 {
			evidence++
		} else {
			other++
		}
	}
	if evidence == 0 || other == 0 || len(r.Mutations) == 0 || len(r.Families) == 0 {
		t.Fatalf("the collection does not exercise the lazy open: %d evidence pairs, %d others, %d mutations, %d families",
			evidence, other, len(r.Mutations), len(r.Families))
	}
	return path, ws
}

// withoutTexts is docs with every text emptied.
func withoutTexts(docs []provenance.Document) []provenance.Document {
	out := make([]provenance.Document, len(docs))
	for i, d := range docs {
		d.Text = ""
		out[i] = d
	}
	return out
}

// TestOpenLazyShowsWhatOpenShows: the lazy open gives the library and the
// result's documents without texts, exactly the pairs that share evidence
// with exactly their passages, every link (pointing at the same passages),
// family, mutation and outlet edge, the user's tables, and the texts and
// passage counts on demand.
func TestOpenLazyShowsWhatOpenShows(t *testing.T) {
	path, _ := analysedWorkspace(t)
	lazyShowsWhatOpenShows(t, path)
}

// TestOpenLazyOfAnOlderFile: a file of the first format opens lazily to
// what Open gives through its migrations. (The readers beside the main
// connection once read the file itself instead of its migrated copy, and
// the library of any older file failed: "no such column: role".)
func TestOpenLazyOfAnOlderFile(t *testing.T) {
	lazyShowsWhatOpenShows(t, filepath.Join("testdata", "v1.copytrail"))
}

// lazyShowsWhatOpenShows checks OpenLazy(path) against Open(path).
func lazyShowsWhatOpenShows(t *testing.T, path string) {
	t.Helper()
	full, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lz, err := OpenLazy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lz.Close()
	got, want := lz.Workspace, full
	if got.Index != nil {
		t.Error("the lazy open read the index")
	}
	if !reflect.DeepEqual(got.Documents, withoutTexts(want.Documents)) || !reflect.DeepEqual(got.Result.Documents, withoutTexts(want.Result.Documents)) {
		t.Error("documents differ from Open's, texts aside")
	}
	for _, name := range []string{"Settings", "Decisions", "Notes", "View"} {
		if g, w := reflect.ValueOf(*got).FieldByName(name).Interface(), reflect.ValueOf(*want).FieldByName(name).Interface(); !reflect.DeepEqual(g, w) {
			t.Errorf("%s differ: %v, want %v", name, g, w)
		}
	}
	gr, wr := got.Result, want.Result
	if !reflect.DeepEqual(gr.Families, wr.Families) || !reflect.DeepEqual(gr.OutletEdges, wr.OutletEdges) ||
		!reflect.DeepEqual(gr.Duplicates, wr.Duplicates) || !reflect.DeepEqual(gr.Errors, wr.Errors) || gr.Settings != wr.Settings {
		t.Error("families, outlet edges, duplicates, errors or settings differ")
	}
	passagesOf := func(r *provenance.Result, idx []int) []provenance.Passage {
		var out []provenance.Passage
		for _, i := range idx {
			out = append(out, r.Passages[i])
		}
		return out
	}
	k := 0
	for _, p := range wr.Pairs {
		if p.SharedWords == 0 {
			continue
		}
		if k >= len(gr.Pairs) {
			t.Fatalf("only %d pairs", len(gr.Pairs))
		}
		g := gr.Pairs[k]
		k++
		if g.A != p.A || g.B != p.B || g.ACoverage != p.ACoverage || g.SharedWords != p.SharedWords ||
			!reflect.DeepEqual(passagesOf(gr, g.Passages), passagesOf(wr, p.Passages)) {
			t.Fatalf("pair %s-%s differs", p.A, p.B)
		}
	}
	if k != len(gr.Pairs) {
		t.Errorf("%d pairs, want the %d that share evidence", len(gr.Pairs), k)
	}
	if len(gr.Links) != len(wr.Links) {
		t.Fatalf("%d links, want %d", len(gr.Links), len(wr.Links))
	}
	for i := range wr.Links {
		g, w := gr.Links[i], wr.Links[i]
		if !reflect.DeepEqual(passagesOf(gr, g.Passages), passagesOf(wr, w.Passages)) {
			t.Errorf("link %d points at other passages", i)
		}
		g.Passages, w.Passages = nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("link %d differs", i)
		}
	}
	for i := range wr.Mutations {
		g, w := gr.Mutations[i], wr.Mutations[i]
		if !reflect.DeepEqual(gr.Passages[g.Passage], wr.Passages[w.Passage]) {
			t.Errorf("mutation %d points at another passage", i)
		}
		g.Passage, w.Passage = 0, 0
		if g != w {
			t.Errorf("mutation %d differs", i)
		}
	}
	last := len(want.Documents) - 1
	ids := []string{want.Documents[0].ID, want.Documents[last].ID, "not-there"}
	texts, err := lz.Texts(ids...)
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != 2 || texts[ids[0]] != want.Documents[0].Text || texts[ids[1]] != want.Documents[last].Text {
		t.Errorf("Texts gave %d texts", len(texts))
	}
	all, inc, err := lz.PassageCounts()
	if wa, wi := wr.PassageCounts(); err != nil || all != wa || inc != wi {
		t.Errorf("PassageCounts = %d, %d, %v; want %d, %d", all, inc, err, wa, wi)
	}
	if err := lz.Verify(context.Background()); err != nil {
		t.Errorf("Verify an undamaged file: %v", err)
	}
}

// TestOpenLazyFindsDamage: a changed row among those read refuses the
// lazy open as Open refuses it; a changed text is found when the text is
// read and by Verify.
func TestOpenLazyFindsDamage(t *testing.T) {
	path, ws := analysedWorkspace(t)
	edit := func(path, query string, args ...any) {
		t.Helper()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(query, args...); err != nil {
			t.Fatal(err)
		}
	}
	copyOf := func() string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "copy.copytrail")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := copyOf()
	edit(link, "UPDATE links SET confidence = 0.01 WHERE idx = 0")
	if _, err := OpenLazy(link); !errors.Is(err, ErrDamaged) {
		t.Errorf("a changed link: %v, want ErrDamaged", err)
	}
	pair := copyOf()
	edit(pair, "UPDATE pairs SET a_coverage = 0.99 WHERE shared_words > 0")
	if _, err := OpenLazy(pair); !errors.Is(err, ErrDamaged) {
		t.Errorf("a changed pair: %v, want ErrDamaged", err)
	}
	text := copyOf()
	id := ws.Documents[5].ID
	edit(text, "UPDATE documents SET text = 'changed' WHERE id = ?", id)
	lz, err := OpenLazy(text)
	if err != nil {
		t.Fatalf("a changed text is not read by the lazy open: %v", err)
	}
	defer lz.Close()
	if _, err := lz.Texts(ws.Documents[4].ID); err != nil {
		t.Errorf("an undamaged text: %v", err)
	}
	if _, err := lz.Texts(id); !errors.Is(err, ErrDamaged) {
		t.Errorf("reading the changed text: %v, want ErrDamaged", err)
	}
	if err := lz.Verify(context.Background()); !errors.Is(err, ErrDamaged) {
		t.Errorf("Verify: %v, want ErrDamaged", err)
	}
}

// TestSaveUserTablesWritesInPlace: decisions, notes and the view written
// into the file in place come back from Open exactly, with the rest of the
// workspace as it was; an emptied map stays empty, not nil.
func TestSaveUserTablesWritesInPlace(t *testing.T) {
	path, ws := analysedWorkspace(t)
	lz, err := OpenLazy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lz.Close()
	edited := lz.Workspace
	l := ws.Result.Links[1]
	edited.Decisions[KeyOf(l)] = Decision{Verdict: VerdictDismissed, Note: "not a copy", At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	edited.Notes = map[string]string{}
	edited.View["screen"], edited.View["selected"] = "matrix", ws.Documents[2].ID
	if err := SaveUserTables(path, edited); err != nil {
		t.Fatal(err)
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	want := ws.Clone()
	want.Decisions[KeyOf(l)] = edited.Decisions[KeyOf(l)]
	want.Notes = map[string]string{}
	want.View = map[string]string{"screen": "matrix", "selected": ws.Documents[2].ID}
	assertEqual(t, got, want)
	if _, err := lz.Texts(ws.Documents[0].ID); err != nil {
		t.Errorf("the lazy file reads on after an in-place save: %v", err)
	}

	copyPath := filepath.Join(t.TempDir(), "copy.copytrail")
	if err := CopyFile(path, copyPath); err != nil {
		t.Fatal(err)
	}
	if c, err := Open(copyPath); err != nil {
		t.Fatal(err)
	} else {
		assertEqual(t, c, want)
	}
}
