package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// A date typed in the library's editor is read by the same parser as
// metadata.csv, so the analysis sees it; what it cannot read is refused at
// once, with the reason and an example, and never stored.
func TestEditorDateIsReadLikeTheSidecar(t *testing.T) {
	u := demoUI(t)
	var doc provenance.Document
	for _, d := range u.ws.Documents { // an article that takes part in a link
		for _, l := range u.ws.Result.Links {
			if l.Source == d.ID || l.Target == d.ID {
				doc = d
			}
		}
	}
	// Make it undated first, through the editor.
	u.SelectDocument(doc.ID)
	e := u.library.details
	date := e.fields[publishedField]
	date.SetText("")
	asUI(u, func() { test.Tap(e.apply) })
	u.bridge.Wait()
	if _, ok := u.ws.Result.Doc(doc.ID).Meta.PublishedTime(); ok {
		t.Fatal("clearing the date left the article dated")
	}
	if !reasonsMention(u.ws.Result, "has no publication date") {
		t.Fatal("no link reason says an article has no publication date")
	}

	// Refused at once: no day.
	date.SetText("June 2021")
	hint := e.origins[publishedField].Text
	if !strings.Contains(hint, "no day") || !strings.Contains(hint, "1 June 2021") || !e.apply.Disabled() {
		t.Fatalf("June 2021: hint %q, apply disabled %v", hint, e.apply.Disabled())
	}
	if date.Validate() == nil {
		t.Fatal("the entry accepts June 2021")
	}
	// Read as people write it: the row, the origin and the analysis agree.
	date.SetText("June 1, 2021")
	if hint := e.origins[publishedField].Text; hint != "reads as 1 Jun 2021" || e.apply.Disabled() {
		t.Fatalf("June 1, 2021: hint %q, apply disabled %v", hint, e.apply.Disabled())
	}
	asUI(u, func() { test.Tap(e.apply) })
	u.bridge.Wait()
	got := u.ws.Result.Doc(doc.ID).Meta.Published
	if got.Value != "2021-06-01" || got.Origin != provenance.OriginUser || !strings.Contains(got.Detail, `"June 1, 2021"`) {
		t.Fatalf("stored date %+v", got)
	}
	if _, ok := u.ws.Result.Doc(doc.ID).Meta.PublishedTime(); !ok {
		t.Fatal("the analysis treats the typed date as undated")
	}
	if !strings.Contains(e.origins[publishedField].Text, "typed by you") {
		t.Fatalf("origin after apply: %q", e.origins[publishedField].Text)
	}
}

func reasonsMention(r *provenance.Result, s string) bool {
	for _, l := range r.Links {
		for _, why := range l.Reasons {
			if strings.Contains(why, s) {
				return true
			}
		}
	}
	return false
}

// 01/06/2021 is refused until the user says day-first or month-first; then
// the editor takes it, and a metadata.csv date refused for reading two ways
// is read again at once.
func TestDateOrderSettlesAmbiguousDates(t *testing.T) {
	u := newTestUI(t, DefaultEngine())
	dir := t.TempDir()
	paths := writeArticles(t, dir, 2)
	// Drop the front-matter date of the first article and date it in a sidecar.
	text, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(paths[0], []byte(strings.Replace(string(text), "date: 2024-05-01\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	sidecar := "file,published\n" + filepath.Base(paths[0]) + ",01/06/2021\n"
	if err := os.WriteFile(filepath.Join(dir, "metadata.csv"), []byte(sidecar), 0o644); err != nil {
		t.Fatal(err)
	}
	u.AddPaths([]string{dir})
	u.bridge.Wait()
	first := docByPath(t, u, paths[0])
	if first.Meta.Published.Known() || !strings.Contains(first.Meta.Published.Detail, "reads two ways") {
		t.Fatalf("ambiguous sidecar date: %+v", first.Meta.Published)
	}
	if len(u.dialogs) == 0 {
		t.Fatal("the refused sidecar date is not reported")
	}

	u.SelectDocument(first.ID)
	date := u.library.details.fields[publishedField]
	date.SetText("02/03/2021")
	if hint := u.library.details.origins[publishedField].Text; !strings.Contains(hint, "2 March 2021 or 3 February 2021") {
		t.Fatalf("ambiguous typed date: hint %q", hint)
	}

	// Choose day-first on the Settings screen.
	asUI(u, func() { u.settings.order.SetSelected(dateOrderChoices[1].label) })
	u.bridge.Wait()
	if u.DateOrder() != dates.DayFirst {
		t.Fatalf("order %v", u.DateOrder())
	}
	first = docByPath(t, u, paths[0])
	if first.Meta.Published.Value != "2021-06-01" || first.Meta.Published.Origin != provenance.OriginSidecar {
		t.Fatalf("sidecar date not read again day-first: %+v", first.Meta.Published)
	}
	u.SelectDocument(first.ID)
	date = u.library.details.fields[publishedField]
	date.SetText("02/03/2021")
	if hint := u.library.details.origins[publishedField].Text; hint != "reads as 2 Mar 2021" {
		t.Fatalf("day-first typed date: hint %q", hint)
	}
	// The choice is kept for the next session and shown on the screen.
	u.settings.Refresh()
	if u.settings.order.Selected != dateOrderChoices[1].label {
		t.Fatalf("settings show %q", u.settings.order.Selected)
	}
}

func docByPath(t *testing.T, u *UI, path string) provenance.Document {
	t.Helper()
	for _, d := range u.ws.Documents {
		if d.Path == path {
			return d
		}
	}
	t.Fatalf("%s not in the workspace", path)
	return provenance.Document{}
}

// asUI runs fn as the UI goroutine would: the closures a finished job hands
// to fyne.Do wait until fn returns. The desktop driver runs both on one
// goroutine; the test driver runs a job's closures on the job's goroutine,
// so a widget call that starts a job (and goes on refreshing itself after
// the job's callback returned) would race with the job's result.
func asUI(u *UI, fn func()) {
	u.bridge.ui.Lock()
	defer u.bridge.ui.Unlock()
	fn()
}
