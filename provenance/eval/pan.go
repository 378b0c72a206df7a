package eval

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

// PANRow is the evaluation of one case type under one preset.
type PANRow struct {
	Preset, Type string
	gen.Scores
	// FalsePassages counts non-incidental passages on pairs that share
	// nothing by construction (for the negative type: the same-topic pairs).
	FalsePassages int
}

// PAN scans c with settings s and scores each case type. The last row
// (Type "unrelated pairs") counts non-incidental passages between documents
// of different cases, which share nothing.
func PAN(ctx context.Context, c *gen.Collection, s provenance.Settings) ([]PANRow, error) {
	r, err := scan.Run(ctx, c.Docs, s, nil)
	if err != nil {
		return nil, fmt.Errorf("eval scan: %w", err)
	}
	byType := map[string][]gen.Detection{}
	unrelated := 0
	for _, p := range r.Passages {
		if p.Incidental {
			continue
		}
		typ, ok := c.TypeOf[gen.PairKey(p.A, p.B)]
		if !ok {
			unrelated++
			continue
		}
		byType[typ] = append(byType[typ], gen.Detection{A: p.A, B: p.B, AS: p.ASpan(), BS: p.BSpan()})
	}
	cases := map[string][]gen.Case{}
	for _, cs := range c.Cases {
		cases[cs.Type] = append(cases[cs.Type], cs)
	}
	var rows []PANRow
	for _, typ := range gen.EditTypes {
		row := PANRow{Preset: s.Preset, Type: typ, Scores: gen.Score(cases[typ], byType[typ])}
		if typ == gen.Negative {
			row.FalsePassages = len(byType[typ])
		}
		rows = append(rows, row)
	}
	rows = append(rows, PANRow{Preset: s.Preset, Type: "unrelated pairs", FalsePassages: unrelated})
	return rows, nil
}

// WritePANTable prints rows as an aligned table.
func WritePANTable(w io.Writer, rows []PANRow) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "preset\tedit type\tcases\tdetections\tprecision\trecall\tgranularity\tplagdet\tfalse passages\t")
	for _, r := range rows {
		if r.Type == gen.Negative || r.Type == "unrelated pairs" {
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t\t\t\t%d\t\n", r.Preset, r.Type, r.FalsePassages)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\t\n", r.Preset, r.Type, r.Cases, r.Detections,
			r.Precision, r.Recall, r.Granularity, r.Plagdet)
	}
	return tw.Flush()
}
