package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/ghurbal/ghurbal/classify"
)

// server is the service's http.Handler.
type server struct {
	clf     *classify.Classifier
	cfg     config
	log     *slog.Logger
	metrics *metrics
	sem     chan struct{} // a slot per classification running
	scratch sync.Pool     // *scratch
	health  []byte        // the /healthz body, fixed
}

// scratch is what one request reuses from the last: the classify.Result
// (whose map and slices ClassifyInto reuses), the body and response
// buffers and the JSON encoder writing into the response buffer.
type scratch struct {
	res   classify.Result
	hits  []outHit
	body  bytes.Buffer
	out   bytes.Buffer
	enc   *json.Encoder
	posts []json.RawMessage
}

// maxPooled bounds the buffers a pooled scratch keeps, so one huge request
// does not pin its memory for the following small ones.
const maxPooled = 4 << 20

// newServer returns the service's handler for clf. Zero limits and worker
// count in cfg take their defaults. Access logs go to logger.
func newServer(clf *classify.Classifier, cfg config, logger *slog.Logger) http.Handler {
	def := defaultConfig()
	if cfg.maxBody <= 0 {
		cfg.maxBody = def.maxBody
	}
	if cfg.maxBatch <= 0 {
		cfg.maxBatch = def.maxBatch
	}
	if cfg.maxPost <= 0 {
		cfg.maxPost = def.maxPost
	}
	if cfg.workers <= 0 {
		cfg.workers = runtime.GOMAXPROCS(0)
	}
	if cfg.writeTimeout <= 0 {
		cfg.writeTimeout = def.writeTimeout
	}
	m := clf.Model()
	s := &server{
		clf:     clf,
		cfg:     cfg,
		log:     logger,
		metrics: newMetrics(clf.Labels(), m.Settings().Negative, m.NormalizerVersion(), m.LexiconHash()),
		sem:     make(chan struct{}, cfg.workers),
	}
	s.scratch.New = func() any {
		sc := &scratch{}
		sc.enc = json.NewEncoder(&sc.out)
		return sc
	}
	s.health, _ = json.Marshal(struct {
		Status string   `json:"status"`
		Model  string   `json:"model"`
		Labels []string `json:"labels"`
	}{"ok", m.NormalizerVersion(), clf.Labels()})
	return s
}

// recorder remembers what the access log and the metrics need of a
// response, and the post counts the handler reports.
type recorder struct {
	http.ResponseWriter
	status                     int
	bytes                      int64
	posts, flagged, postErrors int
}

func (w *recorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.inFlight.Add(1)
	defer s.metrics.inFlight.Add(-1)
	rt := routeOf(r.URL.Path)
	rw := &recorder{ResponseWriter: w}
	s.serve(rw, r, rt)
	d := time.Since(start)
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	s.metrics.observe(rt, rw.status, d)
	// The access log: never the text, the id, the query string or a path
	// the service does not serve. Each of them can carry a phone number or
	// a handle.
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", logMethod(r.Method)),
		slog.String("path", routeNames[rt]),
		slog.Int("status", rw.status),
		slog.Int64("bytes", rw.bytes),
		slog.Duration("duration", d),
		slog.Int("posts", rw.posts),
		slog.Int("flagged", rw.flagged),
		slog.Int("post_errors", rw.postErrors),
	)
}

func (s *server) serve(w *recorder, r *http.Request, rt route) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		// A runtime error's message holds no request data; any other
		// panic value might, so only its type is logged.
		what := fmt.Sprintf("%T", v)
		if re, ok := v.(runtime.Error); ok {
			what = re.Error()
		}
		s.log.Error("panic serving a request", "path", routeNames[rt], "panic", what)
		if w.status == 0 {
			s.writeError(w, http.StatusInternalServerError, nil, "internal error", codeInternal)
		}
	}()
	switch rt {
	case routeClassify:
		if r.Method != http.MethodPost {
			s.methodNotAllowed(w, "POST")
			return
		}
		s.classify(w, r)
	case routeHealthz:
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.methodNotAllowed(w, "GET, HEAD")
			return
		}
		writeJSON(w, http.StatusOK, s.health)
	case routeMetrics:
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.methodNotAllowed(w, "GET, HEAD")
			return
		}
		var b bytes.Buffer
		s.metrics.write(&b)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		w.Write(b.Bytes())
	default:
		s.writeError(w, http.StatusNotFound, nil, "not found: the service serves POST /v1/classify, GET /healthz and GET /metrics", codeNotFound)
	}
}

