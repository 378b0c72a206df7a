package provenance

// Settings are every parameter an analysis used. Every report and export
// repeats them. Presets fill them; each can then be changed on its own.
// The passage engine (provenance/align) owns the matching fields, the lineage
// layer (provenance/lineage) the Lineage block.
type Settings struct {
	// Preset is "strict", "balanced" (the default), "lenient" or "custom".
	Preset string `json:"preset"`
	// NGram is the number of words in a seed shingle.
	NGram int `json:"ngram"`
	// MinPassageWords is the shortest passage reported, in words.
	MinPassageWords int `json:"min_passage_words"`
	// MaxGap is the most unmatched words bridged inside one passage (a pure
	// insertion or deletion, with nothing on the other side, up to twice it).
	MaxGap int `json:"max_gap"`
	// DFCap, DFCapMin: an n-gram found in more than max(DFCapMin, DFCap ×
	// documents) documents is a family n-gram: its documents are aligned
	// against the family's representatives (the earliest and the longest)
	// instead of pair by pair. Nothing is dropped; the names are those of
	// the document-frequency cap they replace.
	DFCap    float64 `json:"df_cap"`
	DFCapMin int     `json:"df_cap_min"`
	// MinSeeds: two documents are aligned only when they share at least
	// this many seed n-grams (passim's min-match); 0 or 1 aligns every pair
	// with a seed.
	MinSeeds int `json:"min_seeds"`
	// MinSimilarity is the lowest matched-words share of a passage.
	MinSimilarity float64 `json:"min_similarity"`
	// MaxDocBytes caps the text kept per document.
	MaxDocBytes int `json:"max_doc_bytes"`
	// MergeRatio: two passages of a pair merge when the words between them
	// are at most MaxGap, or at most MergeRatio × the two passages' mean
	// length and 3 × MaxGap.
	MergeRatio float64 `json:"merge_ratio"`
	// Lineage holds the parameters of the who-copied-whom layer.
	Lineage LineageSettings `json:"lineage"`
}

// LineageSettings are the parameters of the lineage layer.
type LineageSettings struct {
	// MinConfidence is the lowest confidence for a directed "copy" link;
	// below it the link is reported as "unknown".
	MinConfidence float64 `json:"min_confidence"`
}

// Progress reports a long stage's advance. Engines call a func(Progress)
// callback; they never block on it.
type Progress struct {
	Stage string `json:"stage"` // "reading", "indexing", "aligning", "linking", ...
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Note  string `json:"note,omitempty"`
}

// Fraction is Done/Total in 0..1 (0 when Total is unknown).
func (p Progress) Fraction() float64 {
	if p.Total <= 0 {
		return 0
	}
	f := float64(p.Done) / float64(p.Total)
	if f > 1 {
		f = 1
	}
	return f
}
