// Package sandbox is a stateful, in-process simulation of the HMS Sovereign
// v1 API, for running voicedock-mcp with no account (--sandbox) and for
// every test.
//
// A [Server] is an http.Handler serving the API under /api/v1. It checks
// Bearer keys against seeded organizations (see the Key constants), answers
// with the documented envelopes, sends X-RateLimit-* headers on every answer
// and 429 with Retry-After past its limit, and lets tests inject faults
// ([Fault]) and read back every request it saw ([Server.Requests]).
//
// Every endpoint of the reference is simulated, scoped to the key's
// organization and seeded with demo data (seed.go): assistants, numbers,
// calls with transcripts, campaigns and the rest. Calls and campaigns move
// on with the clock ([Options].Now, paced by [Timeline]) but only when a
// request looks, so a fake clock makes them deterministic. POST
// /v1/web-calls lives at the server root ([WebCallsPath]), as on the real
// web-calls host.
//
// Routes live in a table (routes.go): one line per endpoint, one handler per
// line, each handler receiving the caller's organization already resolved.
// Resources have a file each; helpers.go holds the shared body reading,
// validation, pagination and envelopes.
package sandbox

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// BasePath is where the simulated API lives, as in the real base URL.
const BasePath = "/api/v1"

// ErrorStyle selects which documented error envelope the sandbox answers
// with.
type ErrorStyle int

const (
	// FlatErrors is {"error":"...","message":"...",...extras}, the shape of
	// the API reference and the vendor SDK.
	FlatErrors ErrorStyle = iota
	// NestedErrors is {"error":{"code","message","param","type"}}, the shape
	// of the error-codes and rate-limits guide pages.
	NestedErrors
)

// Options configures a Server. Zero values take the documented behaviour.
type Options struct {
	RateLimit  int           // requests per window per key; default 100
	RateWindow time.Duration // fixed window length; default one minute
	ErrorStyle ErrorStyle
	// Now is the clock; nil means time.Now. Calls and campaigns move on
	// only when a request reads the clock, so a fake clock makes every
	// lifecycle deterministic.
	Now func() time.Time
	// Timeline paces simulated calls and campaigns; zero fields take the
	// documented defaults.
	Timeline Timeline
}

// Server simulates the API. It is safe for concurrent use.
type Server struct {
	opts Options
	mux  *http.ServeMux

	mu       sync.Mutex
	orgs     map[string]*Organization // by organization ID
	keys     map[string]keyRecord     // by key
	windows  map[string]*window       // by key
	faults   []*Fault
	requests []Request
	ids      *idSource
}

// Request is what the sandbox saw of one incoming request.
type Request struct {
	Method    string
	Path      string // escaped path, including BasePath
	Query     string
	Key       string // the Bearer token, verbatim after "Bearer "
	Auth      string // the whole Authorization header
	UserAgent string
	Status    int       // status answered; 0 for a dropped connection
	Time      time.Time // when the request arrived
}

// New returns a sandbox seeded with demo organizations and keys.
func New(opts Options) *Server {
	if opts.RateLimit <= 0 {
		opts.RateLimit = 100
	}
	if opts.RateWindow <= 0 {
		opts.RateWindow = time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.Timeline = opts.Timeline.withDefaults()
	s := &Server{opts: opts, windows: map[string]*window{}, ids: newIDSource()}
	s.seed(opts.Now())
	s.mux = http.NewServeMux()
	for _, r := range s.routes() {
		s.mux.Handle(r.pattern(), s.endpoint(r))
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, &failure{status: http.StatusNotFound, code: "not_found", message: "No route for " + r.Method + " " + r.URL.Path})
	})
	return s
}

// ServeHTTP answers one request: faults first, then authentication, rate
// limiting and the route's handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &statusRecorder{ResponseWriter: w}
	arrived := s.opts.Now()
	defer func() { s.record(r, rec.status, arrived) }()

	if f := s.takeFault(r); f != nil {
		f.apply(rec, r)
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// Requests returns the requests seen so far, oldest first: all of them, up
// to the last 10,000.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// CountRequests returns how many requests matched method and path (the
// path below BasePath, e.g. "/account").
func (s *Server) CountRequests(method, path string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Method == method && r.Path == BasePath+path {
			n++
		}
	}
	return n
}

// maxRecorded bounds the request log, so that a long-running --sandbox
// server does not grow without end; the oldest entries go first.
const maxRecorded = 10000

func (s *Server) record(r *http.Request, status int, arrived time.Time) {
	auth := r.Header.Get("Authorization")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery,
		Key: strings.TrimPrefix(auth, "Bearer "), Auth: auth,
		UserAgent: r.UserAgent(), Status: status, Time: arrived,
	})
	if len(s.requests) > maxRecorded {
		s.requests = append(s.requests[:0], s.requests[len(s.requests)-maxRecorded:]...)
	}
}

// req is what a route handler receives: the request, the caller's
// organization and the time the handler runs at.
type req struct {
	r   *http.Request
	org *Organization
	now time.Time
}

