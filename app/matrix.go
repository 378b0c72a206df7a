package app

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
)

// MatrixView is the coverage heat map: cell (row, column) is the share of
// the row article's words found in passages shared with the column article.
// It is a widget.Table, so hundreds of rows scroll without building them all.
type MatrixView struct {
	nav    Navigator
	result *provenance.Result
	matrix coverageMatrix

	table  *navTable
	status *widget.Label
	empty  *widget.Label // the empty state's message
	pane   *emptyPane
	root   fyne.CanvasObject
}

// coverageMatrix is the data behind the heat map.
type coverageMatrix struct {
	IDs    []string // row (and column) order: most reuse first
	Labels []string // short labels, numbered
	// Columns are the column headers: the row numbers.
	Columns []string
	// Cover maps a (row, column) position to the row's coverage by the column.
	Cover map[[2]int]float64
	// Total is each row's summed coverage, the sort key.
	Total []float64
	// Sharing counts the articles that share text: more than the rows
	// when only the most reused are shown (matrixMost).
	Sharing int
}

// matrixMost is the most articles the matrix shows: the most reused. A
// matrix of thousands of rows is unreadable, and each one's reuse is in
// the library's badge.
const matrixMost = 60

// buildCoverageMatrix takes every document that shares text with another,
// sorts them by total reuse (descending, then label), and indexes coverage
// in both directions from r.Pairs.
func buildCoverageMatrix(r *provenance.Result) coverageMatrix {
	totals := map[string]float64{}
	for _, p := range r.Pairs {
		if p.A == p.B || (p.ACoverage <= 0 && p.BCoverage <= 0) {
			continue
		}
		totals[p.A] += p.ACoverage
		totals[p.B] += p.BCoverage
	}
	m := coverageMatrix{Cover: map[[2]int]float64{}}
	for id := range totals {
		m.IDs = append(m.IDs, id)
	}
	docs := r.DocIndex()
	label := func(id string) string {
		if i, ok := docs[id]; ok {
			return r.Documents[i].Label()
		}
		return id
	}
	sort.Slice(m.IDs, func(i, j int) bool {
		a, b := m.IDs[i], m.IDs[j]
		if totals[a] != totals[b] {
			return totals[a] > totals[b]
		}
		if la, lb := label(a), label(b); la != lb {
			return la < lb
		}
		return a < b
	})
	m.Sharing = len(m.IDs)
	m.IDs = m.IDs[:min(len(m.IDs), matrixMost)]
	pos := make(map[string]int, len(m.IDs))
	for i, id := range m.IDs {
		pos[id] = i
		m.Labels = append(m.Labels, fmt.Sprintf("%d. %s", i+1, label(id)))
		m.Columns = append(m.Columns, strconv.Itoa(i+1))
		m.Total = append(m.Total, totals[id])
	}
	for _, p := range r.Pairs {
		a, okA := pos[p.A]
		b, okB := pos[p.B]
		if !okA || !okB || a == b {
			continue
		}
		m.Cover[[2]int{a, b}] = max(m.Cover[[2]int{a, b}], p.ACoverage)
		m.Cover[[2]int{b, a}] = max(m.Cover[[2]int{b, a}], p.BCoverage)
	}
	return m
}

// heatStops is viridis reversed: light yellow for little reuse, dark purple
// for a lot; perceptually even and readable with colour-vision deficiency.
var heatStops = []color.NRGBA{
	{0xfd, 0xe7, 0x25, 0xff},
	{0x5e, 0xc9, 0x62, 0xff},
	{0x21, 0x91, 0x8c, 0xff},
	{0x3b, 0x52, 0x8b, 0xff},
	{0x44, 0x01, 0x54, 0xff},
}

// heatColor maps a coverage 0..1 onto heatStops.
func heatColor(v float64) color.NRGBA {
	v = min(1, max(0, v))
	f := v * float64(len(heatStops)-1)
	i := min(int(f), len(heatStops)-2)
	t := f - float64(i)
	a, b := heatStops[i], heatStops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// inkOn is black or white, whichever reads better on c.
func inkOn(c color.NRGBA) color.Color {
	if 0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B) > 140 {
		return color.Black
	}
	return color.White
}

// NewMatrixView builds the heat map screen; call Refresh with a result to fill it.
func NewMatrixView(nav Navigator) *MatrixView {
	v := &MatrixView{nav: nav}
	v.table = &navTable{widget.Table{
		Length:           v.size,
		CreateCell:       v.createCell,
		UpdateCell:       v.updateCell,
		ShowHeaderRow:    true,
		ShowHeaderColumn: true,
		CreateHeader:     v.createHeader,
		UpdateHeader:     v.updateHeader,
		OnSelected:       v.onSelected,
	}}
	v.table.ExtendBaseWidget(v.table)
	v.table.SetColumnWidth(-1, matrixRowHeaderWidth)
	v.status = &widget.Label{Text: "Click a cell to compare the two articles.", Truncation: fyne.TextTruncateEllipsis}
	v.pane = newEmptyPane(v.table)
	v.empty = v.pane.message
	v.root = container.NewBorder(matrixLegend(), v.status, nil, nil, v.pane.box)
	v.Refresh(nav.Result())
	return v
}

