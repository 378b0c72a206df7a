package app

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/export"
)

// A JSON Lines export folder opens as an unsaved workspace showing the
// analysis as written, without analysing it again; a folder that is not an
// export is refused with an error and the workspace is kept.
func TestOpenJSONLExport(t *testing.T) {
	u := demoUI(t)
	dir := t.TempDir()
	want := *u.ws.Result
	// a reason no analysis writes: it shows only if the export is shown as is
	want.Links = slices.Clone(want.Links)
	want.Links[0].Reasons = []string{"marked by the test"}
	if _, err := export.WriteAll(dir, &want, export.Options{Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	v := newTestUI(t, DefaultEngine())
	v.Start(Options{Paths: []string{dir}})
	v.bridge.Wait()
	if v.ws.Result == nil || len(v.ws.Documents) != len(want.Documents) {
		t.Fatalf("export not opened: %d documents, result %v", len(v.ws.Documents), v.ws.Result != nil)
	}
	if !reflect.DeepEqual(v.ws.Result.Passages, want.Passages) || !reflect.DeepEqual(v.ws.Result.Links, want.Links) {
		t.Errorf("opened export shows other passages or links than were exported")
	}
	if v.path != "" || !v.dirty {
		t.Errorf("opened export: path %q dirty %v, want an unsaved workspace", v.path, v.dirty)
	}
	before := len(v.ws.Documents)
	v.OpenExport(t.TempDir())
	v.bridge.Wait()
	if len(v.ws.Documents) != before {
		t.Errorf("a folder without analysis.json replaced the workspace")
	}
}

// The Beam runner's output (cmd/copytrail-beam) writes its large kinds in
// shards named as export.ShardName names them. Such a folder opens as the
// same workspace as the one-file export; a folder missing a shard (a run
// that stopped half-way) is refused and the open workspace kept.
func TestOpenShardedExport(t *testing.T) {
	u := demoUI(t)
	want := *u.ws.Result
	dir := t.TempDir()
	if _, err := export.WriteAll(dir, &want, export.Options{Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{export.PassagesFile, export.PairsJSONL, export.DocumentsJSONL} {
		shardFile(t, dir, name, 3)
	}
	v := newTestUI(t, DefaultEngine())
	v.OpenExport(dir)
	v.bridge.Wait()
	if v.ws.Result == nil || len(v.ws.Documents) != len(want.Documents) {
		t.Fatalf("sharded export not opened: %d documents of %d", len(v.ws.Documents), len(want.Documents))
	}
	got := v.ws.Result
	if !reflect.DeepEqual(got.Passages, want.Passages) || !reflect.DeepEqual(got.Pairs, want.Pairs) || !reflect.DeepEqual(got.Links, want.Links) {
		t.Errorf("the sharded export shows other passages, pairs or links than were exported")
	}
	for i, d := range v.ws.Documents {
		if d.ID != want.Documents[i].ID || d.Text != want.Documents[i].Text {
			t.Fatalf("document %d: %s, want %s with its text", i, d.ID, want.Documents[i].ID)
		}
	}

	// a run that stopped before its last passage shard was written
	if err := os.Remove(filepath.Join(dir, export.ShardName(export.PassagesFile, 2, 3))); err != nil {
		t.Fatal(err)
	}
	w := demoUI(t)
	before := len(w.ws.Documents)
	w.OpenExport(dir)
	w.bridge.Wait()
	if len(w.ws.Documents) != before || w.ws.Result == nil || len(w.ws.Result.Passages) != len(want.Passages) {
		t.Errorf("an export missing a shard replaced the workspace")
	}
}

// shardFile splits dir/name into n shards named as the Beam runner names
// them (the lines in order, the last shard taking the rest) and removes
// the one file.
func shardFile(t *testing.T, dir, name string, n int) {
	t.Helper()
	p := filepath.Join(dir, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) < n {
		t.Fatalf("%s has %d lines, too few for %d shards", name, len(lines), n)
	}
	per := len(lines) / n
	for i := range n {
		part := lines[i*per:]
		if i < n-1 {
			part = lines[i*per : (i+1)*per]
		}
		if err := os.WriteFile(filepath.Join(dir, export.ShardName(name, i, n)), []byte(strings.Join(part, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
}
