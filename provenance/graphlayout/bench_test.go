package graphlayout

import (
	"strconv"
	"testing"
	"time"
)

func benchGraph(n int) Graph {
	var g Graph
	for i := 0; i < n; i++ {
		g.Nodes = append(g.Nodes, Node{ID: strconv.Itoa(i), Time: day(1).Add(time.Duration(i%20) * 24 * time.Hour)})
		if i > 0 {
			g.Edges = append(g.Edges, Edge{Source: strconv.Itoa((i * 7919) % i), Target: strconv.Itoa(i)})
		}
	}
	return g
}

func BenchmarkCompute500(b *testing.B) {
	g := benchGraph(500)
	for b.Loop() {
		Compute(g)
	}
}

func BenchmarkCompute5000(b *testing.B) {
	g := benchGraph(5000)
	for b.Loop() {
		Compute(g)
	}
}
