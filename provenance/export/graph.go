package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/copytrail/copytrail/provenance/graphlayout"
	"github.com/copytrail/copytrail/provenance/palette"
)

// GraphML namespace.
const graphMLNS = "http://graphml.graphdrawing.org/xmlns"

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type graphML struct {
	XMLName xml.Name `xml:"graphml"`
	XMLNS   string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

// nodeAttrs and edgeAttrs are the attributes every graph format carries, in
// order: name, XML type, value.
func nodeAttrs(n graphlayout.Node) [][3]string {
	return [][3]string{
		{"label", "string", n.Label}, {"outlet", "string", n.Outlet}, {"date", "string", n.Date},
		{"title", "string", n.Label}, {"words", "int", strconv.Itoa(n.Words)}, {"articles", "int", strconv.Itoa(n.Articles)},
	}
}

func edgeAttrs(e graphlayout.Edge) [][3]string {
	return [][3]string{
		{"kind", "string", string(e.Kind)}, {"confidence", "double", f64(e.Confidence)},
		{"words", "int", strconv.Itoa(e.Words)}, {"passages", "int", strconv.Itoa(e.Passages)},
		{"articles", "int", strconv.Itoa(e.Articles)}, {"reasons", "string", strings.Join(e.Reasons, ReasonSeparator)},
	}
}

func graphID(g graphlayout.Graph) string {
	if g.Outlets {
		return "outlets"
	}
	return "documents"
}

// GraphML writes g as GraphML (yEd, Cytoscape, igraph, networkx). Node data
// keys: label, outlet, date, title, words, articles; edge data keys (ids
// prefixed "e_"): kind, confidence, words, passages, articles, reasons.
func GraphML(w io.Writer, g graphlayout.Graph) error {
	doc := graphML{XMLNS: graphMLNS, Graph: gmlGraph{ID: graphID(g), EdgeDefault: "directed"}}
	for _, a := range nodeAttrs(graphlayout.Node{}) {
		doc.Keys = append(doc.Keys, gmlKey{ID: a[0], For: "node", Name: a[0], Type: a[1]})
	}
	for _, a := range edgeAttrs(graphlayout.Edge{}) {
		doc.Keys = append(doc.Keys, gmlKey{ID: "e_" + a[0], For: "edge", Name: a[0], Type: a[1]})
	}
	for _, n := range g.Nodes {
		gn := gmlNode{ID: n.ID}
		for _, a := range nodeAttrs(n) {
			gn.Data = append(gn.Data, gmlData{Key: a[0], Value: a[2]})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for i, e := range g.Edges {
		ge := gmlEdge{ID: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target}
		for _, a := range edgeAttrs(e) {
			ge.Data = append(ge.Data, gmlData{Key: "e_" + a[0], Value: a[2]})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}

// GEXF 1.3, the format Gephi reads natively, and its visualisation
// namespace (node colour and size), bound to the prefix viz.
const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
)

// gexfColor is a node's viz:color, 0..255 per channel.
type gexfColor struct {
	R uint8 `xml:"r,attr"`
	G uint8 `xml:"g,attr"`
	B uint8 `xml:"b,attr"`
}

// gexfSize is a node's viz:size.
type gexfSize struct {
	Value string `xml:"value,attr"`
}

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfAttrs struct {
	Class string     `xml:"class,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
	// Written with the viz prefix declared on the root; read back through
	// the namespace (see the round-trip test).
	Color *gexfColor `xml:"viz:color"`
	Size  *gexfSize  `xml:"viz:size"`
}

type gexfEdge struct {
	ID     string      `xml:"id,attr"`
	Source string      `xml:"source,attr"`
	Target string      `xml:"target,attr"`
	Label  string      `xml:"label,attr,omitempty"`
	Weight string      `xml:"weight,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfDoc struct {
	XMLName  xml.Name `xml:"gexf"`
	XMLNS    string   `xml:"xmlns,attr"`
	XMLNSViz string   `xml:"xmlns:viz,attr,omitempty"`
	Version  string   `xml:"version,attr"`
	Meta     struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string      `xml:"defaultedgetype,attr"`
		Mode            string      `xml:"mode,attr"`
		Attrs           []gexfAttrs `xml:"attributes"`
		Nodes           []gexfNode  `xml:"nodes>node"`
		Edges           []gexfEdge  `xml:"edges>edge"`
	} `xml:"graph"`
}

func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// GEXF writes g as GEXF 1.3 for Gephi: node attributes outlet, date, title,
// words, articles; edge attributes kind, confidence, words, passages,
// articles, reasons; the edge weight is the confidence. Each node carries
// viz:color, its outlet's colour as in the app, the report and the DOT file
// (palette.Outlet of OutletColors), and viz:size, growing with its words
// (area proportional), so Gephi shows outlets coloured on import.
func GEXF(w io.Writer, g graphlayout.Graph) error {
	var doc gexfDoc
	doc.XMLNS, doc.XMLNSViz, doc.Version = gexfNS, gexfVizNS, "1.3"
	doc.Meta.Creator = "Copytrail"
	doc.Meta.Description = "Copytrail provenance graph of " + graphID(g) + ": an edge goes from the text's source to the one that reused it"
	doc.Graph.DefaultEdgeType, doc.Graph.Mode = "directed", "static"
	nodeA, edgeA := gexfAttrs{Class: "node"}, gexfAttrs{Class: "edge"}
	for _, a := range nodeAttrs(graphlayout.Node{})[1:] {
		nodeA.Attrs = append(nodeA.Attrs, gexfAttr{ID: a[0], Title: a[0], Type: gexfType(a[1])})
	}
	for _, a := range edgeAttrs(graphlayout.Edge{}) {
		edgeA.Attrs = append(edgeA.Attrs, gexfAttr{ID: a[0], Title: a[0], Type: gexfType(a[1])})
	}
	doc.Graph.Attrs = []gexfAttrs{nodeA, edgeA}
	colors := OutletColors(g)
	maxWords := 0
	for _, n := range g.Nodes {
		maxWords = max(maxWords, n.Words)
	}
	for _, n := range g.Nodes {
		c := palette.Outlet(colors[n.Outlet])
		gn := gexfNode{ID: n.ID, Label: n.Label, Color: &gexfColor{c.R, c.G, c.B}, Size: &gexfSize{f64(NodeSize(n.Words, maxWords))}}
		for _, a := range nodeAttrs(n)[1:] {
			gn.Values = append(gn.Values, gexfValue{For: a[0], Value: a[2]})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for i, e := range g.Edges {
		ge := gexfEdge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target, Label: string(e.Kind), Weight: f64(e.Confidence)}
		for _, a := range edgeAttrs(e) {
			ge.Values = append(ge.Values, gexfValue{For: a[0], Value: a[2]})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}

// NodeSize is the GEXF node size of a node of words words when the largest
// has maxWords: 8 for none, up to 40 for the largest, area proportional to
// the words.
func NodeSize(words, maxWords int) float64 {
	if words <= 0 || maxWords <= 0 {
		return 8
	}
	return math.Round(800+3200*math.Sqrt(float64(min(words, maxWords))/float64(maxWords))) / 100
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("xml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("xml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("xml: %w", err)
	}
	return nil
}

// DOTQuote quotes s as a Graphviz string: backslashes and quotes escaped,
// line breaks as \n, other control characters dropped.
func DOTQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// OutletColors gives each outlet of g a palette colour index, in name order
// — the order the app's graph uses — so one outlet has the same colour in
// the app, the report, the PNGs, DOT and GEXF. An unknown outlet ("" or
// "unknown outlet") comes after every named one.
func OutletColors(g graphlayout.Graph) map[string]int {
	var named []string
	unknown := map[string]bool{}
	seen := map[string]bool{}
	for _, n := range g.Nodes {
		if seen[n.Outlet] {
			continue
		}
		seen[n.Outlet] = true
		if n.Outlet == "" || n.Outlet == "unknown outlet" {
			unknown[n.Outlet] = true
			continue
		}
		named = append(named, n.Outlet)
	}
	sort.Strings(named)
	m := make(map[string]int, len(seen))
	for i, o := range named {
		m[o] = i
	}
	for _, o := range []string{"", "unknown outlet"} {
		if unknown[o] {
			m[o] = len(m)
		}
	}
	return m
}

// DOT writes g for Graphviz (`dot -Tsvg`): left to right, nodes filled by
// outlet, edges coloured by kind, labelled with kind and confidence, and
// ranked by date columns when dates exist (the same layout columns as the
// app's graph).
func DOT(w io.Writer, g graphlayout.Graph) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "digraph %s {\n", DOTQuote("copytrail "+graphID(g)))
	fmt.Fprintln(bw, `  graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=0.8];`)
	fmt.Fprintln(bw, `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];`)
	fmt.Fprintln(bw, `  edge [fontname="Helvetica", fontsize=9];`)
	colors := OutletColors(g)
	for _, n := range g.Nodes {
		lab := n.Label
		if sub := JoinKnown(" · ", n.Outlet, n.Date); sub != "" && !g.Outlets {
			lab += "\n" + sub
		}
		fill := palette.PassageTint(colors[n.Outlet])
		fmt.Fprintf(bw, "  %s [label=%s, fillcolor=%s, color=%s];\n", DOTQuote(n.ID), DOTQuote(lab),
			DOTQuote(palette.Hex(fill)), DOTQuote(palette.Hex(palette.Passage(colors[n.Outlet]))))
	}
	for _, e := range g.Edges {
		lab := fmt.Sprintf("%.0f%%", e.Confidence*100)
		if e.Kind != "" {
			lab = string(e.Kind) + " " + lab
		}
		style := "solid"
		if e.Kind != "" && e.Kind != "copy" {
			style = "dashed"
		}
		fmt.Fprintf(bw, "  %s -> %s [label=%s, color=%s, style=%s, penwidth=%.1f];\n", DOTQuote(e.Source), DOTQuote(e.Target),
			DOTQuote(lab), DOTQuote(palette.Hex(EdgeColor(e))), style, 1+3*e.Confidence)
	}
	if cols, byDate := graphlayout.Columns(g); byDate {
		for _, c := range cols {
			ids := append([]string(nil), c.Nodes...)
			sort.Strings(ids)
			for i := range ids {
				ids[i] = DOTQuote(ids[i])
			}
			fmt.Fprintf(bw, "  { rank=same; %s }\n", strings.Join(ids, "; "))
		}
	}
	fmt.Fprintln(bw, "}")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// EdgeColor is the colour an edge is drawn in: by link kind, and blue for
// the outlet graph's aggregated edges.
func EdgeColor(e graphlayout.Edge) color.RGBA {
	if e.Kind == "" {
		return palette.Blue
	}
	return palette.Link(e.Kind)
}
