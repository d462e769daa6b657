package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const smugglingPost = "طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$"

func TestSinglePost(t *testing.T) {
	s, _ := testServer(t, config{})
	body := string(mustJSON(t, map[string]any{"id": "p1", "text": smugglingPost}))
	res := post(s, body)
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	got := res.object(t)
	require.Equal(t, expected(t, "p1", smugglingPost, false), got)

	// The triage shape: no line, no explain, every array present.
	require.Equal(t, "p1", got["id"])
	require.Equal(t, "smuggling", got["label"])
	require.Equal(t, true, got["flagged"])
	require.NotContains(t, got, "line")
	require.NotContains(t, got, "explain")
	require.Len(t, got["scores"], 4)
	require.IsType(t, []any{}, got["hits"])
	sig := got["signals"].(map[string]any)
	require.Len(t, sig, 5)
	for _, k := range []string{"phones", "prices", "handles", "urls", "locations"} {
		require.IsType(t, []any{}, sig[k], k)
	}
	phone := sig["phones"].([]any)[0].(map[string]any)
	require.Equal(t, "+375290001234", phone["e164"])
	start, end := int(phone["start"].(float64)), int(phone["end"].(float64))
	require.Equal(t, "+375290001234", smugglingPost[start:end], "offsets are bytes into the decoded text")
}

func TestSinglePostIDs(t *testing.T) {
	s, _ := testServer(t, config{})
	for _, id := range []string{`7`, `"x"`, `{"a":[1,2]}`, `null`} {
		res := post(s, `{"id": `+id+`, "text": "فيزا بيلاروسيا"}`)
		require.Equal(t, http.StatusOK, res.status)
		var got struct{ ID json.RawMessage }
		require.NoError(t, json.Unmarshal(res.body, &got))
		require.JSONEq(t, id, string(got.ID), "the id is copied as given")
	}
	// No id: no id field.
	res := post(s, `{"text": "فيزا بيلاروسيا"}`)
	require.NotContains(t, res.object(t), "id")
}

func TestBatchKeepsOrder(t *testing.T) {
	s, _ := testServer(t, config{})
	posts := samplePosts(t)
	reversed := make([]samplePost, len(posts))
	for i, p := range posts {
		reversed[len(posts)-1-i] = p
	}
	for _, batch := range [][]samplePost{posts, reversed} {
		res := post(s, string(mustJSON(t, map[string]any{"posts": batch})))
		require.Equal(t, http.StatusOK, res.status, "%s", res.body)
		results := res.object(t)["results"].([]any)
		require.Len(t, results, len(batch))
		for i, p := range batch {
			// Each object is exactly what a fresh classification gives: the
			// pooled Result leaks nothing from one post into the next.
			require.Equal(t, expected(t, p.ID, p.Text, false), results[i], p.ID)
		}
	}
	// And across requests: a post with no signals after one with many.
	post(s, `{"text": "`+smugglingPost+`"}`)
	got := post(s, `{"text": "الجو حلو اليوم"}`).object(t)
	require.Equal(t, expected(t, nil, "الجو حلو اليوم", false), got)
}

func TestEmptyBatch(t *testing.T) {
	s, _ := testServer(t, config{})
	res := post(s, `{"posts": []}`)
	require.Equal(t, http.StatusOK, res.status)
	require.JSONEq(t, `{"results": []}`, string(res.body))
}

func TestExplain(t *testing.T) {
	s, _ := testServer(t, config{})
	res := post(s, `{"text": "`+smugglingPost+`", "explain": true}`)
	require.Equal(t, http.StatusOK, res.status)
	got := res.object(t)
	require.Equal(t, expected(t, nil, smugglingPost, true), got)
	explain := got["explain"].([]any)
	require.NotEmpty(t, explain)
	c := explain[0].(map[string]any)
	require.Equal(t, "smuggling", c["label"])
	require.NotEmpty(t, c["feature"])
	require.IsType(t, float64(0), c["weight"])

	res = post(s, `{"posts": [{"text": "`+smugglingPost+`"}, {"text": "فيزا بيلاروسيا مع حجز فندق"}], "explain": true}`)
	for _, r := range res.object(t)["results"].([]any) {
		require.NotEmpty(t, r.(map[string]any)["explain"])
	}
	// Without explain, after explained posts, no explain.
	require.NotContains(t, post(s, `{"text": "`+smugglingPost+`"}`).object(t), "explain")
}

