package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// ownLabels reads the committed labels of our own held-out families
// (labels/own/<family>.json), by family name.
func ownLabels(t *testing.T) map[string]Truth {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("labels", "own", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no labels in labels/own")
	}
	out := map[string]Truth{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var tr Truth
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		if tr.Family != name {
			t.Errorf("%s: family %q, want the file's name %q", p, tr.Family, name)
		}
		out[name] = tr
	}
	return out
}

// TestOwnLabelsWhole: every committed own family is a whole label set —
// pages with a role, ancestors that are pages of the family, an origin
// that is one of its pages (or none with a common source named) — and its
// pages are exactly the family's rows of labels/roles.csv.
func TestOwnLabelsWhole(t *testing.T) {
	labels := ownLabels(t)
	roles, err := KnownRoles()
	if err != nil {
		t.Fatal(err)
	}
	for name, tr := range labels {
		files := map[string]bool{}
		for _, f := range tr.Files {
			if files[f.File] {
				t.Errorf("%s: %s listed twice", name, f.File)
			}
			files[f.File] = true
			switch f.Role {
			case PageOrigin, PageCopy, PageIndependent:
			default:
				t.Errorf("%s/%s: page role %q", name, f.File, f.Role)
			}
			if f.URL == "" || f.Outlet == "" {
				t.Errorf("%s/%s: no url or outlet", name, f.File)
			}
			if _, ok := roles[[2]string{name, f.File}]; !ok {
				t.Errorf("%s/%s: no outlet role in labels/roles.csv", name, f.File)
			}
		}
		for _, f := range tr.Files {
			if f.CopiesFrom != nil && !files[*f.CopiesFrom] {
				t.Errorf("%s/%s copies from %s, which the family does not list", name, f.File, *f.CopiesFrom)
			}
			if f.Role == PageIndependent && f.CopiesFrom != nil {
				t.Errorf("%s/%s: an independent page copies from %s", name, f.File, *f.CopiesFrom)
			}
		}
		switch {
		case tr.OriginFile != nil && !files[*tr.OriginFile]:
			t.Errorf("%s: origin %s is not one of its pages", name, *tr.OriginFile)
		case tr.OriginFile == nil && tr.CommonSource == "":
			t.Errorf("%s: neither an origin nor a common source", name)
		}
		for k := range roles {
			if k[0] == name && !files[k[1]] {
				t.Errorf("labels/roles.csv names %s/%s, which labels/own/%s.json does not list", name, k[1], name)
			}
		}
	}
}

// TestOwnLabelsMatchFolder: when our own families are beside the module
// root, the committed labels are their truth.json, family for family.
func TestOwnLabelsMatchFolder(t *testing.T) {
	labels := ownLabels(t)
	dir, err := FindBesideModule("realworld-own")
	if err != nil {
		t.Skipf("own families not beside the module root (../realworld-own): %v; rebuild them with labels/own/README.md", err)
	}
	fams, err := LoadFamilies(dir, "own")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range fams {
		seen[f.Name] = true
		want, ok := labels[f.Name]
		if !ok {
			t.Errorf("%s: family in %s has no labels/own/%s.json", f.Name, dir, f.Name)
			continue
		}
		if !reflect.DeepEqual(f.Truth, want) {
			t.Errorf("%s: %s/truth.json differs from labels/own/%s.json", f.Name, f.Dir, f.Name)
		}
	}
	var missing []string
	for name := range labels {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("labelled families missing from %s: %s", dir, strings.Join(missing, ", "))
	}
}
