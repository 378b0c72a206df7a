// Package pipeline is Copytrail's analysis as an Apache Beam pipeline: the
// stages of provenance/stage (the functions the desktop app's in-process
// runner calls) as Beam transforms, so a collection of millions of articles
// runs on Dataflow, Flink or Spark, and in-process on prism for tests. The
// output is the JSON Lines export of provenance/export, which the app opens.
//
// Steps (each a Beam transform; "one worker" marks the few that gather
// small per-item values of the whole collection):
//
//	read     match the inputs, read each file (ingest.ReadFile), drop
//	         duplicates (grouped by content hash), number the documents in
//	         collection order (one worker: order key and ID of each)
//	index    stage 1 per document; the documents' facts (one worker, 8 bytes
//	         a document); stage 2 per n-gram key; seeds grouped by pair;
//	         family positions grouped by document into common positions
//	align    runs meet their first document, travel with it to the second;
//	         stage 3 per pair
//	lineage  pairs and passages numbered in (A, B) order (one worker, 16
//	         bytes a pair); documents grouped by connected group (one worker:
//	         a union-find over the edges); lineage per group
//	write    documents, passages and pairs in sorted shards; links, families,
//	         mutations, outlet links and analysis.json (one worker: the
//	         lineage of the collection, no texts)
package pipeline

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/scan"
)

// Config is what one run needs.
type Config struct {
	// Inputs are files, folders, globs or bucket URLs (see Patterns).
	Inputs []string
	// Output is the folder (local, gs://, s3://) the export is written to.
	Output string
	// Settings are the analysis settings (a preset, maybe changed).
	Settings provenance.Settings
}

// Build adds the whole analysis to the pipeline's root scope.
func Build(s beam.Scope, c Config) error {
	if err := scan.Validate(c.Settings); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	if c.Output == "" {
		return fmt.Errorf("no output folder given")
	}
	patterns, err := Patterns(c.Inputs)
	if err != nil {
		return err
	}
	if len(patterns) == 0 {
		return fmt.Errorf("no inputs given")
	}
	docs, count, dups, errs := readCollection(s, patterns)
	runs, adocs, table := index(s, docs, count, c.Settings)
	aligned := alignPairs(s, runs, adocs, c.Settings)
	pairs, groups, totals := linkPairs(s, aligned, adocs, table, c.Settings)
	writeOutputs(s, c.Output, c.Settings, adocs, pairs, groups, totals, dups, errs)
	return nil
}
