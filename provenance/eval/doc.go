// Package eval is the one home of Copytrail's evaluations, the only place
// above scan that runs the whole engine on collections with known answers:
//
//   - PAN: the passage engine on generated reuse (provenance/gen), scored
//     with PAN's text-alignment measures per edit type (`make eval`);
//   - lineages: the lineage layer on generated lineages of releases, wire
//     stories and articles (provenance/gen/lineages), edge precision,
//     direction accuracy and the reliability of the confidence;
//   - real-world families: labelled families of real pages kept outside the
//     repository, scored bare and with metadata (`make lineage-eval`).
//
// The engine packages never import this one; their own tests stay beside
// them.
package eval
