package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/copytrail/copytrail/provenance"
)

func TestLibraryEditsAnArticlesRole(t *testing.T) {
	u := demoUI(t)
	docs := u.ws.Documents
	u.SelectDocument(docs[0].ID)
	e := u.library.details
	if e.role.Selected != "" || !strings.Contains(e.origins[roleIndex].Text, "not found") {
		t.Fatalf("a role the demo does not give: selected %q, origin %q", e.role.Selected, e.origins[roleIndex].Text)
	}
	e.role.SetSelected(provenance.RoleWire.Words())
	if e.apply.Disabled() {
		t.Fatal("choosing a role did not enable Apply")
	}
	asUI(u, func() { test.Tap(e.apply) })
	u.bridge.Wait()
	got := u.ws.Result.Doc(docs[0].ID).Meta.Role
	if got.Value != string(provenance.RoleWire) || got.Origin != provenance.OriginUser {
		t.Fatalf("role after edit: %+v", got)
	}
	if !strings.Contains(e.origins[roleIndex].Text, "typed by you") || e.role.Selected != "wire agency" {
		t.Fatalf("after edit: selected %q, origin %q", e.role.Selected, e.origins[roleIndex].Text)
	}
	// A role read from metadata.csv shows its origin, and workshop mode
	// hides it with the outlet.
	u.ws.Documents[1].Meta.Role = provenance.Field{Value: "press-office", Origin: provenance.OriginSidecar, Detail: "metadata.csv line 3"}
	u.SelectDocument(docs[1].ID)
	if e.role.Selected != "press office" || !strings.Contains(e.origins[roleIndex].Text, "metadata.csv line 3") {
		t.Errorf("sidecar role: selected %q, origin %q", e.role.Selected, e.origins[roleIndex].Text)
	}
	u.ToggleHideMetadata()
	u.SelectDocument(docs[1].ID)
	if !e.role.Disabled() || e.role.Selected != "" {
		t.Errorf("workshop mode shows the role %q", e.role.Selected)
	}
}
