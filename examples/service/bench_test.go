package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ghurbal/ghurbal/classify"
)

// BenchmarkClassifyInto is the classification alone, for comparison with
// the handler: the service's overhead is the difference.
func BenchmarkClassifyInto(b *testing.B) {
	posts := samplePosts(b)
	clf := classify.Default()
	var r classify.Result
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		clf.ClassifyInto(&r, posts[i%len(posts)].Text)
	}
}

func BenchmarkClassifyIntoParallel(b *testing.B) {
	posts := samplePosts(b)
	clf := classify.Default()
	b.RunParallel(func(pb *testing.PB) {
		var r classify.Result
		for i := 0; pb.Next(); i++ {
			clf.ClassifyInto(&r, posts[i%len(posts)].Text)
		}
	})
}

// BenchmarkHandlerSingle is one POST /v1/classify of one post through the
// handler (no network).
func BenchmarkHandlerSingle(b *testing.B) {
	posts := samplePosts(b)
	s, _ := testServer(b, config{})
	bodies := make([]string, len(posts))
	for i, p := range posts {
		bodies[i] = string(mustJSON(b, p))
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/v1/classify", strings.NewReader(bodies[i%len(bodies)]))
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Code)
			}
			i++
		}
	})
}
