package export

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/graphlayout"
	"github.com/copytrail/copytrail/provenance/palette"
)

func TestGraphMLRoundTrips(t *testing.T) {
	for name, r := range results() {
		for _, g := range []graphlayout.Graph{graphlayout.DocumentGraph(r), graphlayout.OutletGraph(r)} {
			t.Run(name+"/"+graphID(g), func(t *testing.T) {
				var buf bytes.Buffer
				if err := GraphML(&buf, g); err != nil {
					t.Fatal(err)
				}
				var back graphML
				if err := xml.Unmarshal(buf.Bytes(), &back); err != nil {
					t.Fatalf("graphml does not parse: %v", err)
				}
				if back.XMLName.Space != graphMLNS || len(back.Graph.Nodes) != len(g.Nodes) || len(back.Graph.Edges) != len(g.Edges) {
					t.Fatalf("parsed %d nodes %d edges (ns %q), want %d and %d", len(back.Graph.Nodes), len(back.Graph.Edges), back.XMLName.Space, len(g.Nodes), len(g.Edges))
				}
				for i, n := range g.Nodes {
					bn := back.Graph.Nodes[i]
					data := map[string]string{}
					for _, d := range bn.Data {
						data[d.Key] = d.Value
					}
					if bn.ID != n.ID || data["label"] != n.Label || data["outlet"] != n.Outlet || data["date"] != n.Date || data["words"] != strconv.Itoa(n.Words) {
						t.Errorf("node %d = %+v, want %+v", i, bn, n)
					}
				}
				for i, e := range g.Edges {
					be := back.Graph.Edges[i]
					data := map[string]string{}
					for _, d := range be.Data {
						data[d.Key] = d.Value
					}
					if be.Source != e.Source || be.Target != e.Target || data["e_kind"] != string(e.Kind) ||
						data["e_confidence"] != f64(e.Confidence) || data["e_words"] != strconv.Itoa(e.Words) ||
						data["e_reasons"] != strings.Join(e.Reasons, ReasonSeparator) {
						t.Errorf("edge %d = %+v, want %+v", i, be, e)
					}
				}
			})
		}
	}
}

func TestGEXFRoundTrips(t *testing.T) {
	for name, r := range results() {
		g := graphlayout.DocumentGraph(r)
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := GEXF(&buf, g); err != nil {
				t.Fatal(err)
			}
			var back gexfDoc
			if err := xml.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatalf("gexf does not parse: %v", err)
			}
			if back.XMLName.Space != gexfNS || back.Version != "1.3" || back.Graph.DefaultEdgeType != "directed" {
				t.Errorf("header %+v", back.XMLName)
			}
			if len(back.Graph.Attrs) != 2 || len(back.Graph.Nodes) != len(g.Nodes) || len(back.Graph.Edges) != len(g.Edges) {
				t.Fatalf("parsed %+v", back.Graph)
			}
			for i, n := range g.Nodes {
				bn := back.Graph.Nodes[i]
				vals := map[string]string{}
				for _, v := range bn.Values {
					vals[v.For] = v.Value
				}
				if bn.ID != n.ID || bn.Label != n.Label || vals["outlet"] != n.Outlet || vals["date"] != n.Date || vals["title"] != n.Label {
					t.Errorf("node %d = %+v, want %+v", i, bn, n)
				}
			}
			checkGEXFViz(t, buf.Bytes(), g)
			for i, e := range g.Edges {
				be := back.Graph.Edges[i]
				vals := map[string]string{}
				for _, v := range be.Values {
					vals[v.For] = v.Value
				}
				if be.Source != e.Source || be.Target != e.Target || be.Weight != f64(e.Confidence) ||
					vals["kind"] != string(e.Kind) || vals["words"] != strconv.Itoa(e.Words) || vals["passages"] != strconv.Itoa(e.Passages) {
					t.Errorf("edge %d = %+v, want %+v", i, be, e)
				}
			}
		})
	}
}

