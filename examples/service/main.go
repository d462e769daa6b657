// Command service is ghurbal behind an HTTP JSON API: a production-shaped
// example to copy into a Go service that classifies posts.
//
//	go run ./examples/service                          # embedded model and lexicon, 127.0.0.1:8080
//	go run ./examples/service -addr 127.0.0.1:0 -workers 4 -model model.nb
//
//	curl -s localhost:8080/v1/classify -d '{"id":"p1","text":"طريق مضمون لالمانيا واتساب +375290001234"}'
//	curl -s localhost:8080/v1/classify -d '{"posts":[{"id":1,"text":"…"},{"id":2,"text":"…"}],"explain":true}'
//	curl -s localhost:8080/healthz
//	curl -s localhost:8080/metrics
//
// # Endpoints
//
// POST /v1/classify takes one post or a batch:
//
//	{"id": <any JSON value, optional>, "text": "…", "explain": false}
//	{"posts": [{"id": …, "text": "…"}, …], "explain": false}
//
// For one post it answers 200 with the object examples/triage writes for a
// line, without "line": id (when given), label, flagged, scores, hits
// [{category, term, start, end}], signals {phones, prices, handles, urls,
// locations} (arrays always present, possibly empty; offsets are bytes into
// the decoded text) and, with "explain": true, explain [{feature, label,
// weight}]. For a batch it answers 200 with {"results": [...]}, one object per
// post in request order; a post that cannot be used gets, in its place,
// {"id": …, "error": "…", "code": "no_text|empty|too_long"}. Batch posts
// are classified one after another on the request's goroutine; concurrency
// comes from concurrent requests, bounded by -workers.
//
// # Errors
//
// Every error is JSON, {"error": "human-readable message", "code": "…"}
// (with "id" too for a single post's error, when it had one):
//
//	status code             when
//	400    bad_json         the body is not one JSON object, or "posts" is not an array,
//	                        or "explain" is not a boolean, or both "text" and "posts" are given
//	400    no_text          single post: no "text" field, or "text" is not a string
//	400    empty            single post: "text" is empty or only white space
//	413    too_long         single post: "text" is longer than -max-post bytes (decoded)
//	413    too_large        the body is longer than -max-body bytes
//	413    batch_too_large  "posts" has more than -max-batch posts
//	408    timeout          the body did not arrive within -read-timeout
//	400    read_failed      the body could not be read (the connection broke)
//	404    not_found        a path other than the three served ("/v1/classify/" too)
//	405    method_not_allowed  a method the path does not take (the Allow header lists those it does)
//	503    unavailable      classifying ran past -write-timeout (waiting for a worker included), or the client went away
//	500    internal         a bug (a recovered panic)
//
// In a batch, no_text, empty and too_long are per-post errors (the request
// still answers 200); an element that is not a JSON object is no_text.
// The Content-Type of a request is not checked: a body that is JSON is
// accepted whatever its type says (clients and proxies get it wrong too
// often for a check to help). Unknown fields are ignored and field names
// match case-insensitively (encoding/json). Invalid UTF-8 in a JSON string
// is decoded as U+FFFD, so it never reaches the classifier.
//
// GET /healthz answers {"status": "ok", "model": <normalizer version the
// model was trained with>, "labels": [...]}.
//
// GET /metrics answers counters in the Prometheus text format (written by
// hand, no client library): ghurbal_http_requests_total{path,code},
// ghurbal_http_request_duration_seconds{path} (histogram),
// ghurbal_http_requests_in_flight, ghurbal_posts_classified_total,
// ghurbal_posts_flagged_total{label}, ghurbal_errors_total{code} (request
// and per-post errors) and ghurbal_model_info{normalizer,lexicon}. Paths
// other than the three served are counted as path="other", so a scanner
// cannot blow up the label cardinality.
//
// GET endpoints also answer HEAD.
//
// # Flags
//
//	-addr              listen address (default 127.0.0.1:8080; use :8080 to listen on every interface)
//	-model, -lexicon   model file and lexicon directory (default: the embedded ones)
//	-max-body          largest request body in bytes (default 1 MiB)
//	-max-batch         most posts in a batch (default 256)
//	-max-post          longest post text in bytes (default 64 KiB)
//	-workers           most classifications running at once (default GOMAXPROCS)
//	-read-timeout      http.Server.ReadTimeout, headers and body (default 10s)
//	-write-timeout     http.Server.WriteTimeout, and the deadline of the classification work (default 30s)
//	-idle-timeout      http.Server.IdleTimeout for keep-alive connections (default 60s)
//	-shutdown-timeout  how long SIGTERM/SIGINT waits for in-flight requests (default 15s)
//	-log-format        json or text (default json)
//
// # Running it
//
// When it is listening it writes one line to stdout, the URL it serves (so
// -addr 127.0.0.1:0 can be used by scripts), and logs to stderr with
// log/slog: one access-log record ("msg":"request") per request with
// method, path, status, bytes (of the response), duration (nanoseconds in
// the JSON format), posts (classified), flagged and post_errors, and
// nothing else. It never logs post
// text, ids, query strings, phone numbers or handles; a path it does not
// serve is logged as "other" because a path can carry them too.
//
// On SIGTERM or SIGINT it stops accepting connections, lets in-flight
// requests finish (for up to -shutdown-timeout) and exits 0; a second
// signal kills it at once. Exit status: 0 after a clean shutdown, 1 when the
// model or lexicon cannot be loaded, the address cannot be listened on, or
// in-flight requests outlive -shutdown-timeout, 2 for a usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/ghurbal/ghurbal/classify"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	// After the first signal, restore the default behaviour: a second one
	// kills the process without waiting for the graceful shutdown.
	context.AfterFunc(ctx, stop)
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// config holds the flags. newServer reads the limits and the worker count;
// a zero limit means its default.
type config struct {
	addr            string
	modelFile       string
	lexDir          string
	maxBody         int64
	maxBatch        int
	maxPost         int
	workers         int
	readTimeout     time.Duration
	writeTimeout    time.Duration
	idleTimeout     time.Duration
	shutdownTimeout time.Duration
	logFormat       string
}