// answer is a handler's result: a status and a body to encode as JSON.
type answer struct {
	status int
	body   any
}

func ok(body any) answer { return answer{http.StatusOK, body} }

// failure is an error answer; handlers return it and the sandbox renders it
// in the configured ErrorStyle.
type failure struct {
	status  int
	code    string
	message string
	param   string
	details []string       // one string per validation problem
	extra   map[string]any // further fields of the flat shape, e.g. balance
	header  http.Header    // headers to send, e.g. Retry-After
}

func (f *failure) Error() string { return f.message }

// endpoint wraps a route handler with authentication, rate limiting and
// encoding.
func (s *Server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := bearer(r)
		if !s.admit(w, key, rt.public) {
			return
		}
		c := &req{r: r}
		if !rt.public {
			org, fail := s.authenticate(key)
			if fail != nil {
				s.writeError(w, fail)
				return
			}
			c.org = org
		}
		a, err := s.handleLocked(rt, c)
		if err != nil {
			s.writeError(w, err)
			return
		}
		writeJSON(w, a.status, a.body)
	})
}

// handleLocked runs a route's handler under the sandbox's lock, after
// moving the organization's calls and campaigns on to now. The lock is
// released even if the handler panics (net/http recovers the panic).
func (s *Server) handleLocked(rt route, c *req) (answer, *failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.now = s.opts.Now()
	if c.org != nil {
		s.advance(c.org, c.now)
	}
	return rt.handle(c)
}

func bearer(r *http.Request) string {
	auth := r.Header.Get("Authorization")
	if len(auth) < 7 || !strings.EqualFold(auth[:7], "Bearer ") {
		return ""
	}
	return strings.TrimSpace(auth[7:])
}

// window is one key's fixed rate-limit window.
type window struct {
	start time.Time
	used  int
}

// admit counts the request against the key's window, sets the
// X-RateLimit-* headers, and answers 429 when the window is spent.
// Unauthenticated routes are counted under the empty key.
func (s *Server) admit(w http.ResponseWriter, key string, public bool) bool {
	now := s.opts.Now()
	s.mu.Lock()
	win := s.windows[key]
	if win == nil || !now.Before(win.start.Add(s.opts.RateWindow)) {
		win = &window{start: now}
		s.windows[key] = win
	}
	win.used++
	used, reset := win.used, win.start.Add(s.opts.RateWindow)
	s.mu.Unlock()

	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.opts.RateLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(s.opts.RateLimit-used, 0)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(int64(math.Ceil(float64(reset.UnixMilli())/1000)), 10))
	if used <= s.opts.RateLimit || public {
		return true
	}

	retry := int(math.Ceil(reset.Sub(now).Seconds()))
	h.Set("Retry-After", strconv.Itoa(max(retry, 1)))
	msg := fmt.Sprintf("Too many requests. Please retry after %d seconds.", max(retry, 1))
	if s.opts.ErrorStyle == NestedErrors {
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]any{
			"code": "rate_limit_exceeded", "message": msg, "type": "rate_limit_error"}})
	} else {
		writeJSON(w, http.StatusTooManyRequests, map[string]any{
			"error": "Rate limit exceeded", "message": msg, "retry_after": max(retry, 1)})
	}
	return false
}

// writeError renders an error in the configured envelope.
func (s *Server) writeError(w http.ResponseWriter, f *failure) {
	for k, v := range f.header {
		w.Header()[k] = v
	}
	if s.opts.ErrorStyle == NestedErrors {
		body := map[string]any{"code": f.code, "message": f.message, "type": errorType(f.status)}
		if f.param != "" {
			body["param"] = f.param
		}
		if len(f.details) > 0 {
			body["details"] = f.details
		}
		writeJSON(w, f.status, map[string]any{"error": body})
		return
	}
	body := map[string]any{}
	for k, v := range f.extra {
		body[k] = v
	}
	body["error"], body["message"] = flatLabel(f.status), f.message
	if f.code != "" && f.code != strings.ToLower(strings.ReplaceAll(flatLabel(f.status), " ", "_")) {
		body["code"] = f.code
	}
	if f.param != "" {
		body["param"] = f.param
	}
	if len(f.details) > 0 {
		body["details"] = f.details
	}
	writeJSON(w, f.status, body)
}

func flatLabel(status int) string {
	switch status {
	case http.StatusUnauthorized:
		return "Unauthorized"
	case http.StatusForbidden:
		return "Forbidden"
	case http.StatusNotFound:
		return "Not found"
	case http.StatusPaymentRequired:
		return "Insufficient credits"
	case http.StatusTooManyRequests:
		return "Rate limit exceeded"
	}
	return http.StatusText(status)
}

func errorType(status int) string {
	switch {
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return "authentication_error"
	case status == http.StatusTooManyRequests:
		return "rate_limit_error"
	case status >= 500:
		return "api_error"
	}
	return "invalid_request_error"
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // the client is gone if this fails
}

// statusRecorder remembers the status written, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection, for Hijack.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
