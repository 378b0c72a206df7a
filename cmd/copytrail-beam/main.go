// Command copytrail-beam runs Copytrail's analysis as an Apache Beam
// pipeline, for collections too large for one machine: the same stage
// functions the desktop app runs (provenance/stage), on prism in-process,
// or on Dataflow, Flink or Spark. It writes the JSON Lines export of
// `copytrail export --formats jsonl`, which the app opens as a workspace
// (`copytrail OUTPUT_FOLDER`). See docs/SCALE.md for the cluster recipes.
//
//	copytrail-beam --output OUT [--preset balanced] [--runner prism] INPUT...
//
// INPUT is a file, a folder (read recursively), a glob, or a bucket URL
// (gs://bucket/archive/ for every object under it, s3://bucket/x/*.html).
// The runner and its endpoints are Beam's own flags: --runner prism (the
// default: in-process), --runner dataflow --project P --region R
// --staging_location gs://… --temp_location gs://…, --runner flink or
// --runner spark --endpoint HOST:8099 --environment_type DOCKER|PROCESS|LOOPBACK.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/copytrail/copytrail/cmd/copytrail-beam/pipeline"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/scan"
)

var (
	output   = flag.String("output", "", "the folder to write the export into: a local path, gs://bucket/dir or s3://bucket/dir (required)")
	inputs   = flag.String("input", "", "comma-separated inputs (besides the arguments): files, folders, globs or bucket URLs")
	preset   = flag.String("preset", "balanced", "analysis preset: "+strings.Join(scan.Presets, ", "))
	settings = flag.String("settings", "", "a JSON file of analysis settings (the \"settings\" object of copytrail scan --json); overrides --preset")
	metrics  = flag.String("metrics", "", "write the run's measurements (per step: elements, bytes, processing time, memory) to this file")
	cpuprof  = flag.String("cpuprofile", "", "write a CPU profile of the launching process (with prism: the whole run) to this file")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: copytrail-beam --output OUT [--preset P | --settings FILE] [--runner prism|dataflow|flink|spark ...] INPUT...")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init() // on a cluster's workers this runs the SDK harness and never returns
	c, err := config()
	if err != nil {
		fmt.Fprintln(os.Stderr, "copytrail-beam:", err)
		os.Exit(2)
	}
	if !strings.Contains(c.Output, "://") {
		if err := os.MkdirAll(c.Output, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "copytrail-beam:", err)
			os.Exit(1)
		}
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, c); err != nil {
		fmt.Fprintln(os.Stderr, "copytrail-beam:", err)
		os.Exit(2)
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "copytrail-beam: --cpuprofile:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	limitMemory()
	start := time.Now()
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "copytrail-beam: the pipeline failed:", err)
		os.Exit(1)
	}
	if *metrics != "" && res != nil {
		if err := writeMetrics(*metrics, res, time.Since(start)); err != nil {
			fmt.Fprintln(os.Stderr, "copytrail-beam: --metrics:", err)
		}
	}
	fmt.Fprintln(os.Stderr, "copytrail-beam: wrote the export into", c.Output, "(open it with: copytrail", c.Output+")")
}

// config reads the flags into a pipeline configuration.
func config() (pipeline.Config, error) {
	c := pipeline.Config{Output: *output, Inputs: flag.Args()}
	for _, in := range strings.Split(*inputs, ",") {
		if in = strings.TrimSpace(in); in != "" {
			c.Inputs = append(c.Inputs, in)
		}
	}
	if c.Output == "" {
		return c, fmt.Errorf("--output is required")
	}
	if len(c.Inputs) == 0 {
		return c, fmt.Errorf("no inputs: give files, folders, globs or bucket URLs")
	}
	var err error
	c.Settings, err = scan.Preset(*preset)
	if err != nil {
		return c, err
	}
	if *settings != "" {
		data, err := os.ReadFile(*settings)
		if err != nil {
			return c, fmt.Errorf("--settings: %w", err)
		}
		var s provenance.Settings
		if err := json.Unmarshal(data, &s); err != nil {
			return c, fmt.Errorf("--settings %s: %w", *settings, err)
		}
		s.Preset = "custom"
		c.Settings = s
	}
	return c, nil
}

// limitMemory gives the Go garbage collector a memory limit when the
// pipeline runs in this process (prism, which holds each stage's data in
// memory): 60% of the machine's memory unless GOMEMLIMIT says otherwise,
// so the collector works harder before the kernel runs out.
func limitMemory() {
	if r := *runners.Runner; (r != "" && r != "prism") || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return
	}
	var kb int64
	if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kb); err == nil && kb > 0 {
		debug.SetMemoryLimit(kb * 1024 * 6 / 10)
	}
}
