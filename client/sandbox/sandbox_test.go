package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func get(t *testing.T, srv *httptest.Server, path, key string) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+BasePath+path, nil)
	require.NoError(t, err)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var body map[string]any
	_ = json.Unmarshal(data, &body)
	return resp, body
}

func TestKeys(t *testing.T) {
	tests := []struct {
		key        string
		style      ErrorStyle
		wantStatus int
		wantBody   string // JSON the body must contain
	}{
		{key: DemoKey, wantStatus: 200, wantBody: `{"name":"Acme Dental Group","minutes_balance":1234.5}`},
		{key: OtherKey, wantStatus: 200, wantBody: `{"name":"Björk & Søn Logistik"}`},
		{key: "", wantStatus: 401, wantBody: `{"error":"Unauthorized","message":"Invalid or missing API key"}`},
		{key: "fl_live_nope", wantStatus: 401, wantBody: `{"error":"Unauthorized"}`},
		{key: ExpiredKey, wantStatus: 401, wantBody: `{"error":"Unauthorized","code":"api_key_expired"}`},
		{key: ExpiredKey, style: NestedErrors, wantStatus: 401,
			wantBody: `{"error":{"code":"api_key_expired","type":"authentication_error"}}`},
		{key: RevokedKey, wantStatus: 401, wantBody: `{"code":"api_key_revoked"}`},
		{key: ForbiddenKey, wantStatus: 403, wantBody: `{"error":"Forbidden"}`},
	}
	for _, tc := range tests {
		t.Run(tc.key+strconv.Itoa(int(tc.style)), func(t *testing.T) {
			srv := httptest.NewServer(New(Options{ErrorStyle: tc.style}))
			t.Cleanup(srv.Close)

			resp, body := get(t, srv, "/account", tc.key)

			assert.Equal(t, tc.wantStatus, resp.StatusCode)
			assertSubset(t, tc.wantBody, body)
		})
	}
}

// assertSubset checks that every field of want (JSON) is in got, recursively.
func assertSubset(t *testing.T, want string, got map[string]any) {
	t.Helper()
	var w map[string]any
	require.NoError(t, json.Unmarshal([]byte(want), &w))
	for k, v := range w {
		if sub, ok := v.(map[string]any); ok {
			g, ok := got[k].(map[string]any)
			require.True(t, ok, "field %s is not an object in %v", k, got)
			raw, _ := json.Marshal(sub)
			assertSubset(t, string(raw), g)
			continue
		}
		assert.Equal(t, v, got[k], "field %s", k)
	}
}

func TestOrganizationsWithChildren(t *testing.T) {
	srv := httptest.NewServer(New(Options{}))
	t.Cleanup(srv.Close)

	_, plain := get(t, srv, "/organizations", DemoKey)
	_, withChildren := get(t, srv, "/organizations?include_children=true", DemoKey)

	assert.NotContains(t, plain, "children")
	assert.NotContains(t, plain, "email", "the /organizations shape has no email")
	children, ok := withChildren["children"].([]any)
	require.True(t, ok)
	require.Len(t, children, 1)
	assert.Equal(t, "Zahnarztpraxis Müller", children[0].(map[string]any)["name"])
}

func TestRateLimitHeadersAnd429(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	srv := httptest.NewServer(New(Options{RateLimit: 2, RateWindow: time.Minute, Now: func() time.Time { return now }}))
	t.Cleanup(srv.Close)

	var statuses, remaining []string
	for range 3 {
		resp, _ := get(t, srv, "/account", DemoKey)
		statuses = append(statuses, strconv.Itoa(resp.StatusCode))
		remaining = append(remaining, resp.Header.Get("X-RateLimit-Remaining"))
		assert.Equal(t, "2", resp.Header.Get("X-RateLimit-Limit"))
		assert.Equal(t, strconv.FormatInt(now.Add(time.Minute).Unix(), 10), resp.Header.Get("X-RateLimit-Reset"))
	}
	resp, body := get(t, srv, "/account", DemoKey)

	assert.Equal(t, []string{"200", "200", "429"}, statuses)
	assert.Equal(t, []string{"1", "0", "0"}, remaining)
	assert.Equal(t, "60", resp.Header.Get("Retry-After"))
	assert.Equal(t, "Rate limit exceeded", body["error"])
	assert.InDelta(t, 60, body["retry_after"], 0)

	other, _ := get(t, srv, "/account", OtherKey)
	assert.Equal(t, http.StatusOK, other.StatusCode, "limits are per key")
}

func TestFaults(t *testing.T) {
	sb := New(Options{})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	sb.InjectFault(Fault{Method: http.MethodGet, Path: "/account", Times: 2, Status: 503,
		Header: http.Header{"Retry-After": {"7"}}, Body: `{"error":"down"}`})

	first, body := get(t, srv, "/account", DemoKey)
	second, _ := get(t, srv, "/account", DemoKey)
	third, _ := get(t, srv, "/account", DemoKey)
	unaffected, _ := get(t, srv, "/organizations", DemoKey)

	assert.Equal(t, 503, first.StatusCode)
	assert.Equal(t, "7", first.Header.Get("Retry-After"))
	assert.Equal(t, "down", body["error"])
	assert.Equal(t, 503, second.StatusCode)
	assert.Equal(t, 200, third.StatusCode, "the fault is used up after Times requests")
	assert.Equal(t, 200, unaffected.StatusCode)
	assert.Equal(t, 3, sb.CountRequests(http.MethodGet, "/account"))
}

func TestDroppedConnection(t *testing.T) {
	sb := New(Options{})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	sb.InjectFault(Fault{Drop: true})

	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+BasePath+"/account", nil)
	require.NoError(t, err)
	_, err = srv.Client().Do(req)

	assert.Error(t, err, "the connection must close without an answer")
}

func TestUnknownRoute(t *testing.T) {
	srv := httptest.NewServer(New(Options{}))
	t.Cleanup(srv.Close)

	resp, body := get(t, srv, "/nope", DemoKey)

	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Contains(t, body["message"], "No route")
}

func TestHealthNeedsNoKey(t *testing.T) {
	srv := httptest.NewServer(New(Options{RateLimit: 1}))
	t.Cleanup(srv.Close)

	for range 3 {
		resp, body := get(t, srv, "/health", "")
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, "ok", body["status"])
	}
}
