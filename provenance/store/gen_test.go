package store

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/index"
)

// words is a made-up vocabulary with non-ASCII text: accents, CJK, Arabic,
// emoji and a combining mark.
var words = strings.Fields(`the council said on Tuesday that water prices would rise
	Zürich São Paulo Ağrı Łódź 北京 東京 مرحبا «quoted» “curly” naïve café 🙂 e\u0301
	ministry report according sources spokesperson percent million budget
	farmers drought region officials statement announced plans local residents`)

// genText returns n words of made-up text, split into paragraphs.
func genText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			if i%60 == 0 {
				b.WriteString(".\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[rng.IntN(len(words))])
	}
	b.WriteString(".")
	return b.String()
}

// fill sets every field reachable from v to a non-zero value derived from
// rng, recursively, so a round trip catches any field the store forgets —
// including fields added to the model later.
func fill(v reflect.Value, rng *rand.Rand) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("%s «%d» 北京 ✓", words[rng.IntN(len(words))], rng.IntN(1000)))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(rng.IntN(100000) + 1))
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint8:
		v.SetUint(uint64(rng.IntN(200) + 1))
	case reflect.Float64, reflect.Float32:
		v.SetFloat(rng.Float64() + 1e-9)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 11, 23, 4, 5, 6, rng.IntN(1e9), time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), rng)
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), rng)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, rng)
			fill(e, rng)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), rng)
		v.Set(p)
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

// zeroFields lists the paths of zero-valued fields under v.
func zeroFields(v reflect.Value, path string) []string {
	if v.IsZero() {
		return []string{path}
	}
	var out []string
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			return nil
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = append(out, zeroFields(v.Field(i), path+"."+v.Type().Field(i).Name)...)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			out = append(out, zeroFields(v.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
	case reflect.Pointer:
		out = append(out, zeroFields(v.Elem(), path)...)
	}
	return out
}

// fullWorkspace returns a workspace with every field filled. The result's
// documents share one identical document and one changed one with the
// library, to exercise both ways documents are stored.
func fullWorkspace(t testing.TB, seed uint64) *Workspace {
	rng := rand.New(rand.NewPCG(seed, 7))
	ws := &Workspace{}
	fill(reflect.ValueOf(ws).Elem(), rng)
	ws.Documents = append(ws.Documents, ws.Documents[0])
	ws.Documents[2].ID = "doc-third"
	ws.Index = sampleIndex(rng)
	for i := range ws.Documents {
		ws.Documents[i].Text = genText(rng, 80)
	}
	changed := ws.Documents[1]
	changed.Meta.Title.Value = "an older title, before the user's edit"
	ws.Result.Documents = []provenance.Document{ws.Documents[0], changed, ws.Result.Documents[0]}
	// the index is a real one (sampleIndex): empty buckets and a removed
	// document are part of it
	z := slices.DeleteFunc(zeroFields(reflect.ValueOf(ws).Elem(), "Workspace"), func(p string) bool {
		return strings.HasPrefix(p, "Workspace.Index.")
	})
	if len(z) > 0 {
		t.Fatalf("generator left fields zero: %v", z)
	}
	return ws
}

// corpusWorkspace returns a workspace of n generated articles of about
// wordsPer words each, with a result linking consecutive articles.
func corpusWorkspace(n, wordsPer int, seed uint64) *Workspace {
	rng := rand.New(rand.NewPCG(seed, 11))
	ws := &Workspace{Settings: provenance.Settings{Preset: "balanced", NGram: 5, MinPassageWords: 12}}
	res := &provenance.Result{Version: provenance.ContractVersion, Settings: ws.Settings}
	for i := 0; i < n; i++ {
		text := genText(rng, wordsPer)
		d := provenance.Document{
			ID: fmt.Sprintf("d%05d", i), Path: fmt.Sprintf("/articles/%05d.txt", i), Format: "txt", Text: text,
			Meta: provenance.Metadata{
				Title:     provenance.Field{Value: fmt.Sprintf("Article %d", i), Origin: provenance.OriginFrontMatter},
				Outlet:    provenance.Field{Value: fmt.Sprintf("Outlet %d", i%17), Origin: provenance.OriginSidecar},
				Published: provenance.Field{Value: fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1), Origin: provenance.OriginInferred},
			},
			Boilerplate: []provenance.Span{{Start: 0, End: 10}},
			Words:       wordsPer,
		}
		ws.Documents = append(ws.Documents, d)
		if i == 0 {
			continue
		}
		res.Passages = append(res.Passages, provenance.Passage{A: ws.Documents[i-1].ID, B: d.ID, AStart: 10, AEnd: 400,
			BStart: 20, BEnd: 410, Words: 60, Similarity: 0.9,
			Diff: []provenance.DiffOp{{Op: "=", Text: text[20:min(200, len(text))]}, {Op: "-", Text: "old"}, {Op: "+", Text: "new"}}})
		res.Links = append(res.Links, provenance.Link{Source: ws.Documents[i-1].ID, Target: d.ID, Kind: provenance.LinkCopy,
			Confidence: 0.8, Reasons: []string{"earlier date", "verbatim quote"}, Passages: []int{i - 1}})
		res.Pairs = append(res.Pairs, provenance.Pair{A: ws.Documents[i-1].ID, B: d.ID, ACoverage: 0.1, BCoverage: 0.1,
			SharedWords: 60, LongestPassage: 60, Passages: []int{i - 1}})
	}
	res.Documents = ws.Documents
	ws.Result = res
	ws.View = map[string]string{"screen": "graph"}
	return ws
}

// sampleIndex is a small valid index with random postings.
func sampleIndex(rng *rand.Rand) *index.Index {
	ix := index.New(provenance.Settings{NGram: 5, MaxDocBytes: 1 << 20}, 10)
	ix.IDs = []string{"doc-a", "", "doc-c"}
	ix.Facts = []align.DocFacts{{Order: 2, Words: 80}, {}, {Order: 0, Words: 12}}
	var ps []align.Posting
	for i := 0; i < 50; i++ {
		ps = append(ps, align.Posting{Key: rng.Uint64(), Doc: uint32(2 * rng.IntN(2)), Pos: int32(rng.IntN(80))})
	}
	if err := ix.Add(ps); err != nil {
		panic(err)
	}
	ix.Family = []uint64{ps[3].Key, ps[7].Key}
	slices.Sort(ix.Family)
	return ix
}
