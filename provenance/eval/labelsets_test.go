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

// committedLabels reads the committed labels of one of our own family sets
// (labels/<set>/<family>.json), by family name.
func committedLabels(t *testing.T, set string) map[string]Truth {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("labels", set, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no labels in labels/%s", set)
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

// checkLabelsWhole: every committed family of the set is a whole label set —
// pages with a role, ancestors that are pages of the family, an origin that
// is one of its pages (or none with a common source named), quotations
// shared with pages of the family — and its pages are exactly the family's
// rows of labels/roles.csv.
func checkLabelsWhole(t *testing.T, set string) {
	labels := committedLabels(t, set)
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
			for _, q := range f.QuotesSameSourceAs {
				if !files[q] || q == f.File {
					t.Errorf("%s/%s quotes the same source as %s, which is not another page of the family", name, f.File, q)
				}
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
				t.Errorf("labels/roles.csv names %s/%s, which labels/%s/%s.json does not list", name, k[1], set, name)
			}
		}
	}
}

// checkLabelsMatchFolder: when the set's families are beside the module
// root (dir), the committed labels are their truth.json, family for family.
func checkLabelsMatchFolder(t *testing.T, set, dir string) {
	labels := committedLabels(t, set)
	found, err := FindBesideModule(dir)
	if err != nil {
		t.Skipf("%s families not beside the module root (../%s): %v; rebuild them with labels/%s/README.md", set, dir, err, set)
	}
	fams, err := LoadFamilies(found, set)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range fams {
		seen[f.Name] = true
		want, ok := labels[f.Name]
		if !ok {
			t.Errorf("%s: family in %s has no labels/%s/%s.json", f.Name, found, set, f.Name)
			continue
		}
		if !reflect.DeepEqual(f.Truth, want) {
			t.Errorf("%s: %s/truth.json differs from labels/%s/%s.json", f.Name, f.Dir, set, f.Name)
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
		t.Errorf("labelled families missing from %s: %s", found, strings.Join(missing, ", "))
	}
}

// labelledSets are the sets whose labels are committed under labels/ (all
// but the shared one, whose labels live with its texts).
func labelledSets() (sets []struct{ name, dir string }) {
	for _, s := range familySets {
		if s.name != "shared" {
			sets = append(sets, s)
		}
	}
	return sets
}

// TestLabelSetsWhole: every labelled set's committed labels are whole.
func TestLabelSetsWhole(t *testing.T) {
	for _, s := range labelledSets() {
		t.Run(s.name, func(t *testing.T) { checkLabelsWhole(t, s.name) })
	}
}

// TestLabelSetsMatchFolder: each set's folder beside the module root
// (../realworld-own, ../realworld-fresh…), when present, is what its
// labels say.
func TestLabelSetsMatchFolder(t *testing.T) {
	for _, s := range labelledSets() {
		t.Run(s.name, func(t *testing.T) { checkLabelsMatchFolder(t, s.name, s.dir) })
	}
}

// TestLabelSetsAreDisjoint: no family or page of a set is in a set built
// before it (or in the shared one, when it is beside the module root), so
// the held-out set, the last, stays held out from the sets rules are
// tuned on, as each set did in its turn.
func TestLabelSetsAreDisjoint(t *testing.T) {
	sets := labelledSets()
	for i := 1; i < len(sets); i++ {
		var earlier []string
		for _, e := range sets[:i] {
			earlier = append(earlier, e.name)
		}
		checkDisjoint(t, sets[i].name, earlier...)
	}
}

// checkDisjoint: no family or page of the set is in the tuned sets' labels
// or the shared families.
func checkDisjoint(t *testing.T, set string, tunedSets ...string) {
	tuned := map[string]Truth{}
	for _, ts := range tunedSets {
		for name, tr := range committedLabels(t, ts) {
			tuned[name] = tr
		}
	}
	if dir, err := FindBesideModule("shared/realworld"); err == nil {
		fams, err := LoadFamilies(dir, "shared")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fams {
			tuned[f.Name] = f.Truth
		}
	} else {
		t.Logf("shared families not checked: %v", err)
	}
	urls := map[string]string{}
	for name, tr := range tuned {
		for _, f := range tr.Files {
			urls[f.URL] = name
		}
	}
	for name, tr := range committedLabels(t, set) {
		if _, ok := tuned[name]; ok {
			t.Errorf("family %s is in the %s set and in a tuning set", name, set)
		}
		for _, f := range tr.Files {
			if o, ok := urls[f.URL]; ok {
				t.Errorf("%s %s/%s is the page %s of family %s", set, name, f.File, f.URL, o)
			}
		}
	}
}
