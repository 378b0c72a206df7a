package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// TestMigratesV1DamageStaysVisible: migrating a version 1 file re-seals the
// checksums of its rows over the new columns, but a row that was already
// damaged keeps failing its check, so Open refuses it and Recover reports it.
func TestMigratesV1DamageStaysVisible(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "v1.copytrail"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "tampered.copytrail", data)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE documents SET text = 'changed outside Copytrail' WHERE id = 'b2'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open of a v1 file with a tampered row: %v, want ErrDamaged", err)
	}
	got, rep, err := Recover(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Lossless() {
		t.Errorf("the report claims nothing was lost:\n%s", rep)
	}
	for _, d := range got.Documents {
		if d.Text == "changed outside Copytrail" {
			t.Error("the tampered row was recovered as if it were sound")
		}
	}
}

// TestRoleAndToDecideRoundTrip: the role field (with its origin), a
// link's "to decide" lines and the common source it names survive a save
// in the current format.
func TestRoleAndToDecideRoundTrip(t *testing.T) {
	ws := goldenV1()
	ws.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleWire), Origin: provenance.OriginUser, Detail: "edited in the library"}
	ws.Result.Documents[0].Meta.Role = ws.Documents[0].Meta.Role
	ws.Result.Links[0].ToDecide = []string{"no publication dates: add them in the library"}
	ws.Result.Links[0].CommonSource = "Harbour Relief Alliance’s press release"
	path := filepath.Join(t.TempDir(), "v3.copytrail")
	if err := Save(path, ws); err != nil {
		t.Fatal(err)
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, got, ws)
	if r := got.Documents[0].Meta.Role; r.Value != "wire" || r.Origin != provenance.OriginUser {
		t.Errorf("role %+v", r)
	}
	if cs := got.Result.Links[0].CommonSource; cs != "Harbour Relief Alliance’s press release" {
		t.Errorf("common source %q", cs)
	}
}