func TestRequestErrors(t *testing.T) {
	s, _ := testServer(t, config{maxBody: 4096, maxBatch: 3, maxPost: 100})
	long := strings.Repeat("ب", 51) // 102 bytes
	tests := []struct {
		name, body string
		status     int
		code       string
	}{
		{"not JSON", `nope`, 400, "bad_json"},
		{"empty body", ``, 400, "bad_json"},
		{"white space", " \n\t", 400, "bad_json"},
		{"array", `[{"text": "x"}]`, 400, "bad_json"},
		{"string", `"x"`, 400, "bad_json"},
		{"null", `null`, 400, "bad_json"},
		{"truncated", `{"text": "x"`, 400, "bad_json"},
		{"trailing data", `{"text": "x"} {"text": "y"}`, 400, "bad_json"},
		{"explain not a bool", `{"text": "x", "explain": "yes"}`, 400, "bad_json"},
		{"posts not an array", `{"posts": {"text": "x"}}`, 400, "bad_json"},
		{"posts null", `{"posts": null}`, 400, "bad_json"},
		{"text and posts", `{"text": "x", "posts": []}`, 400, "bad_json"},
		{"no text", `{"id": 1}`, 400, "no_text"},
		{"text a number", `{"text": 5}`, 400, "no_text"},
		{"text null", `{"text": null}`, 400, "no_text"},
		{"text an array", `{"text": ["x"]}`, 400, "no_text"},
		{"empty text", `{"text": ""}`, 400, "empty"},
		{"blank text", `{"text": " \n\t "}`, 400, "empty"},
		{"post too long", `{"text": "` + long + `"}`, 413, "too_long"},
		{"body too large", `{"text": "` + strings.Repeat("x", 5000) + `"}`, 413, "too_large"},
		{"batch too large", `{"posts": [{"text":"a"},{"text":"b"},{"text":"c"},{"text":"d"}]}`, 413, "batch_too_large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := post(s, tc.body)
			require.Equal(t, tc.status, res.status, "%s", res.body)
			got := res.object(t)
			require.Equal(t, tc.code, got["code"])
			require.NotEmpty(t, got["error"])
			require.Equal(t, "nosniff", res.header.Get("X-Content-Type-Options"))
		})
	}
	// A single post's error keeps its id.
	got := post(s, `{"id": "p9", "text": ""}`).object(t)
	require.Equal(t, map[string]any{"id": "p9", "error": "the text is empty", "code": "empty"}, got)
}

func TestPerPostErrorsInBatch(t *testing.T) {
	s, _ := testServer(t, config{maxPost: 100})
	body := `{"posts": [
		{"id": 1, "text": "فيزا بيلاروسيا مع حجز فندق"},
		{"id": 2},
		{"id": 3, "text": 42},
		{"id": 4, "text": "   "},
		{"id": 5, "text": "` + strings.Repeat("ب", 51) + `"},
		"just a string",
		null,
		{"id": 8, "text": "` + smugglingPost + `"}
	]}`
	res := post(s, body)
	require.Equal(t, http.StatusOK, res.status, "%s", res.body)
	results := res.object(t)["results"].([]any)
	require.Len(t, results, 8)
	require.Equal(t, expected(t, 1, "فيزا بيلاروسيا مع حجز فندق", false), results[0])
	wantCodes := []struct {
		id   any
		code string
	}{{2.0, "no_text"}, {3.0, "no_text"}, {4.0, "empty"}, {5.0, "too_long"}, {nil, "no_text"}, {nil, "no_text"}}
	for i, w := range wantCodes {
		r := results[i+1].(map[string]any)
		require.Equal(t, w.code, r["code"], "post %d", i+2)
		require.NotEmpty(t, r["error"])
		require.Equal(t, w.id, r["id"])
		require.NotContains(t, r, "label")
		if w.id == nil {
			require.NotContains(t, r, "id")
		}
	}
	require.Equal(t, expected(t, 8, smugglingPost, false), results[7])
}

