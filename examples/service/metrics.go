package main

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// The routes, for metrics and access logs. Every path the service does not
// serve is routeOther, so neither a metric label nor a log line ever holds
// a path a client made up.
type route int

const (
	routeClassify route = iota
	routeHealthz
	routeMetrics
	routeOther
	numRoutes
)

var routeNames = [numRoutes]string{"/v1/classify", "/healthz", "/metrics", "other"}

func routeOf(path string) route {
	switch path {
	case "/v1/classify":
		return routeClassify
	case "/healthz":
		return routeHealthz
	case "/metrics":
		return routeMetrics
	}
	return routeOther
}

// The error codes, request-level and per-post.
const (
	codeBadJSON          = "bad_json"
	codeNoText           = "no_text"
	codeEmpty            = "empty"
	codeTooLong          = "too_long"
	codeTooLarge         = "too_large"
	codeBatchTooLarge    = "batch_too_large"
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeTimeout          = "timeout"
	codeReadFailed       = "read_failed"
	codeUnavailable      = "unavailable"
	codeInternal         = "internal"
)

var allCodes = []string{
	codeBadJSON, codeNoText, codeEmpty, codeTooLong, codeTooLarge, codeBatchTooLarge,
	codeNotFound, codeMethodNotAllowed, codeTimeout, codeReadFailed, codeUnavailable, codeInternal,
}

// durationBuckets are the upper bounds, in seconds, of the latency histogram.
var durationBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

const maxStatus = 600

// metrics are lock-free counters: every field is fixed at construction and
// only its atomics change, so recording never contends on a lock.
type metrics struct {
	requests [numRoutes][maxStatus]atomic.Uint64
	buckets  [numRoutes][]atomic.Uint64 // per bucket (not cumulative); the last is +Inf
	sumNanos [numRoutes]atomic.Uint64
	inFlight atomic.Int64
	posts    atomic.Uint64
	flagged  map[string]*atomic.Uint64 // by label; read-only map
	errors   map[string]*atomic.Uint64 // by code; read-only map
	labels   []string                  // flaggable labels, sorted
	info     string                    // the ghurbal_model_info line
}

func newMetrics(labels []string, negative, normalizer, lexiconHash string) *metrics {
	m := &metrics{flagged: map[string]*atomic.Uint64{}, errors: map[string]*atomic.Uint64{}}
	for i := range m.buckets {
		m.buckets[i] = make([]atomic.Uint64, len(durationBuckets)+1)
	}
	for _, l := range labels {
		if l != negative {
			m.flagged[l] = new(atomic.Uint64)
			m.labels = append(m.labels, l)
		}
	}
	slices.Sort(m.labels)
	for _, c := range allCodes {
		m.errors[c] = new(atomic.Uint64)
	}
	m.info = fmt.Sprintf("ghurbal_model_info{normalizer=\"%s\",lexicon=\"%s\"} 1\n", escapeLabel(normalizer), escapeLabel(lexiconHash))
	return m
}

func (m *metrics) observe(rt route, status int, d time.Duration) {
	if status < 0 || status >= maxStatus {
		status = 0
	}
	m.requests[rt][status].Add(1)
	s := d.Seconds()
	i, _ := slices.BinarySearch(durationBuckets, s) // first bound >= s: le is inclusive
	m.buckets[rt][i].Add(1)
	m.sumNanos[rt].Add(uint64(max(d, 0)))
}

func (m *metrics) error(code string) {
	if c, ok := m.errors[code]; ok {
		c.Add(1)
	}
}

func (m *metrics) classified(label string, flagged bool) {
	m.posts.Add(1)
	if flagged {
		if c, ok := m.flagged[label]; ok {
			c.Add(1)
		}
	}
}

// write writes the metrics in the Prometheus text exposition format 0.0.4.
func (m *metrics) write(b *bytes.Buffer) {
	b.WriteString("# HELP ghurbal_http_requests_total HTTP requests by path and status code.\n")
	b.WriteString("# TYPE ghurbal_http_requests_total counter\n")
	for rt := range numRoutes {
		for status := range maxStatus {
			if n := m.requests[rt][status].Load(); n > 0 {
				fmt.Fprintf(b, "ghurbal_http_requests_total{path=%q,code=\"%d\"} %d\n", routeNames[rt], status, n)
			}
		}
	}

	b.WriteString("# HELP ghurbal_http_request_duration_seconds Time from the start of a request's handling to the end of its response.\n")
	b.WriteString("# TYPE ghurbal_http_request_duration_seconds histogram\n")
	for rt := range numRoutes {
		// The count is the buckets' sum, so a scrape during requests is
		// consistent.
		var cum uint64
		for i, le := range durationBuckets {
			cum += m.buckets[rt][i].Load()
			fmt.Fprintf(b, "ghurbal_http_request_duration_seconds_bucket{path=%q,le=%q} %d\n", routeNames[rt], formatFloat(le), cum)
		}
		cum += m.buckets[rt][len(durationBuckets)].Load()
		sum := time.Duration(m.sumNanos[rt].Load()).Seconds()
		fmt.Fprintf(b, "ghurbal_http_request_duration_seconds_bucket{path=%q,le=\"+Inf\"} %d\n", routeNames[rt], cum)
		fmt.Fprintf(b, "ghurbal_http_request_duration_seconds_sum{path=%q} %s\n", routeNames[rt], formatFloat(sum))
		fmt.Fprintf(b, "ghurbal_http_request_duration_seconds_count{path=%q} %d\n", routeNames[rt], cum)
	}

	b.WriteString("# HELP ghurbal_http_requests_in_flight Requests being handled now.\n")
	b.WriteString("# TYPE ghurbal_http_requests_in_flight gauge\n")
	fmt.Fprintf(b, "ghurbal_http_requests_in_flight %d\n", m.inFlight.Load())

	b.WriteString("# HELP ghurbal_posts_classified_total Posts classified.\n")
	b.WriteString("# TYPE ghurbal_posts_classified_total counter\n")
	fmt.Fprintf(b, "ghurbal_posts_classified_total %d\n", m.posts.Load())

	b.WriteString("# HELP ghurbal_posts_flagged_total Posts flagged, by label.\n")
	b.WriteString("# TYPE ghurbal_posts_flagged_total counter\n")
	for _, l := range m.labels {
		fmt.Fprintf(b, "ghurbal_posts_flagged_total{label=\"%s\"} %d\n", escapeLabel(l), m.flagged[l].Load())
	}

	b.WriteString("# HELP ghurbal_errors_total Errors answered, request-level and per post, by code.\n")
	b.WriteString("# TYPE ghurbal_errors_total counter\n")
	for _, c := range slices.Sorted(maps.Keys(m.errors)) {
		fmt.Fprintf(b, "ghurbal_errors_total{code=%q} %d\n", c, m.errors[c].Load())
	}

	b.WriteString("# HELP ghurbal_model_info The model being served.\n")
	b.WriteString("# TYPE ghurbal_model_info gauge\n")
	b.WriteString(m.info)
}

// escapeLabel escapes a label value for the text format: backslash, double
// quote and newline. (The %q used for fixed ASCII values agrees with it.)
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
