package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clock is a fake clock tests move by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// api is a sandbox on a fake clock, called in-process.
type api struct {
	t     *testing.T
	sb    *Server
	clock *clock
}

// startAt is the fake clock's start: a Friday at 10:00 in Amsterdam.
var startAt = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)

func newAPI(t *testing.T) *api {
	t.Helper()
	c := &clock{now: startAt}
	return &api{t: t, sb: New(Options{RateLimit: 100000, Now: c.Now}), clock: c}
}

// reply is one answer of the sandbox.
type reply struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

// do sends a request with the demo key; path is below BasePath unless it
// starts with WebCallsPath.
func (a *api) do(method, path, body string) reply {
	return a.as(DemoKey, method, path, body)
}

func (a *api) as(key, method, path, body string) reply {
	a.t.Helper()
	if !strings.HasPrefix(path, WebCallsPath) {
		path = BasePath + path
	}
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.Header.Set("Authorization", "Bearer "+key)
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	a.sb.ServeHTTP(w, r)
	out := reply{status: w.Code, header: w.Header(), raw: w.Body.String()}
	if strings.HasPrefix(strings.TrimSpace(out.raw), "{") {
		require.NoError(a.t, json.Unmarshal(w.Body.Bytes(), &out.body), out.raw)
	}
	return out
}

// obj returns the object at key of the body.
func (r reply) obj(key string) map[string]any {
	m, _ := r.body[key].(map[string]any)
	return m
}

// list returns the array at key of the body.
func (r reply) list(key string) []any {
	l, _ := r.body[key].([]any)
	return l
}

// str returns the string at key of m.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// num returns the number at key of m.
func num(m map[string]any, key string) float64 {
	f, _ := m[key].(float64)
	return f
}