// dotStrings extracts every quoted string of a DOT file, unescaped, and
// fails on an unterminated one: a hostile label must not end a string early.
func dotStrings(t *testing.T, dot string) []string {
	var out []string
	for i := 0; i < len(dot); i++ {
		if dot[i] != '"' {
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(dot) && dot[j] != '"'; j++ {
			if dot[j] == '\n' {
				t.Fatalf("raw newline inside a DOT string at byte %d", j)
			}
			if dot[j] == '\\' && j+1 < len(dot) {
				j++
				if dot[j] == 'n' {
					b.WriteByte('\n')
					continue
				}
			}
			b.WriteByte(dot[j])
		}
		if j == len(dot) {
			t.Fatal("unterminated DOT string")
		}
		out = append(out, b.String())
		i = j
	}
	return out
}

func TestDOTQuotesEverything(t *testing.T) {
	r := results()["hostile"]
	g := graphlayout.DocumentGraph(r)
	var buf bytes.Buffer
	if err := DOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	strs := dotStrings(t, buf.String())
	have := map[string]bool{}
	for _, s := range strs {
		have[s] = true
	}
	for _, n := range g.Nodes {
		if !have[n.ID] {
			t.Errorf("node id %q not found as a DOT string", n.ID)
		}
		found := false
		for _, s := range strs {
			if strings.HasPrefix(s, n.Label) {
				found = true
			}
		}
		if !found {
			t.Errorf("label %q lost", n.Label)
		}
	}
	if edges := strings.Count(buf.String(), " -> "); edges != len(g.Edges) {
		t.Errorf("%d edges written, want %d", edges, len(g.Edges))
	}
	if !strings.Contains(buf.String(), "rank=same") {
		t.Error("dated documents should be ranked by date column")
	}
}

// gexfVizDoc reads a GEXF file's node colours and sizes through the viz
// namespace, so a prefix left undeclared or bound to another URI fails.
type gexfVizDoc struct {
	Nodes []struct {
		ID    string `xml:"id,attr"`
		Color *struct {
			R int `xml:"r,attr"`
			G int `xml:"g,attr"`
			B int `xml:"b,attr"`
		} `xml:"http://gexf.net/1.3/viz color"`
		Size *struct {
			Value float64 `xml:"value,attr"`
		} `xml:"http://gexf.net/1.3/viz size"`
	} `xml:"graph>nodes>node"`
}

func checkGEXFViz(t *testing.T, b []byte, g graphlayout.Graph) {
	t.Helper()
	if !bytes.Contains(b, []byte(`xmlns:viz="http://gexf.net/1.3/viz"`)) {
		t.Error("viz namespace not declared")
	}
	var viz gexfVizDoc
	if err := xml.Unmarshal(b, &viz); err != nil {
		t.Fatal(err)
	}
	if len(viz.Nodes) != len(g.Nodes) {
		t.Fatalf("%d nodes read back, want %d", len(viz.Nodes), len(g.Nodes))
	}
	byOutlet := map[string][3]int{}
	biggest, maxWords := 0.0, 0
	for i, n := range g.Nodes {
		vn := viz.Nodes[i]
		if vn.Color == nil || vn.Size == nil {
			t.Fatalf("node %s has no viz:color or viz:size in the viz namespace", n.ID)
		}
		got := [3]int{vn.Color.R, vn.Color.G, vn.Color.B}
		want := palette.Outlet(OutletColors(g)[n.Outlet]) // the report's and DOT's node stroke
		if got != [3]int{int(want.R), int(want.G), int(want.B)} {
			t.Errorf("node %s colour %v, want its outlet's %s", n.ID, got, palette.Hex(want))
		}
		if c, ok := byOutlet[n.Outlet]; ok && c != got {
			t.Errorf("outlet %q has two colours", n.Outlet)
		}
		byOutlet[n.Outlet] = got
		if vn.Size.Value < 8 || vn.Size.Value > 40 {
			t.Errorf("node %s size %v outside 8..40", n.ID, vn.Size.Value)
		}
		if n.Words > maxWords {
			maxWords, biggest = n.Words, vn.Size.Value
		}
	}
	if maxWords > 0 && biggest != 40 {
		t.Errorf("the largest node has size %v, want 40", biggest)
	}
	if len(byOutlet) > 1 && len(byOutlet) <= palette.PassageCount {
		seen := map[[3]int]bool{}
		for _, c := range byOutlet {
			seen[c] = true
		}
		if len(seen) != len(byOutlet) {
			t.Errorf("%d outlets share %d colours", len(byOutlet), len(seen))
		}
	}
}

func TestNodeSizeGrowsWithWords(t *testing.T) {
	if NodeSize(0, 100) != 8 || NodeSize(100, 100) != 40 || NodeSize(25, 100) != 24 || NodeSize(5, 0) != 8 {
		t.Errorf("NodeSize: 0→%v 100→%v 25→%v", NodeSize(0, 100), NodeSize(100, 100), NodeSize(25, 100))
	}
}

// TestOutletColorsFollowNameOrder: outlets are numbered by name, as the
// app's graph numbers them, so one outlet keeps its colour everywhere; an
// unknown outlet comes last.
func TestOutletColorsFollowNameOrder(t *testing.T) {
	g := graphlayout.Graph{Nodes: []graphlayout.Node{
		{ID: "a", Outlet: "Zeta Post"}, {ID: "b", Outlet: ""}, {ID: "c", Outlet: "Alpha Wire"},
		{ID: "d", Outlet: "Meridian Press"}, {ID: "e", Outlet: "Alpha Wire"},
	}}
	got := OutletColors(g)
	want := map[string]int{"Alpha Wire": 0, "Meridian Press": 1, "Zeta Post": 2, "": 3}
	if len(got) != len(want) {
		t.Fatalf("OutletColors = %v, want %v", got, want)
	}
	for o, i := range want {
		if got[o] != i {
			t.Errorf("outlet %q has colour %d, want %d (all: %v)", o, got[o], i, got)
		}
	}
}