func TestLimitsAreInclusive(t *testing.T) {
	s, _ := testServer(t, config{maxBody: 200, maxBatch: 2, maxPost: 10})
	// A body of exactly max-body bytes is read.
	body := `{"text": "0123456789"}`
	body += strings.Repeat(" ", 200-len(body))
	require.Equal(t, http.StatusOK, post(s, body).status)
	require.Equal(t, http.StatusRequestEntityTooLarge, post(s, body+" ").status)
	// A post of exactly max-post bytes is classified.
	require.Equal(t, http.StatusOK, post(s, `{"text": "0123456789"}`).status)
	require.Equal(t, http.StatusRequestEntityTooLarge, post(s, `{"text": "0123456789a"}`).status)
	// max-post counts the bytes of the decoded text, not of its JSON.
	require.Equal(t, http.StatusOK, post(s, `{"text": "\u0628\u0628\u0628\u0628\u0628"}`).status)
	require.Equal(t, http.StatusOK, post(s, `{"posts": [{"text": "a"}, {"text": "b"}]}`).status)
	require.Equal(t, http.StatusRequestEntityTooLarge, post(s, `{"posts": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}`).status)
}

func TestBodyLimitWithoutContentLength(t *testing.T) {
	// A chunked body (no Content-Length) is cut at max-body too.
	s, _ := testServer(t, config{maxBody: 1 << 10})
	ts := httptest.NewServer(s)
	defer ts.Close()
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte(`{"text": "`))
		for range 100 {
			if _, err := pw.Write([]byte(strings.Repeat("x", 100))); err != nil {
				return // the server stopped reading: fine
			}
		}
		pw.Write([]byte(`"}`))
		pw.Close()
	}()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/v1/classify", pr)
	require.NoError(t, err)
	req.ContentLength = -1 // unknown: sent chunked
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	b, _ := io.ReadAll(resp.Body)
	require.Equal(t, "too_large", decodeObject(t, b)["code"])
	pr.CloseWithError(io.ErrClosedPipe)

	// A Content-Length above the limit is answered before the body is read.
	req = httptest.NewRequest(http.MethodPost, "/v1/classify", strings.NewReader("{}"))
	req.ContentLength = 2 << 10
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
}

func TestContentTypeIsNotChecked(t *testing.T) {
	s, _ := testServer(t, config{})
	for _, ct := range []string{"", "application/json", "text/plain", "application/x-www-form-urlencoded", "nonsense"} {
		req := httptest.NewRequest(http.MethodPost, "/v1/classify", strings.NewReader(`{"text": "فيزا بيلاروسيا"}`))
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		require.Equal(t, http.StatusOK, rec.Code, ct)
	}
}

func TestMethodsAndPaths(t *testing.T) {
	s, _ := testServer(t, config{})
	tests := []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/v1/classify", 405, "POST"},
		{"PUT", "/v1/classify", 405, "POST"},
		{"HEAD", "/v1/classify", 405, "POST"},
		{"POST", "/healthz", 405, "GET, HEAD"},
		{"DELETE", "/metrics", 405, "GET, HEAD"},
		{"GET", "/", 404, ""},
		{"POST", "/v1/classify/", 404, ""},
		{"POST", "/v2/classify", 404, ""},
		{"GET", "/healthz/x", 404, ""},
	}
	for _, tc := range tests {
		res := do(s, tc.method, tc.path, strings.NewReader(`{"text": "x"}`))
		require.Equal(t, tc.status, res.status, "%s %s", tc.method, tc.path)
		require.Equal(t, tc.allow, res.header.Get("Allow"), "%s %s", tc.method, tc.path)
		if tc.method == "HEAD" {
			continue
		}
		want := "not_found"
		if tc.status == 405 {
			want = "method_not_allowed"
		}
		require.Equal(t, want, res.object(t)["code"], "%s %s", tc.method, tc.path)
	}
}

