package app

import (
	"math"
	"sort"
)

// undatedBandGap is the room between the date columns and the undated band,
// with the band's heading.
const undatedBandGap = 2*layoutGapY + layoutHeaderH

// placeUndated lays the undated nodes out in a band below the date columns.
// A node linked to dated articles sits under them (at the mean x of its
// placed neighbours), so its links run up to them instead of across the
// graph; nodes linked only to undated ones follow their placed neighbours;
// the rest go to the right, in their order. Nodes wanting the same place
// take the next free slot of a row, or the next row when the free slot is
// too far off, so no two labels overlap.
func placeUndated(l *GraphLayout, undated []int, opt LayoutOptions) {
	if len(undated) == 0 {
		return
	}
	colW, rowH := l.ColumnWidth, l.RowHeight
	top := float32(layoutHeaderH + layoutMargin)
	right := float32(layoutMargin)
	lines := float32(1)
	for _, n := range l.Nodes {
		if n.Dated {
			top = max(top, n.Label.Y+n.Label.H)
			right = max(right, n.X+colW/2)
		}
		if n.Detail != "" {
			lines = 2
		}
	}
	l.UndatedY = top + layoutGapY
	bandTop := top + undatedBandGap
	neighbours := make([][]int, len(l.Nodes))
	for _, e := range l.Edges {
		if e.From >= 0 && e.To >= 0 && e.From < len(l.Nodes) && e.To < len(l.Nodes) && e.From != e.To {
			neighbours[e.From] = append(neighbours[e.From], e.To)
			neighbours[e.To] = append(neighbours[e.To], e.From)
		}
	}
	placed := make([]bool, len(l.Nodes))
	for i, n := range l.Nodes {
		placed[i] = n.Dated
	}
	want := map[int]float32{}
	// Repeatedly give a desired x to the undated nodes with placed
	// neighbours; what stays unreached goes to the right.
	pending := append([]int(nil), undated...)
	for len(pending) > 0 {
		var next []int
		progress := false
		for _, v := range pending {
			sum, cnt := float32(0), 0
			for _, w := range neighbours[v] {
				if placed[w] {
					if x, ok := want[w]; ok {
						sum += x
					} else {
						sum += l.Nodes[w].X
					}
					cnt++
				}
			}
			if cnt == 0 {
				next = append(next, v)
				continue
			}
			want[v] = sum / float32(cnt)
			progress = true
		}
		for _, v := range pending {
			if _, ok := want[v]; ok {
				placed[v] = true
			}
		}
		if !progress {
			for k, v := range next {
				want[v] = right + colW/2 + float32(k)*colW
				placed[v] = true
			}
			break
		}
		pending = next
	}
	order := append([]int(nil), undated...)
	sort.SliceStable(order, func(a, b int) bool { return want[order[a]] < want[order[b]] })
	var rowNext []float32 // first free x of each row
	maxX := float32(0)
	for _, v := range order {
		x0 := max(want[v], float32(layoutMargin)+colW/2)
		row := 0
		for ; row < len(rowNext); row++ {
			if rowNext[row] <= x0+colW*0.75 {
				break
			}
		}
		if row == len(rowNext) {
			rowNext = append(rowNext, float32(math.Inf(-1)))
		}
		x := max(x0, rowNext[row])
		rowNext[row] = x + colW
		n := &l.Nodes[v]
		n.X, n.Y = x, bandTop+opt.Radius+float32(row)*rowH
		n.ColumnIndex, n.Layer = -1, -1
		n.TitleLine = truncateToWidth(n.Title, opt.LabelWidth, opt.Measure)
		n.DetailLine = truncateToWidth(n.Detail, opt.LabelWidth, opt.Measure)
		w := max(opt.Measure(n.TitleLine), opt.Measure(n.DetailLine))
		n.Label = Rect{X: n.X - w/2, Y: n.Y + opt.Radius + 3, W: w, H: lines * opt.LineHeight}
		maxX = max(maxX, x+colW/2)
		l.Height = max(l.Height, n.Label.Y+n.Label.H+layoutMargin)
	}
	l.Width = max(l.Width, maxX+layoutMargin)
}
