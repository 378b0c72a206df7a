package scan

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Presets names the built-in presets, strictest first.
var Presets = []string{"strict", "balanced", "lenient"}

// DefaultSettings returns the balanced preset.
func DefaultSettings() provenance.Settings {
	s, _ := Preset("balanced")
	return s
}

// Preset returns the named preset's settings ("strict", "balanced",
// "lenient"; "" means balanced).
//
//   - strict: longer seeds (6 words, 3 shared per pair), passages of 15+
//     words, gaps of at most 3 words, 80% similarity: only close copies.
//   - balanced: 5-word seeds (2 per pair), 10+ words, gaps up to 6, 60%
//     similarity: copies with the edits journalists make.
//   - lenient: 4-word seeds (1 per pair), 8+ words, gaps up to 10, 45%
//     similarity: heavy rewrites too, at the price of more weak matches.
//
// All align every pair of an n-gram's documents up to 50 of them, and
// beyond that a family's members against its representatives (DFCap 0,
// DFCapMin 50: a fixed limit keeps the work linear in the collection).
func Preset(name string) (provenance.Settings, error) {
	s := provenance.Settings{
		DFCap: 0, DFCapMin: 50, MaxDocBytes: 4 << 20, MergeRatio: 0.5,
		Lineage: provenance.LineageSettings{MinConfidence: 0.6},
	}
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "strict":
		s.Preset, s.NGram, s.MinPassageWords, s.MaxGap, s.MinSimilarity, s.MergeRatio = "strict", 6, 15, 3, 0.8, 0.25
		s.MinSeeds = 3
	case "balanced", "":
		s.Preset, s.NGram, s.MinPassageWords, s.MaxGap, s.MinSimilarity = "balanced", 5, 10, 6, 0.6
		s.MinSeeds = 2
	case "lenient":
		s.Preset, s.NGram, s.MinPassageWords, s.MaxGap, s.MinSimilarity, s.MergeRatio = "lenient", 4, 8, 10, 0.45, 0.75
		s.MinSeeds = 1
	default:
		return s, fmt.Errorf("unknown preset %q (want strict, balanced or lenient)", name)
	}
	return s, nil
}

// Validate reports settings the engine cannot use.
func Validate(s provenance.Settings) error {
	switch {
	case s.NGram < 2 || s.NGram > 16:
		return fmt.Errorf("ngram %d: want 2..16", s.NGram)
	case s.MinPassageWords < 1:
		return fmt.Errorf("min passage words %d: want at least 1", s.MinPassageWords)
	case s.MaxGap < 0:
		return fmt.Errorf("max gap %d: want 0 or more", s.MaxGap)
	case s.DFCap < 0 || s.DFCap > 1:
		return fmt.Errorf("df cap %g: want 0..1", s.DFCap)
	case s.DFCapMin < 2:
		return fmt.Errorf("df cap min %d: want at least 2", s.DFCapMin)
	case s.MinSimilarity < 0 || s.MinSimilarity > 1:
		return fmt.Errorf("min similarity %g: want 0..1", s.MinSimilarity)
	case s.MinSeeds < 0:
		return fmt.Errorf("min seeds %d: want 0 or more", s.MinSeeds)
	case s.MergeRatio < 0:
		return fmt.Errorf("merge ratio %g: want 0 or more", s.MergeRatio)
	}
	return nil
}
