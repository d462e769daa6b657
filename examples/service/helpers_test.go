package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/stretchr/testify/require"
)

// samplePost is a line of examples/triage/sample.jsonl.
type samplePost struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

var samples = sync.OnceValues(func() ([]samplePost, error) {
	f, err := os.Open("../triage/sample.jsonl")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var posts []samplePost
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p samplePost
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, err
		}
		posts = append(posts, p)
	}
	return posts, sc.Err()
})

func samplePosts(t testing.TB) []samplePost {
	t.Helper()
	posts, err := samples()
	require.NoError(t, err)
	require.NotEmpty(t, posts)
	return posts
}

// expected is what the response for text must be: the object built from a
// fresh classification, decoded as generic JSON.
func expected(t testing.TB, id any, text string, explain bool) map[string]any {
	t.Helper()
	r := classify.Default().Classify(text)
	var rawID json.RawMessage
	if id != nil {
		rawID = mustJSON(t, id)
	}
	return decodeObject(t, mustJSON(t, toOutResult(rawID, &r, explain, nil)))
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

func decodeObject(t testing.TB, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m), "not a JSON object: %s", b)
	return m
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// testServer is newServer with cfg's zero fields at their defaults and
// its logs in a buffer.
func testServer(t testing.TB, cfg config) (*server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return newServer(classify.Default(), cfg, logger).(*server), logs
}

// response is a recorded response.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) object(t testing.TB) map[string]any {
	t.Helper()
	require.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
	return decodeObject(t, r.body)
}

// do sends a request to h through httptest.
func do(h http.Handler, method, path string, body io.Reader) response {
	req := httptest.NewRequest(method, path, body)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{rec.Code, rec.Result().Header, rec.Body.Bytes()}
}

func post(h http.Handler, body string) response {
	return do(h, http.MethodPost, "/v1/classify", strings.NewReader(body))
}

// parseMetrics parses the Prometheus text format strictly enough to catch
// a malformed line: every sample is "name{labels} value" with a TYPE line
// before it. It returns the samples by series ("name{labels}").
func parseMetrics(t testing.TB, text string) map[string]float64 {
	t.Helper()
	samples := map[string]float64{}
	typed := map[string]bool{}
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "# TYPE ") {
			f := strings.Fields(line)
			require.Len(t, f, 4, line)
			require.Contains(t, []string{"counter", "gauge", "histogram"}, f[3], line)
			typed[f[2]] = true
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		require.Positive(t, i, "bad sample line %q", line)
		series, value := line[:i], line[i+1:]
		v, err := strconv.ParseFloat(value, 64)
		require.NoError(t, err, line)
		name, _, _ := strings.Cut(series, "{")
		base := name
		for _, suf := range []string{"_bucket", "_sum", "_count"} {
			if b, ok := strings.CutSuffix(name, suf); ok && typed[b] {
				base = b
			}
		}
		require.True(t, typed[base], "no TYPE line before %q", line)
		_, dup := samples[series]
		require.False(t, dup, "series twice: %q", series)
		samples[series] = v
	}
	return samples
}
