package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Widths of an empty screen's message: it wraps at most messageMaxWidth
// wide and never narrower than messageMinWidth, so it reads as a short
// paragraph and never turns into one character per line.
const (
	messageMaxWidth = 520
	messageMinWidth = 220
)

// emptyPane stacks a screen's content with a centred message that replaces
// it when there is nothing to show, so a screen is never a blank.
type emptyPane struct {
	content fyne.CanvasObject
	message *widget.Label
	box     *fyne.Container
}

func newEmptyPane(content fyne.CanvasObject) *emptyPane {
	p := &emptyPane{content: content, message: &widget.Label{Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}}
	p.box = container.NewStack(content, container.New(paragraphLayout{}, p.message))
	return p
}

// show displays the content when msg is "", else msg in its place.
func (p *emptyPane) show(msg string) {
	if msg == "" {
		p.message.Hide()
		p.content.Show()
		return
	}
	p.message.SetText(msg)
	p.content.Hide()
	p.message.Show()
}

// paragraphLayout centres wrapping text at a readable width. Unlike
// container.NewCenter, which lays a wrapping label out at its minimum width
// (a few pixels, one character per line, hundreds of lines tall), it gives
// the text a width first and then the height that width needs.
type paragraphLayout struct{}

// width is the text's width in a space size wide.
func (paragraphLayout) width(size fyne.Size) float32 {
	return max(messageMinWidth, min(messageMaxWidth, size.Width-2*theme.Padding()))
}

// Layout implements fyne.Layout.
func (l paragraphLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := l.width(size)
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, o.Size().Height)) // wrap at w first
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, max(0, (size.Height-h)/2)))
	}
}

// MinSize implements fyne.Layout: the narrowest width and the height the
// text needs at its current width (never below messageMinWidth).
func (paragraphLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(fyne.NewSize(messageMinWidth, o.MinSize().Height))
		}
	}
	return s
}
