// Package palette is Copytrail's one colour palette, shared by the desktop
// app, the HTML report and the PNG exports so that passage 3 has the same
// colour everywhere. It is the Okabe–Ito palette (Okabe & Ito, "Color
// Universal Design", 2008), distinguishable with the common colour-vision
// deficiencies. Colour is never the only carrier of meaning: every
// highlighted passage also carries its number, and diffs are struck through
// or underlined.
package palette

import (
	"fmt"
	"image/color"
	"math"

	"github.com/copytrail/copytrail/provenance"
)

// The eight Okabe–Ito colours.
var (
	Black         = color.RGBA{0x00, 0x00, 0x00, 0xff}
	Orange        = color.RGBA{0xE6, 0x9F, 0x00, 0xff}
	SkyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	BluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	Yellow        = color.RGBA{0xF0, 0xE4, 0x42, 0xff}
	Blue          = color.RGBA{0x00, 0x72, 0xB2, 0xff}
	Vermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	ReddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xff}
)

// OkabeIto lists the palette in its published order.
var OkabeIto = [8]color.RGBA{Black, Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple}

// Roles: what each colour means wherever Copytrail draws.
var (
	// Ink is body text; Muted is secondary text and unknown things.
	Ink   = color.RGBA{0x1A, 0x1A, 0x1A, 0xff}
	Muted = color.RGBA{0x6B, 0x6B, 0x6B, 0xff}
	// Paper is the page background; Rule the colour of thin separators.
	Paper = color.RGBA{0xFF, 0xFF, 0xFF, 0xff}
	Rule  = color.RGBA{0xD0, 0xD0, 0xD0, 0xff}
	// Deleted marks words only in the source side of a diff (struck through);
	// Inserted marks words only in the target side (underlined).
	Deleted  = Vermillion
	Inserted = Blue
	// Boilerplate greys site chrome and front matter.
	Boilerplate = color.RGBA{0xEE, 0xEE, 0xEE, 0xff}
)

// passageOrder is the cycle used for passage highlights: black is left out
// (text must stay readable on it) and neighbours differ in hue and lightness.
var passageOrder = [7]color.RGBA{Orange, SkyBlue, BluishGreen, ReddishPurple, Yellow, Blue, Vermillion}

// PassageCount is the number of distinct passage colours before they repeat.
const PassageCount = len(passageOrder)

// Passage returns the strong colour of passage number n (0-based); colours
// repeat after PassageCount passages, so numbers, not colours, identify them.
func Passage(n int) color.RGBA {
	if n < 0 {
		n = -n
	}
	return passageOrder[n%len(passageOrder)]
}

// PassageTint returns the light background used to highlight passage n
// behind dark text: Passage(n) mixed with white, contrast with Ink >= 7:1.
func PassageTint(n int) color.RGBA {
	return Mix(Passage(n), Paper, 0.38)
}

// Mix returns a weighted mix: share of a, the rest of b.
func Mix(a, b color.RGBA, share float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*share + float64(y)*(1-share) + 0.5) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

// Link returns the colour of a link of the given kind: copy links are blue,
// common-source links bluish green, undecided links grey.
func Link(kind provenance.LinkKind) color.RGBA {
	switch kind {
	case provenance.LinkCopy:
		return Blue
	case provenance.LinkCommonSource:
		return BluishGreen
	default:
		return Muted
	}
}

// Mutation returns the colour of a mutation kind.
func Mutation(kind provenance.MutationKind) color.RGBA {
	switch kind {
	case provenance.MutationQuote:
		return ReddishPurple
	case provenance.MutationNumber:
		return Orange
	case provenance.MutationName:
		return SkyBlue
	case provenance.MutationAttribution:
		return Vermillion
	case provenance.MutationHedge:
		return BluishGreen
	default:
		return Muted
	}
}

// Outlet returns a colour for the n-th outlet of a graph (node fill).
func Outlet(n int) color.RGBA { return Passage(n) }

// Hex formats a colour as #RRGGBB for CSS and SVG.
func Hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}

// Luminance is the WCAG relative luminance of c, 0 (black) to 1 (white).
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v>>8) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Contrast is the WCAG contrast ratio of two colours, 1 to 21.
func Contrast(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TextOn returns Ink or Paper, whichever reads better on background bg.
func TextOn(bg color.Color) color.RGBA {
	if Contrast(Ink, bg) >= Contrast(Paper, bg) {
		return Ink
	}
	return Paper
}