func (s *server) methodNotAllowed(w *recorder, allow string) {
	w.Header().Set("Allow", allow)
	s.writeError(w, http.StatusMethodNotAllowed, nil, "method not allowed: use "+allow, codeMethodNotAllowed)
}

// request is the body of POST /v1/classify: one post (id, text) or a
// batch (posts). Raw fields let it tell a missing field from a null or a
// value of the wrong type.
type request struct {
	ID      json.RawMessage `json:"id"`
	Text    json.RawMessage `json:"text"`
	Posts   json.RawMessage `json:"posts"`
	Explain bool            `json:"explain"`
}

// batchPost is one element of a batch.
type batchPost struct {
	ID   json.RawMessage `json:"id"`
	Text json.RawMessage `json:"text"`
}

func (s *server) classify(w *recorder, r *http.Request) {
	if r.ContentLength > s.cfg.maxBody {
		s.writeError(w, http.StatusRequestEntityTooLarge, nil, s.tooLargeMsg(), codeTooLarge)
		return
	}
	sc := s.scratch.Get().(*scratch)
	defer s.putScratch(sc)

	sc.body.Reset()
	if _, err := sc.body.ReadFrom(http.MaxBytesReader(w.ResponseWriter, r.Body, s.cfg.maxBody)); err != nil {
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			s.writeError(w, http.StatusRequestEntityTooLarge, nil, s.tooLargeMsg(), codeTooLarge)
		case errors.Is(err, os.ErrDeadlineExceeded):
			s.writeError(w, http.StatusRequestTimeout, nil, "the body was not received within the read timeout", codeTimeout)
		default:
			s.writeError(w, http.StatusBadRequest, nil, "cannot read the body", codeReadFailed)
		}
		return
	}
	body := bytes.TrimLeft(sc.body.Bytes(), " \t\r\n")
	if len(body) == 0 || body[0] != '{' {
		s.writeError(w, http.StatusBadRequest, nil, `the body must be a JSON object: {"text": …} or {"posts": […]}`, codeBadJSON)
		return
	}
	var req request
	if err := json.Unmarshal(body, &req); err != nil {
		s.writeError(w, http.StatusBadRequest, nil, "bad JSON: "+strings.TrimPrefix(err.Error(), "json: "), codeBadJSON)
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.writeTimeout)
	defer cancel()
	if req.Posts == nil {
		s.classifyOne(ctx, w, sc, &req)
		return
	}
	if req.Text != nil {
		s.writeError(w, http.StatusBadRequest, nil, `give either "text" (one post) or "posts" (a batch), not both`, codeBadJSON)
		return
	}
	if req.Posts[0] != '[' {
		s.writeError(w, http.StatusBadRequest, nil, `"posts" must be an array`, codeBadJSON)
		return
	}
	if err := json.Unmarshal(req.Posts, &sc.posts); err != nil {
		s.writeError(w, http.StatusBadRequest, nil, "bad JSON: "+strings.TrimPrefix(err.Error(), "json: "), codeBadJSON)
		return
	}
	if len(sc.posts) > s.cfg.maxBatch {
		s.writeError(w, http.StatusRequestEntityTooLarge, nil,
			fmt.Sprintf("a batch holds at most %d posts, this one has %d", s.cfg.maxBatch, len(sc.posts)), codeBatchTooLarge)
		return
	}
	s.classifyBatch(ctx, w, sc, req.Explain)
}

func (s *server) tooLargeMsg() string {
	return fmt.Sprintf("the body is larger than %d bytes", s.cfg.maxBody)
}

// postStatus is the status of a single post's error.
var postStatus = map[string]int{
	codeNoText:  http.StatusBadRequest,
	codeEmpty:   http.StatusBadRequest,
	codeTooLong: http.StatusRequestEntityTooLarge,
}

func (s *server) classifyOne(ctx context.Context, w *recorder, sc *scratch, req *request) {
	text, code, msg := s.decodeText(req.Text)
	if code != "" {
		s.writeError(w, postStatus[code], req.ID, msg, code)
		return
	}
	if !s.classifyPost(ctx, w, sc, text, req.Explain) {
		s.unavailable(w)
		return
	}
	sc.out.Reset()
	if err := s.encodeResult(sc, req.ID, req.Explain); err != nil {
		s.writeError(w, http.StatusInternalServerError, req.ID, "cannot encode the result", codeInternal)
		return
	}
	writeJSON(w, http.StatusOK, sc.out.Bytes())
}

