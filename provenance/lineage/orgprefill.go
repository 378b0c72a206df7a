package lineage

import (
	"context"

	"github.com/copytrail/copytrail/provenance"
)

// prefillOrgAttributions reads, on a worker per core, the organisation
// attributions of every document nameAttributedOrgs will ask for (both
// sides of each undecided link whose texts may carry an organisation's
// document) into attrs, which its loop then reads instead of searching one
// document at a time. It decides nothing: a document it leaves out is read
// when asked for, as before.
func prefillOrgAttributions(attrs map[*docInfo][]orgAttribution, decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string) {
	var need []*docInfo
	seen := map[*docInfo]bool{}
	for _, k := range keys {
		l, ok := decided[k]
		if !ok || l.Kind == provenance.LinkCopy || named(l) {
			continue
		}
		pv := views[k]
		if !orgSourceable(pv.a) || !orgSourceable(pv.b) {
			continue
		}
		for _, d := range []*docInfo{pv.a, pv.b} {
			if !seen[d] {
				seen[d] = true
				need = append(need, d)
			}
		}
	}
	found := make([][]orgAttribution, len(need))
	if parallel(context.Background(), len(need), func(i int) { found[i] = findOrgAttributions(need[i]) }) != nil {
		return // cannot happen without a cancelled context
	}
	for i, d := range need {
		attrs[d] = found[i]
	}
}
