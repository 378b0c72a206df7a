package app

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// stripHeight is the height of the timeline strip.
const stripHeight = 34

// timelineStrip draws a family's dated members on a time axis: a numbered
// dot per member (the number is its place in the list below), placed in
// proportion to its publication time, so bursts and gaps show at a glance.
type timelineStrip struct {
	fractions []float32 // 0..1 along the axis, one per dot
}

// newTimelineStrip returns the strip for entries, or nil when fewer than two
// members are dated (there is no span to draw).
func newTimelineStrip(entries []timelineEntry) fyne.CanvasObject {
	var times []time.Time
	for _, e := range entries {
		if e.Dated {
			times = append(times, e.time)
		}
	}
	if len(times) < 2 {
		return nil
	}
	first, span := times[0], times[len(times)-1].Sub(times[0])
	s := &timelineStrip{}
	axis := canvas.NewLine(theme.Color(theme.ColorNamePlaceHolder))
	axis.StrokeWidth = 1
	objects := []fyne.CanvasObject{axis}
	for i, t := range times {
		f := float32(0)
		if span > 0 {
			f = float32(t.Sub(first)) / float32(span)
		}
		s.fractions = append(s.fractions, f)
		dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
		num := canvas.NewText(strconv.Itoa(i+1), theme.Color(theme.ColorNameForeground))
		num.TextSize = theme.CaptionTextSize()
		num.Alignment = fyne.TextAlignCenter
		objects = append(objects, dot, num)
	}
	return container.New(s, objects...)
}

// MinSize implements fyne.Layout.
func (s *timelineStrip) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(120, stripHeight) }

// Layout implements fyne.Layout: the axis across the middle, dots on it,
// numbers above; dots at the same time are nudged apart as far as the
// width allows (a wire story's hundreds of carriers share it), and a
// number shows only where it clears the last one shown.
func (s *timelineStrip) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	const r, pad = 5, 16
	y := size.Height - r - 4
	axis := objects[0].(*canvas.Line)
	axis.Position1, axis.Position2 = fyne.NewPos(pad, y), fyne.NewPos(size.Width-pad, y)
	gap := min(2*r+2, (size.Width-2*pad)/float32(max(1, len(s.fractions)-1)))
	prev, lastNum := float32(-100), float32(-100)
	for i, f := range s.fractions {
		x := pad + f*(size.Width-2*pad)
		if x-prev < gap { // same or nearly the same time: keep the dots apart
			x = prev + gap
		}
		x = min(x, size.Width-pad)
		prev = x
		dot, num := objects[1+2*i], objects[2+2*i].(*canvas.Text)
		dot.Move(fyne.NewPos(x-r, y-r))
		dot.Resize(fyne.NewSquareSize(2 * r))
		w := fyne.MeasureText(num.Text, num.TextSize, num.TextStyle).Width
		num.Move(fyne.NewPos(x-w/2-2, 0))
		num.Resize(fyne.NewSize(w+4, y-r-2))
		num.Hidden = x-lastNum < w+6
		if !num.Hidden {
			lastNum = x
		}
	}
}