func defaultConfig() config {
	return config{
		addr:            "127.0.0.1:8080",
		maxBody:         1 << 20,
		maxBatch:        256,
		maxPost:         64 << 10,
		workers:         runtime.GOMAXPROCS(0),
		readTimeout:     10 * time.Second,
		writeTimeout:    30 * time.Second,
		idleTimeout:     60 * time.Second,
		shutdownTimeout: 15 * time.Second,
		logFormat:       "json",
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	c := defaultConfig()
	fs := flag.NewFlagSet("service", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", c.addr, "listen address (host:port; port 0 picks a free one)")
	fs.StringVar(&c.modelFile, "model", "", "model file (default: the embedded model)")
	fs.StringVar(&c.lexDir, "lexicon", "", "lexicon directory (default: the embedded lexicon)")
	fs.Int64Var(&c.maxBody, "max-body", c.maxBody, "largest request body in bytes (413 too_large)")
	fs.IntVar(&c.maxBatch, "max-batch", c.maxBatch, "most posts in a batch (413 batch_too_large)")
	fs.IntVar(&c.maxPost, "max-post", c.maxPost, "longest post text in bytes (too_long)")
	fs.IntVar(&c.workers, "workers", c.workers, "most classifications running at once")
	fs.DurationVar(&c.readTimeout, "read-timeout", c.readTimeout, "time to read a request's headers and body")
	fs.DurationVar(&c.writeTimeout, "write-timeout", c.writeTimeout, "time from the end of a request's headers to the end of its response")
	fs.DurationVar(&c.idleTimeout, "idle-timeout", c.idleTimeout, "how long a keep-alive connection may wait for its next request")
	fs.DurationVar(&c.shutdownTimeout, "shutdown-timeout", c.shutdownTimeout, "how long a shutdown waits for in-flight requests")
	fs.StringVar(&c.logFormat, "log-format", c.logFormat, "log format: json or text")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case fs.NArg() > 0:
		return c, fmt.Errorf("service: unexpected arguments %q", fs.Args())
	case c.maxBody < 1 || c.maxBatch < 1 || c.maxPost < 1:
		return c, errors.New("service: -max-body, -max-batch and -max-post must be positive")
	case c.workers < 1 || c.workers > 4096:
		return c, errors.New("service: -workers must be between 1 and 4096")
	case c.readTimeout <= 0 || c.writeTimeout <= 0 || c.idleTimeout <= 0 || c.shutdownTimeout <= 0:
		return c, errors.New("service: timeouts must be positive")
	case c.logFormat != "json" && c.logFormat != "text":
		return c, fmt.Errorf("service: -log-format must be json or text, not %q", c.logFormat)
	}
	return c, nil
}

// run serves until ctx is cancelled, then shuts down gracefully. It returns
// the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, err)
		}
		return 2
	}
	var h slog.Handler = slog.NewJSONHandler(stderr, nil)
	if cfg.logFormat == "text" {
		h = slog.NewTextHandler(stderr, nil)
	}
	logger := slog.New(h)

	clf, err := loadClassifier(cfg)
	if err != nil {
		logger.Error("cannot load the classifier", "err", err)
		return 1
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		logger.Error("cannot listen", "err", err)
		return 1
	}
	srv := &http.Server{
		Handler:           newServer(clf, cfg, logger),
		ReadHeaderTimeout: cfg.readTimeout,
		ReadTimeout:       cfg.readTimeout,
		WriteTimeout:      cfg.writeTimeout,
		IdleTimeout:       cfg.idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(h, slog.LevelWarn),
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	url := "http://" + ln.Addr().String()
	logger.Info("listening", "url", url, "model", clf.Model().NormalizerVersion(),
		"workers", cfg.workers, "max_body", cfg.maxBody, "max_batch", cfg.maxBatch, "max_post", cfg.maxPost)
	fmt.Fprintln(stdout, url)

	select {
	case err := <-serveErr: // Serve failed before any shutdown
		logger.Error("serve", "err", err)
		return 1
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", cfg.shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		logger.Error("in-flight requests did not finish in time; closing their connections", "err", err)
		srv.Close()
		return 1
	}
	if err := <-serveErr; err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("serve", "err", err)
		return 1
	}
	logger.Info("stopped")
	return 0
}

func loadClassifier(c config) (*classify.Classifier, error) {
	return classify.Load(c.modelFile, c.lexDir)
}