func TestHealthz(t *testing.T) {
	s, _ := testServer(t, config{})
	res := do(s, "GET", "/healthz", nil)
	require.Equal(t, http.StatusOK, res.status)
	got := res.object(t)
	require.Equal(t, "ok", got["status"])
	require.Equal(t, s.clf.Model().NormalizerVersion(), got["model"])
	require.NotEmpty(t, got["model"])
	require.Equal(t, []any{"crossing", "other", "smuggling", "visa"}, got["labels"])
	require.Equal(t, http.StatusOK, do(s, "HEAD", "/healthz", nil).status)
}

func TestMetricsCountersChange(t *testing.T) {
	s, _ := testServer(t, config{})
	scrape := func() map[string]float64 {
		res := do(s, "GET", "/metrics", nil)
		require.Equal(t, http.StatusOK, res.status)
		require.Equal(t, "text/plain; version=0.0.4; charset=utf-8", res.header.Get("Content-Type"))
		return parseMetrics(t, string(res.body))
	}
	before := scrape()
	require.Equal(t, 0.0, before[`ghurbal_posts_classified_total`])
	require.Equal(t, 0.0, before[`ghurbal_posts_flagged_total{label="smuggling"}`])
	require.Equal(t, 0.0, before[`ghurbal_errors_total{code="bad_json"}`])
	require.Contains(t, before, `ghurbal_model_info{normalizer="ghurbal-normalize/1",lexicon="`+s.clf.Model().LexiconHash()+`"}`)
	require.NotContains(t, before, `ghurbal_posts_flagged_total{label="other"}`, "the negative label is never flagged")

	post(s, `{"text": "`+smugglingPost+`"}`)
	post(s, `{"posts": [{"text": "فيزا بيلاروسيا مع حجز فندق"}, {"text": "الجو حلو اليوم"}, {"text": ""}]}`)
	post(s, `nope`)
	do(s, "GET", "/nowhere", nil)
	do(s, "GET", "/v1/classify", nil)

	after := scrape()
	delta := func(series string) float64 { return after[series] - before[series] }
	assert.Equal(t, 2.0, delta(`ghurbal_http_requests_total{path="/v1/classify",code="200"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_http_requests_total{path="/v1/classify",code="400"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_http_requests_total{path="/v1/classify",code="405"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_http_requests_total{path="other",code="404"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_http_requests_total{path="/metrics",code="200"}`), "the first scrape")
	assert.Equal(t, 3.0, delta(`ghurbal_posts_classified_total`))
	assert.Equal(t, 1.0, delta(`ghurbal_posts_flagged_total{label="smuggling"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_posts_flagged_total{label="visa"}`))
	assert.Equal(t, 0.0, delta(`ghurbal_posts_flagged_total{label="crossing"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_errors_total{code="bad_json"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_errors_total{code="empty"}`), "per-post errors count")
	assert.Equal(t, 1.0, delta(`ghurbal_errors_total{code="not_found"}`))
	assert.Equal(t, 1.0, delta(`ghurbal_errors_total{code="method_not_allowed"}`))
	assert.Equal(t, 4.0, delta(`ghurbal_http_request_duration_seconds_count{path="/v1/classify"}`))
	assert.Positive(t, delta(`ghurbal_http_request_duration_seconds_sum{path="/v1/classify"}`))
	assert.Equal(t, 1.0, after[`ghurbal_http_requests_in_flight`], "the scrape itself")

	// The histogram is cumulative and ends at the count.
	prev := 0.0
	for _, le := range durationBuckets {
		v := after[fmt.Sprintf(`ghurbal_http_request_duration_seconds_bucket{path="/v1/classify",le="%s"}`, formatFloat(le))]
		assert.GreaterOrEqual(t, v, prev)
		prev = v
	}
	inf := after[`ghurbal_http_request_duration_seconds_bucket{path="/v1/classify",le="+Inf"}`]
	assert.GreaterOrEqual(t, inf, prev)
	assert.Equal(t, after[`ghurbal_http_request_duration_seconds_count{path="/v1/classify"}`], inf)
}

