package main

import (
	"fmt"
	"os"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/copytrail/copytrail/cmd/copytrail-beam/pipeline"
)

// writeMetrics writes the run's measurements to path.
func writeMetrics(path string, res beam.PipelineResult, wall time.Duration) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "wall time %.1f s\n\n", wall.Seconds())
	if err := pipeline.WriteMetrics(f, res.Metrics().AllMetrics()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
