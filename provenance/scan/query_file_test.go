package scan_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

// The index saved in a workspace answers a query as the index in memory
// does, reading the file without changing it; a workspace without an index
// says so.
func TestQueryFromWorkspaceFile(t *testing.T) {
	ctx := context.Background()
	c := gen.Build(6, 2)
	cs := c.Cases[1]
	k := slices.IndexFunc(c.Docs, func(d provenance.Document) bool { return d.ID == cs.Target })
	rest := slices.Delete(slices.Clone(c.Docs), k, k+1)
	r, ix, err := (&scan.Scanner{}).RunIndexed(ctx, rest, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "w.copytrail")
	if err := store.Save(path, &store.Workspace{Documents: rest, Settings: r.Settings, Result: r, Index: ix}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	want, err := scan.Query(ctx, scan.NewSource(r, ix), c.Docs[k])
	if err != nil {
		t.Fatal(err)
	}
	f, err := store.OpenIndex(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := scan.Query(ctx, f, c.Docs[k])
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("%d matches from the file, %d in memory", len(got), len(want))
	}
	for i := range got {
		if got[i].Document.ID != want[i].Document.ID || !reflect.DeepEqual(got[i].Pair, want[i].Pair) || !reflect.DeepEqual(got[i].Passages, want[i].Passages) {
			t.Fatalf("match %d differs: file %+v\nmemory %+v", i, got[i].Pair, want[i].Pair)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the query changed the workspace file")
	}
	// reopened whole, the workspace keeps its index
	ws, err := store.Open(path)
	if err != nil || !reflect.DeepEqual(ws.Index, ix) {
		t.Fatalf("reopened index differs (%v)", err)
	}
	bare := filepath.Join(t.TempDir(), "bare.copytrail")
	if err := store.Save(bare, &store.Workspace{Documents: rest}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.OpenIndex(bare); err == nil {
		t.Fatal("a workspace without an index opened as one")
	}
}
