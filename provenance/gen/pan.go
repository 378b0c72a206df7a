package gen

import (
	"math"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// Detection is one reported passage: spans in two documents, the order of
// which does not matter.
type Detection struct {
	A, B   string
	AS, BS provenance.Span
}

// Scores are PAN's text-alignment measures (Potthast et al., "An Evaluation
// Framework for Plagiarism Detection", COLING 2010), over characters (here
// bytes of UTF-8 text).
type Scores struct {
	Precision, Recall, Granularity, Plagdet float64
	Cases, Detections                       int
}

// oriented returns d's spans as (span in doc x, span in doc y), or ok false
// when d is not about the pair x, y.
func oriented(d Detection, x, y string) (provenance.Span, provenance.Span, bool) {
	switch {
	case d.A == x && d.B == y:
		return d.AS, d.BS, true
	case d.A == y && d.B == x:
		return d.BS, d.AS, true
	}
	return provenance.Span{}, provenance.Span{}, false
}

func overlap(a, b provenance.Span) provenance.Span {
	s := provenance.Span{Start: max(a.Start, b.Start), End: min(a.End, b.End)}
	if s.End < s.Start {
		s.End = s.Start
	}
	return s
}

// unionLen is the number of bytes covered by spans.
func unionLen(spans []provenance.Span) int {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	n, end := 0, math.MinInt
	for _, s := range spans {
		if s.End <= end {
			continue
		}
		n += s.End - max(s.Start, end)
		end = s.End
	}
	return n
}

// detects reports whether r detects case s (overlaps it in both documents)
// and returns their intersections in source and target.
func detects(s Case, r Detection) (src, tgt provenance.Span, ok bool) {
	rs, rt, ok := oriented(r, s.Source, s.Target)
	if !ok {
		return src, tgt, false
	}
	src, tgt = overlap(s.Src, rs), overlap(s.Tgt, rt)
	return src, tgt, src.Len() > 0 && tgt.Len() > 0
}

// Score computes precision, recall, granularity and plagdet of detections
// R against cases S:
//
//	prec = 1/|R| Σ_r |⋃_s (s ⊓ r)| / |r|
//	rec  = 1/|S| Σ_s |⋃_r (s ⊓ r)| / |s|
//	gran = 1/|S_R| Σ_{s∈S_R} |R_s|
//	plagdet = F1(prec, rec) / log2(1 + gran)
//
// where s ⊓ r is s ∩ r when r detects s (overlaps it in both documents) and
// empty otherwise, |x| counts the characters of x in both documents, S_R
// are the detected cases and R_s the detections of s. With no detections
// precision is 0 (1 when there are no cases either); with no cases recall
// is 1.
func Score(S []Case, R []Detection) Scores {
	sc := Scores{Cases: len(S), Detections: len(R), Granularity: 1}
	switch {
	case len(R) == 0 && len(S) == 0:
		sc.Precision, sc.Recall = 1, 1
	case len(R) == 0:
		sc.Precision, sc.Recall = 0, 0
	}
	if len(R) > 0 {
		total := 0.0
		for _, r := range R {
			var xs, ys []provenance.Span
			for _, s := range S {
				if src, tgt, ok := detects(s, r); ok {
					xs, ys = append(xs, src), append(ys, tgt)
				}
			}
			total += float64(unionLen(xs)+unionLen(ys)) / float64(r.AS.Len()+r.BS.Len())
		}
		sc.Precision = total / float64(len(R))
	}
	if len(S) == 0 {
		sc.Recall = 1
	} else if len(R) > 0 {
		total, detected, dets := 0.0, 0, 0
		for _, s := range S {
			var xs, ys []provenance.Span
			n := 0
			for _, r := range R {
				if src, tgt, ok := detects(s, r); ok {
					xs, ys = append(xs, src), append(ys, tgt)
					n++
				}
			}
			total += float64(unionLen(xs)+unionLen(ys)) / float64(s.Src.Len()+s.Tgt.Len())
			if n > 0 {
				detected++
				dets += n
			}
		}
		sc.Recall = total / float64(len(S))
		if detected > 0 {
			sc.Granularity = float64(dets) / float64(detected)
		}
	}
	if sc.Precision+sc.Recall > 0 {
		f1 := 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
		sc.Plagdet = f1 / math.Log2(1+sc.Granularity)
	}
	return sc
}