func TestHistogramBuckets(t *testing.T) {
	m := newMetrics([]string{"a"}, "", "v", "h")
	m.observe(routeClassify, 200, 500*time.Microsecond) // on a bound: le is inclusive
	m.observe(routeClassify, 200, 20*time.Second)       // past the last bound
	m.observe(routeClassify, 999, time.Millisecond)     // a status out of range does not panic
	var b bytes.Buffer
	m.write(&b)
	got := parseMetrics(t, b.String())
	require.Equal(t, 1.0, got[`ghurbal_http_request_duration_seconds_bucket{path="/v1/classify",le="0.0005"}`])
	require.Equal(t, 2.0, got[`ghurbal_http_request_duration_seconds_bucket{path="/v1/classify",le="10"}`])
	require.Equal(t, 3.0, got[`ghurbal_http_request_duration_seconds_bucket{path="/v1/classify",le="+Inf"}`])
	require.Equal(t, 1.0, got[`ghurbal_http_requests_total{path="/v1/classify",code="0"}`])
}

func TestWorkersBoundClassifications(t *testing.T) {
	s, _ := testServer(t, config{workers: 1})
	require.Equal(t, 1, cap(s.sem))
	// Hold the only slot: a request waits for it, and gives up with 503
	// when its client goes away.
	s.sem <- struct{}{}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := httptest.NewRequest(http.MethodPost, "/v1/classify", strings.NewReader(`{"text": "فيزا"}`)).WithContext(ctx)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	require.Equal(t, http.StatusServiceUnavailable, rec.Code)
	require.Equal(t, "unavailable", decodeObject(t, rec.Body.Bytes())["code"])

	// Once the slot is free, a waiting request goes on.
	done := make(chan int)
	go func() { done <- post(s, `{"text": "فيزا"}`).status }()
	select {
	case <-done:
		t.Fatal("a request classified without a free slot")
	case <-time.After(50 * time.Millisecond):
	}
	<-s.sem
	require.Equal(t, http.StatusOK, <-done)
}

func TestFlags(t *testing.T) {
	var stderr strings.Builder
	c, err := parseFlags([]string{"-addr", "127.0.0.1:0", "-max-body", "10", "-max-batch", "2", "-max-post", "3",
		"-workers", "5", "-read-timeout", "1s", "-write-timeout", "2s", "-idle-timeout", "3s", "-shutdown-timeout", "4s"}, &stderr)
	require.NoError(t, err)
	require.Equal(t, config{addr: "127.0.0.1:0", maxBody: 10, maxBatch: 2, maxPost: 3, workers: 5,
		readTimeout: time.Second, writeTimeout: 2 * time.Second, idleTimeout: 3 * time.Second,
		shutdownTimeout: 4 * time.Second, logFormat: "json"}, c)

	for _, args := range [][]string{
		{"-workers", "0"}, {"-max-body", "0"}, {"-max-batch", "-1"}, {"-read-timeout", "0s"},
		{"-log-format", "xml"}, {"-nope"}, {"extra"},
	} {
		var stdout, stderr strings.Builder
		require.Equal(t, 2, run(context.Background(), args, &stdout, &stderr), "%q", args)
		require.NotEmpty(t, stderr.String())
	}
	var stdout, stderr2 strings.Builder
	require.Equal(t, 1, run(context.Background(), []string{"-model", "/nonexistent/model.nb"}, &stdout, &stderr2))
	require.Contains(t, stderr2.String(), "nonexistent")
}

func TestSlowBodyTimesOut(t *testing.T) {
	s, _ := testServer(t, config{})
	ts := httptest.NewUnstartedServer(s)
	ts.Config.ReadTimeout = 200 * time.Millisecond
	ts.Start()
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	// Half a body, then nothing: the read deadline ends the wait.
	fmt.Fprintf(conn, "POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"text\": ")
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	require.Equal(t, http.StatusRequestTimeout, res.StatusCode, "%s", b)
	require.Equal(t, "timeout", decodeObject(t, b)["code"])
}
