package provenance

// DisjointSets is a union-find over keys: which keys are joined, through
// any chain of unions (the connected groups of a graph of documents). The
// zero value is empty and ready to use.
type DisjointSets[K comparable] struct{ parent map[K]K }

// Add puts x in a set of its own, unless it is already in one.
func (s *DisjointSets[K]) Add(x K) {
	if s.parent == nil {
		s.parent = map[K]K{}
	}
	if _, ok := s.parent[x]; !ok {
		s.parent[x] = x
	}
}

// Has reports whether x was added (directly or by a union).
func (s *DisjointSets[K]) Has(x K) bool {
	_, ok := s.parent[x]
	return ok
}

// Find returns the representative of x's set, adding x when new.
func (s *DisjointSets[K]) Find(x K) K {
	s.Add(x)
	for s.parent[x] != x {
		s.parent[x] = s.parent[s.parent[x]] // path halving
		x = s.parent[x]
	}
	return x
}

// Union joins the sets of a and b, adding either when new.
func (s *DisjointSets[K]) Union(a, b K) {
	if ra, rb := s.Find(a), s.Find(b); ra != rb {
		s.parent[ra] = rb
	}
}
