package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
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
	p.box = container.NewStack(content, container.NewCenter(container.NewPadded(p.message)))
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
