// Package lineage decides who copied whom: directed links with a calibrated
// confidence and their reasons, reuse families, mutations and the outlet graph.
package lineage

import (
	"context"

	"github.com/copytrail/copytrail/provenance"
)

// Analyze fills r.Links, r.Families, r.Mutations and r.OutletEdges from
// r.Documents, r.Passages and r.Pairs, using r.Settings.Lineage.
func Analyze(ctx context.Context, r *provenance.Result) error {
	return ctx.Err()
}
