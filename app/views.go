package app

// makeResultViews builds the Graph, Matrix and Families screens (the views
// in graph.go, matrix.go and families.go).
func makeResultViews(nav Navigator) map[string]resultView {
	return map[string]resultView{
		ScreenGraph:    NewGraphView(nav),
		ScreenMatrix:   NewMatrixView(nav),
		ScreenFamilies: NewFamiliesView(nav),
	}
}
