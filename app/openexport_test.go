package app

import (
	"reflect"
	"slices"
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