// matrixLegend explains the colours: ten swatches from 0% to 100%.
func matrixLegend() fyne.CanvasObject {
	swatches := container.NewHBox()
	for i := 0; i <= 10; i++ {
		r := canvas.NewRectangle(heatColor(float64(i) / 10))
		r.SetMinSize(fyne.NewSize(18, 14))
		swatches.Add(r)
	}
	scale := container.NewHBox(&widget.Label{Text: "0%"}, container.NewCenter(swatches), &widget.Label{Text: "100%"})
	return container.NewBorder(nil, nil, nil, scale,
		&widget.Label{Text: "Share of the row article that is also in the column article:", Truncation: fyne.TextTruncateEllipsis})
}

// CanvasObject is the screen's root object.
func (v *MatrixView) CanvasObject() fyne.CanvasObject { return v.root }

// Refresh shows r (nil shows the empty state).
func (v *MatrixView) Refresh(r *provenance.Result) {
	if r == nil {
		r = &provenance.Result{}
	}
	v.result = r
	v.matrix = buildCoverageMatrix(r)
	if h := v.nav.Workshop().hidden; h != nil { // "Article 5" and 5, as on every other screen
		for i, id := range v.matrix.IDs {
			v.matrix.Labels[i], v.matrix.Columns[i] = h.Label(id), strconv.Itoa(h.number[id])
		}
	}
	switch {
	case len(v.matrix.IDs) > 0:
		v.pane.show("")
	case len(r.Documents) == 0:
		v.pane.show("No articles yet. Add articles to the library and the matrix shows how much of each came from each other one.")
	default:
		v.pane.show(fmt.Sprintf("None of the %s share a passage, so there is nothing to chart. Try the lenient preset in Settings.", plural(len(r.Documents), "article", "articles")))
	}
	v.table.UnselectAll()
	v.table.Refresh()
	if v.matrix.Sharing > len(v.matrix.IDs) {
		v.status.SetText(fmt.Sprintf("The %d most reused of the %s articles sharing text, most reused first. Click a cell to compare.",
			len(v.matrix.IDs), thousands(v.matrix.Sharing)))
	} else {
		v.status.SetText(fmt.Sprintf("%s sharing text, most reused first. Click a cell to compare.", plural(len(v.matrix.IDs), "article", "articles")))
	}
}

func (v *MatrixView) size() (int, int) { return len(v.matrix.IDs), len(v.matrix.IDs) }

func (v *MatrixView) createCell() fyne.CanvasObject {
	size := theme.TextSize() * 0.9 // follows the workshop theme's larger type
	bg := canvas.NewRectangle(color.Transparent)
	bg.SetMinSize(fyne.NewSize(fyne.MeasureText("100%", size, fyne.TextStyle{}).Width+4*theme.Padding(), size+3*theme.Padding()))
	t := canvas.NewText("100%", color.Black)
	t.Alignment = fyne.TextAlignCenter
	t.TextSize = size
	return container.NewStack(bg, t)
}

func (v *MatrixView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*fyne.Container)
	bg, t := cell.Objects[0].(*canvas.Rectangle), cell.Objects[1].(*canvas.Text)
	c, ok := v.matrix.Cover[[2]int{id.Row, id.Col}]
	switch {
	case id.Row == id.Col:
		bg.FillColor, t.Text, t.Color = theme.Color(theme.ColorNameDisabledButton), "—", theme.Color(theme.ColorNameDisabled)
	case !ok || c <= 0:
		bg.FillColor, t.Text = color.Transparent, ""
	default:
		hc := heatColor(c)
		bg.FillColor, t.Text, t.Color = hc, fmt.Sprintf("%.0f%%", c*100), inkOn(hc)
	}
	bg.Refresh()
	t.Refresh()
}

// createHeader is a padded canvas.Text: it draws aligned within whatever
// size the table gives it.
func (v *MatrixView) createHeader() fyne.CanvasObject {
	t := canvas.NewText("000", theme.Color(theme.ColorNameForeground))
	return container.NewPadded(t)
}

// matrixRowHeaderWidth is the width of the row labels.
const matrixRowHeaderWidth = 240

// updateHeader labels rows with number and title (shortened with an
// ellipsis to fit) and columns with the number alone.
func (v *MatrixView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	t := o.(*fyne.Container).Objects[0].(*canvas.Text)
	t.Color = theme.Color(theme.ColorNameForeground)
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(v.matrix.Labels):
		t.Alignment, t.Text = fyne.TextAlignCenter, v.matrix.Columns[id.Col]
	case id.Col < 0 && id.Row >= 0 && id.Row < len(v.matrix.Labels):
		t.Alignment, t.Text = fyne.TextAlignLeading, v.rowLabel(id.Row)
	default:
		t.Text = ""
	}
	t.Refresh()
}

// rowLabel is row i's label shortened to the row header width.
func (v *MatrixView) rowLabel(i int) string {
	size := theme.TextSize()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	return truncateToWidth(v.matrix.Labels[i], matrixRowHeaderWidth-4*theme.Padding(), measure)
}

// onSelected opens the comparison of the row article with the column article.
func (v *MatrixView) onSelected(id widget.TableCellID) {
	defer v.table.Unselect(id)
	if id.Row < 0 || id.Col < 0 || id.Row >= len(v.matrix.IDs) || id.Col >= len(v.matrix.IDs) || id.Row == id.Col {
		return
	}
	c := v.matrix.Cover[[2]int{id.Row, id.Col}]
	if c <= 0 {
		v.status.SetText("These two articles share no passage.")
		return
	}
	row, col := v.matrix.IDs[id.Row], v.matrix.IDs[id.Col]
	v.status.SetText(fmt.Sprintf("%.0f%% of %s is also in %s.", c*100, v.matrix.Labels[id.Row], v.matrix.Labels[id.Col]))
	v.nav.Compare(row, col)
}
