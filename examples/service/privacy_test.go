package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// The access log may hold these keys and no others.
var logKeys = []string{"time", "level", "msg", "method", "path", "status", "bytes", "duration", "posts", "flagged", "post_errors"}

// TestLogsHoldNoPostData sends posts with a phone number, a handle, an id
// and Arabic text, in every place a request can carry them (the body of good
// and bad requests, the path, the query), and checks that none of them
// reaches the logs.
func TestLogsHoldNoPostData(t *testing.T) {
	const (
		phone  = "+375291234567"
		handle = "abu_smuggler_77"
		id     = "secret-id-42"
		arabic = "مهرب موجود على حدود بولندا"
	)
	text := arabic + " واتساب " + phone + " تلغرام @" + handle
	s, logs := testServer(t, config{maxPost: 1000, maxBatch: 4})
	one := string(mustJSON(t, map[string]any{"id": id, "text": text}))
	requests := []struct {
		method, path, body string
		status             int
	}{
		{"POST", "/v1/classify", one, 200},
		{"POST", "/v1/classify", `{"id": "` + id + `", "text": "` + text + `", "explain": true}`, 200},
		{"POST", "/v1/classify", `{"posts": [` + one + `, {"id": "` + id + `"}, {"id": "` + id + `", "text": "` + strings.Repeat(text, 20) + `"}], "explain": true}`, 200},
		{"POST", "/v1/classify", `{"id": "` + id + `", "text": "` + strings.Repeat(text, 20) + `"}`, 413},
		{"POST", "/v1/classify", `{"id": "` + id + `", "text": 1, "note": "` + text + `"}`, 400},
		{"POST", "/v1/classify", `{"id": "` + id + `", "text": "` + text + `"`, 400},
		{"POST", "/v1/classify", `{"posts": [1,2,3,4,5], "x": "` + text + `"}`, 413},
		{"POST", "/v1/classify?phone=" + url.QueryEscape(phone) + "&handle=" + handle + "&id=" + id, one, 200},
		{"GET", "/v1/classify?text=" + url.QueryEscape(text), "", 405},
		{"GET", "/" + url.PathEscape(phone) + "/" + handle + "/" + id + "/" + url.PathEscape(arabic), "", 404},
		{"GET", "/healthz?" + id, "", 200},
	}
	for _, r := range requests {
		res := do(s, r.method, r.path, strings.NewReader(r.body))
		require.Equal(t, r.status, res.status, "%s %s: %s", r.method, r.path, res.body)
	}
	// The classified responses do carry the data (the test would prove
	// nothing otherwise).
	require.Contains(t, string(post(s, one).body), phone)
	require.Contains(t, string(post(s, one).body), handle)

	out := logs.String()
	require.NotEmpty(t, out)
	for _, secret := range []string{phone, "375291234567", "291234567", handle, id, "secret", "smuggler"} {
		require.NotContains(t, out, secret)
	}
	require.False(t, strings.ContainsFunc(out, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }), "Arabic text in the logs:\n%s", out)
	require.NotContains(t, strings.ToLower(out), `\u06`, "escaped Arabic text in the logs")

	// One record per request, with the allowed keys only.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, len(requests)+2)
	for _, line := range lines {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		for k := range rec {
			require.True(t, slices.Contains(logKeys, k), "log key %q", k)
		}
		require.Equal(t, "request", rec["msg"])
		require.Contains(t, []any{"/v1/classify", "/healthz", "/metrics", "other"}, rec["path"])
	}
	var first map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.Equal(t, "POST", first["method"])
	require.EqualValues(t, http.StatusOK, first["status"])
	require.EqualValues(t, 1, first["posts"])
	require.EqualValues(t, 1, first["flagged"])
	require.Positive(t, first["bytes"])
	require.Positive(t, first["duration"])
}

func TestUnknownMethodIsNotLogged(t *testing.T) {
	s, logs := testServer(t, config{})
	res := do(s, "X375291234567", "/v1/classify", nil)
	require.Equal(t, http.StatusMethodNotAllowed, res.status)
	require.NotContains(t, logs.String(), "375291234567")
	require.Contains(t, logs.String(), `"method":"OTHER"`)
}
