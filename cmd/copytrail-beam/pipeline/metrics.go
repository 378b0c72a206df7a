package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
)

// Each heavy step measures itself with Beam metrics, so that any runner
// reports them: processing time (summed over workers) and the worker's
// resident memory sampled while the step runs.

// meter measures one step.
type meter struct {
	name string
	ns   beam.Counter
	rss  beam.Distribution
	n    atomic.Int64
}

func newMeter(name string) *meter {
	return &meter{name: name, ns: beam.NewCounter("copytrail", name+".ns"), rss: beam.NewDistribution("copytrail", name+".rss")}
}

// start begins measuring one element; the returned func ends it.
func (m *meter) start(ctx context.Context) func() {
	t := time.Now()
	return func() {
		m.ns.Inc(ctx, int64(time.Since(t)))
		if m.n.Add(1)%64 == 1 {
			if rss := residentBytes(); rss > 0 {
				m.rss.Update(ctx, rss)
			}
		}
	}
}

// residentBytes is the process's resident memory (Linux), or 0.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// Meters, one per measured step.
var (
	meterRead      = newMeter("read")
	meterShingle   = newMeter("shingle")
	meterCandidate = newMeter("candidates")
	meterRun       = newMeter("pair-runs")
	meterCommon    = newMeter("common")
	meterAttach    = newMeter("attach")
	meterAlign     = newMeter("align")
	meterLineage   = newMeter("lineage")
	meterWrite     = newMeter("write")
)

// WriteMetrics writes a run's measurements: per measured step, its
// processing time and the peak resident memory seen while it ran; per
// PCollection (what one step hands the next: between grouping steps, what
// the runner shuffles), its elements and estimated bytes.
func WriteMetrics(w io.Writer, mr metrics.QueryResults) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "step\tprocessing s\tpeak RSS MB\t")
	steps := map[string][2]int64{}
	for _, c := range mr.Counters() {
		if k := c.Key; k.Namespace == "copytrail" && strings.HasSuffix(k.Name, ".ns") {
			v := steps[strings.TrimSuffix(k.Name, ".ns")]
			v[0] += c.Result()
			steps[strings.TrimSuffix(k.Name, ".ns")] = v
		}
	}
	for _, d := range mr.Distributions() {
		if k := d.Key; k.Namespace == "copytrail" && strings.HasSuffix(k.Name, ".rss") {
			v := steps[strings.TrimSuffix(k.Name, ".rss")]
			v[1] = max(v[1], d.Result().Max)
			steps[strings.TrimSuffix(k.Name, ".rss")] = v
		}
	}
	for _, m := range []*meter{meterRead, meterShingle, meterCandidate, meterRun, meterCommon, meterAttach, meterAlign, meterLineage, meterWrite} {
		v := steps[m.name]
		fmt.Fprintf(tw, "%s\t%.2f\t%.0f\t\n", m.name, float64(v[0])/1e9, float64(v[1])/(1<<20))
	}
	fmt.Fprintln(tw, "\t\t\t")
	fmt.Fprintln(tw, "PCollection (step output)\telements\tbytes (est.)\t")
	type pc struct {
		name  string
		n     int64
		bytes float64
	}
	var pcs []pc
	for _, p := range mr.PCols() {
		v := p.Result()
		est := 0.0
		if s := v.SampledByteSize; s.Count > 0 {
			est = float64(s.Sum) / float64(s.Count) * float64(v.ElementCount)
		}
		pcs = append(pcs, pc{p.Key.Step, v.ElementCount, est})
	}
	sort.Slice(pcs, func(i, j int) bool { return pcs[i].bytes > pcs[j].bytes })
	for _, p := range pcs {
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t\n", p.name, p.n, p.bytes)
	}
	return tw.Flush()
}
