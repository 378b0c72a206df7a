package report

import (
	"bytes"
	"os"
	"testing"

	"github.com/copytrail/copytrail/provenance/export/exporttest"
)

func TestRenderSampleToFile(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, exporttest.Sample(), Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("COPYTRAIL_REPORT_OUT"); p != "" {
		os.WriteFile(p, buf.Bytes(), 0o644)
	}
}
