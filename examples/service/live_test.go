package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ghurbal/ghurbal/classify"
	"github.com/stretchr/testify/require"
)

// lineWriter hands the first line written to it to a channel: run writes
// the URL it serves as its first line of stdout.
type lineWriter struct {
	mu   sync.Mutex
	buf  []byte
	sent bool
	line chan string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if i := bytes.IndexByte(w.buf, '\n'); i >= 0 && !w.sent {
		w.sent = true
		w.line <- string(w.buf[:i])
	}
	return len(p), nil
}

// startService runs run() on 127.0.0.1:0 and returns its URL, the cancel
// that shuts it down, and a channel with its exit status.
func startService(t *testing.T, stderr io.Writer, args ...string) (string, context.CancelFunc, <-chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout := &lineWriter{line: make(chan string, 1)}
	exit := make(chan int, 1)
	go func() { exit <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), stdout, stderr) }()
	select {
	case u := <-stdout.line:
		pu, err := url.Parse(u)
		require.NoError(t, err)
		host, _, err := net.SplitHostPort(pu.Host)
		require.NoError(t, err)
		require.Equal(t, "127.0.0.1", host, "loopback only")
		return u, cancel, exit
	case code := <-exit:
		cancel()
		t.Fatalf("run exited with %d before listening", code)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("the service did not start listening")
	}
	return "", nil, nil
}

// TestLoadAndGracefulShutdown runs the real server on a loopback listener
// under concurrent load, checks every answer against a sequential
// classification, then shuts it down while a slow request is in flight.
func TestLoadAndGracefulShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	clients, perClient := 50, 200
	if raceEnabled {
		clients, perClient = 10, 50
	}
	posts := samplePosts(t)
	want := make(map[string]string, len(posts)) // id → label, classified one after another
	for _, p := range posts {
		want[p.ID] = classify.Default().Classify(p.Text).Label
	}

	stderr := &syncBuffer{}
	base, cancel, exit := startService(t, stderr,
		"-read-timeout", "10s", "-write-timeout", "10s", "-shutdown-timeout", "10s")
	defer cancel()

	tr := &http.Transport{Proxy: nil, MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	var (
		mu        sync.Mutex
		failures  []string
		latencies []time.Duration
		postsSent int
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 10 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 42))
			lat := make([]time.Duration, 0, perClient)
			sent := 0
			for range perClient {
				// Half single posts, half batches of 2 to 5.
				n := 1
				if rng.IntN(2) == 1 {
					n = 2 + rng.IntN(4)
				}
				batch := make([]samplePost, n)
				for i := range batch {
					batch[i] = posts[rng.IntN(len(posts))]
				}
				var body []byte
				if n == 1 {
					body, _ = json.Marshal(batch[0])
				} else {
					body, _ = json.Marshal(map[string]any{"posts": batch})
				}
				t0 := time.Now()
				resp, err := client.Post(base+"/v1/classify", "application/json", bytes.NewReader(body))
				if err != nil {
					fail("request: %v", err)
					continue
				}
				data, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				lat = append(lat, time.Since(t0))
				if err != nil || resp.StatusCode != http.StatusOK {
					fail("status %d, %v: %s", resp.StatusCode, err, data)
					continue
				}
				type result struct{ ID, Label string }
				var got []result
				if n == 1 {
					var r result
					err = json.Unmarshal(data, &r)
					got = []result{r}
				} else {
					var rs struct{ Results []result }
					err = json.Unmarshal(data, &rs)
					got = rs.Results
				}
				if err != nil || len(got) != n {
					fail("bad response %s: %v", data, err)
					continue
				}
				for i, r := range got {
					if r.ID != batch[i].ID || r.Label != want[r.ID] {
						fail("post %d: got %s=%s, want %s=%s", i, r.ID, r.Label, batch[i].ID, want[batch[i].ID])
					}
				}
				sent += n
			}
			mu.Lock()
			latencies = append(latencies, lat...)
			postsSent += sent
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	require.Empty(t, failures)
	requests := clients * perClient
	require.Len(t, latencies, requests)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d clients × %d requests (%d posts) in %v: %.0f requests/s, %.0f posts/s; latency p50 %v, p99 %v, max %v (race detector: %v)",
		clients, perClient, postsSent, elapsed.Round(time.Millisecond),
		float64(requests)/elapsed.Seconds(), float64(postsSent)/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), latencies[len(latencies)-1].Round(time.Microsecond), raceEnabled)

	// The server counted what the clients sent.
	resp, err := client.Get(base + "/metrics")
	require.NoError(t, err)
	text, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := parseMetrics(t, string(text))
	require.Equal(t, float64(requests), m[`ghurbal_http_requests_total{path="/v1/classify",code="200"}`])
	require.Equal(t, float64(postsSent), m[`ghurbal_posts_classified_total`])
	tr.CloseIdleConnections()

	// Graceful shutdown: a request whose body is still on its way when the
	// shutdown starts is answered in full, and then run returns 0.
	slow := posts[0]
	body, _ := json.Marshal(slow)
	addr := strings.TrimPrefix(base, "http://")
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(15*time.Second)))
	fmt.Fprintf(conn, "POST /v1/classify HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n", addr, len(body))
	br := bufio.NewReader(conn)
	// The server says 100 Continue when the handler starts reading the
	// body: from then on the request is in flight.
	status, err := br.ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "HTTP/1.1 100 Continue\r\n", status)
	blank, err := br.ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "\r\n", blank)

	cancel()
	// The listener closes: new connections are refused...
	require.Eventually(t, func() bool {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err != nil
	}, 5*time.Second, 10*time.Millisecond, "the listener still accepts after the shutdown began")
	// ...while the request in flight keeps run from returning.
	for i := 0; i < len(body); i += len(body)/5 + 1 {
		select {
		case code := <-exit:
			t.Fatalf("run returned %d with a request in flight", code)
		case <-time.After(50 * time.Millisecond):
		}
		_, err := conn.Write(body[i:min(i+len(body)/5+1, len(body))])
		require.NoError(t, err)
	}
	res, err := http.ReadResponse(br, nil)
	require.NoError(t, err)
	data, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode, "%s", data)
	got := decodeObject(t, data)
	require.Equal(t, slow.ID, got["id"])
	require.Equal(t, want[slow.ID], got["label"])

	select {
	case code := <-exit:
		require.Equal(t, 0, code, "stderr:\n%s", stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the in-flight request finished")
	}
	logs := stderr.String()
	require.Contains(t, logs, `"msg":"shutting down"`)
	require.Contains(t, logs, `"msg":"stopped"`)
	// The access logs of the whole load hold no post data either.
	for _, p := range posts {
		require.NotContains(t, logs, p.Text)
		require.NotContains(t, logs, `"`+p.ID+`"`)
	}
}

func TestShutdownTimeoutExitsOne(t *testing.T) {
	stderr := &syncBuffer{}
	base, cancel, exit := startService(t, stderr, "-shutdown-timeout", "100ms", "-read-timeout", "10s")
	defer cancel()
	// A request whose body never comes keeps the shutdown waiting past its
	// timeout: run closes the connection and reports failure.
	addr := strings.TrimPrefix(base, "http://")
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/classify HTTP/1.1\r\nHost: %s\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n", addr)
	status, err := bufio.NewReader(conn).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "HTTP/1.1 100 Continue\r\n", status)
	cancel()
	select {
	case code := <-exit:
		require.Equal(t, 1, code)
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the shutdown timeout")
	}
	require.Contains(t, stderr.String(), "did not finish in time")
}
