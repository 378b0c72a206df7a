package pipeline

// The filesystems inputs and outputs may name: local paths, Google Cloud
// Storage (gs://) and Amazon S3 (s3://, credentials from the usual AWS
// environment).
import (
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
)