func (s *server) classifyBatch(ctx context.Context, w *recorder, sc *scratch, explain bool) {
	sc.out.Reset()
	sc.out.WriteString(`{"results":[`)
	for i, raw := range sc.posts {
		if i > 0 {
			sc.out.WriteByte(',')
		}
		var p batchPost
		var text, code, msg string
		if raw[0] != '{' {
			code, msg = codeNoText, "the post is not a JSON object"
		} else if err := json.Unmarshal(raw, &p); err != nil {
			code, msg = codeNoText, "the post is not a JSON object with a string text"
		} else {
			text, code, msg = s.decodeText(p.Text)
		}
		if code != "" {
			w.postErrors++
			s.metrics.error(code)
			s.encode(sc, outError{ID: p.ID, Error: msg, Code: code})
			continue
		}
		if !s.classifyPost(ctx, w, sc, text, explain) {
			s.unavailable(w)
			return
		}
		if err := s.encodeResult(sc, p.ID, explain); err != nil {
			w.postErrors++
			s.metrics.error(codeInternal)
			s.encode(sc, outError{ID: p.ID, Error: "cannot encode the result", Code: codeInternal})
		}
	}
	sc.out.WriteString("]}")
	writeJSON(w, http.StatusOK, sc.out.Bytes())
}

// decodeText returns the text of a post's raw "text" field, or an error
// code and message.
func (s *server) decodeText(raw json.RawMessage) (text, code, msg string) {
	if raw == nil {
		return "", codeNoText, `no "text" field`
	}
	if raw[0] != '"' || json.Unmarshal(raw, &text) != nil {
		return "", codeNoText, `"text" is not a string`
	}
	if len(text) > s.cfg.maxPost {
		return "", codeTooLong, fmt.Sprintf("the text is longer than %d bytes", s.cfg.maxPost)
	}
	if strings.TrimSpace(text) == "" {
		return "", codeEmpty, "the text is empty"
	}
	return text, "", ""
}

// classifyPost classifies text into sc.res once a worker slot is free. It
// reports false when ctx ends first.
func (s *server) classifyPost(ctx context.Context, w *recorder, sc *scratch, text string, explain bool) bool {
	if ctx.Err() != nil {
		return false
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	if explain {
		s.clf.ExplainInto(&sc.res, text)
	} else {
		s.clf.ClassifyInto(&sc.res, text)
	}
	<-s.sem
	w.posts++
	if sc.res.Flagged {
		w.flagged++
	}
	s.metrics.classified(sc.res.Label, sc.res.Flagged)
	return true
}

// encode appends v's JSON to sc.out, without the encoder's newline. On
// error it appends nothing.
func (s *server) encode(sc *scratch, v any) error {
	if err := sc.enc.Encode(v); err != nil {
		return err
	}
	sc.out.Truncate(sc.out.Len() - 1)
	return nil
}

// encodeResult appends sc.res as the response object of the post with id.
func (s *server) encodeResult(sc *scratch, id json.RawMessage, explain bool) error {
	o := toOutResult(id, &sc.res, explain, sc.hits)
	sc.hits = o.Hits // keep the grown buffer for the next post
	return s.encode(sc, o)
}

func (s *server) unavailable(w *recorder) {
	s.writeError(w, http.StatusServiceUnavailable, nil, "the request ran out of time or its client went away", codeUnavailable)
}

func (s *server) putScratch(sc *scratch) {
	if sc.body.Cap()+sc.out.Cap() > maxPooled {
		return
	}
	clear(sc.posts) // drop references into the last body
	sc.posts = sc.posts[:0]
	s.scratch.Put(sc)
}

// writeError answers with an error object and counts its code.
func (s *server) writeError(w *recorder, status int, id json.RawMessage, msg, code string) {
	s.metrics.error(code)
	b, err := json.Marshal(outError{ID: id, Error: msg, Code: code})
	if err != nil {
		b, _ = json.Marshal(outError{Error: msg, Code: code})
	}
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// logMethod is the method for the access log: one of the standard ones or
// OTHER, since a client can send any token there.
func logMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return m
	}
	return "OTHER"
}
