package client

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// newSandbox serves a fresh sandbox for one test.
func newSandbox(t *testing.T, opts sandbox.Options) (*sandbox.Server, string) {
	t.Helper()
	sb := sandbox.New(opts)
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	return sb, srv.URL + sandbox.BasePath
}

// newClient returns a client for baseURL with the demo key and quick
// defaults; edit adjusts the options.
func newClient(t *testing.T, baseURL string, edit func(*Options)) *Client {
	t.Helper()
	opts := Options{
		BaseURL: baseURL, APIKey: sandbox.DemoKey, UserAgent: "voicedock-mcp/test",
		RequestTimeout: 2 * time.Second, CallBudget: 5 * time.Second,
	}
	if edit != nil {
		edit(&opts)
	}
	c, err := New(opts)
	require.NoError(t, err)
	return c
}

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func TestAPIErrorEnvelopes(t *testing.T) {
	balance := 0.5
	tests := []struct {
		name        string
		status      int
		body        string
		want        APIError // Status, Code, Message, Param, Details, Balance compared
		wantClass   error
		notWantThis error
	}{
		{name: "flat guide 401", status: 401,
			body: `{"error":"Unauthorized","message":"Invalid or missing API key"}`,
			want: APIError{Status: 401, Message: "Unauthorized: Invalid or missing API key"}, wantClass: ErrUnauthorized,
			notWantThis: ErrKeyExpired},
		{name: "flat reference placeholder", status: 401, body: `{"error":"Invalid API key","message":"string"}`,
			want: APIError{Status: 401, Message: "Invalid API key: string"}, wantClass: ErrUnauthorized},
		{name: "flat code as label", status: 401, body: `{"error":"api_key_revoked","message":"Key revoked"}`,
			want:      APIError{Status: 401, Code: "api_key_revoked", Message: "Key revoked"},
			wantClass: ErrKeyRevoked},
		{name: "flat with code field", status: 401,
			body:      `{"error":"Unauthorized","code":"api_key_expired","message":"API key has expired"}`,
			want:      APIError{Status: 401, Code: "api_key_expired", Message: "Unauthorized: API key has expired"},
			wantClass: ErrKeyExpired},
		{name: "nested expired", status: 401,
			body: `{"error":{"code":"api_key_expired","message":"API key has expired","type":"authentication_error"}}`,
			want: APIError{Status: 401, Code: "api_key_expired", Message: "API key has expired"}, wantClass: ErrKeyExpired},
		{name: "flat details and extras", status: 400,
			body: `{"error":"Invalid workflow","message":"graph invalid","details":["node a unreachable",{"n":1}],"hint":"x"}`,
			want: APIError{Status: 400, Message: "Invalid workflow: graph invalid",
				Details: []string{"node a unreachable", `{"n":1}`}}, wantClass: ErrInvalidRequest},
		{name: "nested missing field", status: 400,
			body:      `{"error":{"code":"missing_field","message":"name is required","param":"name","type":"invalid_request_error"}}`,
			want:      APIError{Status: 400, Code: "missing_field", Message: "name is required", Param: "name"},
			wantClass: ErrInvalidRequest},
		{name: "flat 402 with balance", status: 402,
			body: `{"error":"Insufficient credits","code":"insufficient_credits","message":"Please add credits","balance":0.5}`,
			want: APIError{Status: 402, Code: "insufficient_credits", Message: "Insufficient credits: Please add credits",
				Balance: &balance}, wantClass: ErrInsufficientCredit},
		{name: "nested 402", status: 402,
			body:      `{"error":{"code":"insufficient_credits","message":"Insufficient credits to make outbound call."}}`,
			want:      APIError{Status: 402, Code: "insufficient_credits", Message: "Insufficient credits to make outbound call."},
			wantClass: ErrInsufficientCredit},
		{name: "403", status: 403, body: `{"error":"Forbidden","message":"You don't have access to this resource"}`,
			want:      APIError{Status: 403, Message: "Forbidden: You don't have access to this resource"},
			wantClass: ErrForbidden},
		{name: "404 plain", status: 404, body: `{"error":"call not found"}`,
			want: APIError{Status: 404, Message: "call not found"}, wantClass: ErrNotFound},
		{name: "409", status: 409, body: `{"error":"Conflict","message":"workflow in use"}`,
			want: APIError{Status: 409, Message: "Conflict: workflow in use"}, wantClass: ErrConflict},
		{name: "422", status: 422, body: `{"error":{"code":"invalid_request","message":"bad value"}}`,
			want: APIError{Status: 422, Code: "invalid_request", Message: "bad value"}, wantClass: ErrInvalidRequest},
		{name: "500 html", status: 500, body: `<html><body>oops</body></html>`,
			want: APIError{Status: 500, Message: "Internal Server Error"}, wantClass: ErrUnavailable},
		{name: "502 empty", status: 502, body: "",
			want: APIError{Status: 502, Message: "Bad Gateway"}, wantClass: ErrUnavailable},
		{name: "503 text", status: 503, body: "upstream down\n",
			want: APIError{Status: 503, Message: "upstream down"}, wantClass: ErrUnavailable},
		{name: "unknown shape", status: 400, body: `{"problem":"weird"}`,
			want: APIError{Status: 400, Message: "Bad Request"}, wantClass: ErrInvalidRequest},
		{name: "malformed json", status: 400, body: `{"error":`,
			want: APIError{Status: 400, Message: `{"error":`}, wantClass: ErrInvalidRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(sandbox.Fault{Status: tc.status, Body: tc.body})
			c := newClient(t, url, func(o *Options) { o.MaxRetries = -1 })

			_, err := c.do(t.Context(), http.MethodGet, "/probe", nil, nil, nil)

			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.want.Status, apiErr.Status)
			assert.Equal(t, tc.want.Code, apiErr.Code)
			assert.Equal(t, tc.want.Message, apiErr.Message)
			assert.Equal(t, tc.want.Param, apiErr.Param)
			assert.Equal(t, tc.want.Details, apiErr.Details)
			assert.Equal(t, tc.want.Balance, apiErr.Balance)
			assert.ErrorIs(t, err, tc.wantClass)
			if tc.notWantThis != nil {
				assert.NotErrorIs(t, err, tc.notWantThis)
			}
			assert.Equal(t, "/probe", apiErr.Path)
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		value  string
		want   time.Duration
		wantOK bool
	}{
		{value: "45", want: 45 * time.Second, wantOK: true},
		{value: " 2 ", want: 2 * time.Second, wantOK: true},
		{value: "1.5", want: 1500 * time.Millisecond, wantOK: true},
		{value: now.Add(90 * time.Second).Format(http.TimeFormat), want: 90 * time.Second, wantOK: true},
		{value: now.Add(-time.Hour).Format(http.TimeFormat), want: 0, wantOK: true},
		{value: "99999999999", want: maxRetryAfter, wantOK: true},
		{value: "1e308", want: maxRetryAfter, wantOK: true},
		{value: "", wantOK: false},
		{value: "soon", wantOK: false},
		{value: "-5", wantOK: false},
		{value: "NaN", wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			got, ok := parseRetryAfter(tc.value, now)
			assert.Equal(t, tc.wantOK, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestRateLimitedRetryWaitsRetryAfter(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Times: 1, Status: 429, Header: header("Retry-After", "1"),
		Body: `{"error":"Rate limit exceeded","retry_after":1}`})
	c := newClient(t, url, nil)

	acct, err := c.Account(t.Context())

	require.NoError(t, err)
	assert.Equal(t, "Acme Dental Group", acct.Name)
	assert.Equal(t, 2, acct.Response.Attempts)
	reqs := byTime(sb.Requests())
	require.Len(t, reqs, 2)
	assert.GreaterOrEqual(t, reqs[1].Time.Sub(reqs[0].Time), time.Second, "retry came before Retry-After")
}

func TestRateLimitedBeyondBudgetFailsAtOnce(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter string
		wantWait   time.Duration
	}{
		{name: "seconds", retryAfter: "60", wantWait: time.Minute},
		{name: "http date", retryAfter: time.Now().Add(2 * time.Minute).UTC().Format(http.TimeFormat),
			wantWait: 2 * time.Minute},
		{name: "huge", retryAfter: "999999999", wantWait: maxRetryAfter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{ErrorStyle: sandbox.NestedErrors})
			sb.InjectFault(sandbox.Fault{Status: 429, Header: header("Retry-After", tc.retryAfter),
				Body: `{"error":{"code":"rate_limit_exceeded","message":"Too many requests."}}`})
			c := newClient(t, url, func(o *Options) { o.CallBudget = 3 * time.Second })

			start := time.Now()
			_, err := c.Account(t.Context())

			var rl *RateLimitError
			require.ErrorAs(t, err, &rl)
			assert.ErrorIs(t, err, ErrRateLimited)
			assert.InDelta(t, tc.wantWait.Seconds(), rl.RetryAfter.Seconds(), 2)
			assert.Equal(t, 100, rl.Limit)
			require.NotNil(t, rl.API)
			assert.Equal(t, "rate_limit_exceeded", rl.API.Code)
			assert.Equal(t, 1, sb.CountRequests(http.MethodGet, "/organizations"), "must not retry a wait that does not fit")
			assert.Less(t, time.Since(start), 3*time.Second, "slept although the wait could not fit the budget")
		})
	}
}

func TestRateLimitedUnreadableRetryAfterBacksOff(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Times: 1, Status: 429, Header: header("Retry-After", "soon"),
		Body: `{"error":"Rate limit exceeded"}`})
	c := newClient(t, url, nil)

	acct, err := c.Account(t.Context())

	require.NoError(t, err)
	assert.Equal(t, 2, acct.Response.Attempts)
}

func TestRetryBudgetExhausted(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Status: 503, Body: `{"error":"Service unavailable"}`})
	c := newClient(t, url, func(o *Options) {
		o.CallBudget, o.RequestTimeout, o.MaxRetries = 2500*time.Millisecond, 500*time.Millisecond, 5
	})

	start := time.Now()
	_, err := c.Account(t.Context())

	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.Status)
	assert.ErrorIs(t, err, ErrUnavailable)
	// A 1 s backoff (plus up to 0.5 s jitter) and half an attempt's timeout
	// fit a 2.5 s budget once; the next 2-3 s backoff does not, so the call
	// stops after two attempts.
	assert.Equal(t, 2, apiErr.Attempts)
	assert.Equal(t, 2, sb.CountRequests(http.MethodGet, "/organizations"))
	assert.Less(t, time.Since(start), 2500*time.Millisecond)
}

func TestRetriesOnlyWhatIsSafeToRepeat(t *testing.T) {
	tests := []struct {
		name         string
		method       string
		fault        sandbox.Fault
		wantRequests int
		wantErr      error
		wantMaybe    bool
	}{
		{name: "GET after 500", method: http.MethodGet, fault: sandbox.Fault{Times: 1, Status: 500},
			wantRequests: 2, wantErr: ErrNotFound}, // the retry reaches the sandbox's 404 for /probe
		{name: "GET after dropped connection", method: http.MethodGet, fault: sandbox.Fault{Times: 1, Drop: true},
			wantRequests: 2, wantErr: ErrNotFound},
		{name: "DELETE after 502", method: http.MethodDelete, fault: sandbox.Fault{Times: 1, Status: 502},
			wantRequests: 2, wantErr: ErrNotFound},
		{name: "POST after 500", method: http.MethodPost, fault: sandbox.Fault{Status: 500},
			wantRequests: 1, wantErr: ErrUnavailable},
		{name: "POST after 503", method: http.MethodPost, fault: sandbox.Fault{Status: 503,
			Header: header("Retry-After", "1")}, wantRequests: 1, wantErr: ErrUnavailable},
		{name: "PATCH after 500", method: http.MethodPatch, fault: sandbox.Fault{Status: 500},
			wantRequests: 1, wantErr: ErrUnavailable},
		{name: "POST after dropped connection", method: http.MethodPost, fault: sandbox.Fault{Drop: true},
			wantRequests: 1, wantErr: ErrUnavailable, wantMaybe: true},
		{name: "POST after timeout", method: http.MethodPost, fault: sandbox.Fault{Delay: 3 * time.Second},
			wantRequests: 1, wantErr: ErrUnavailable, wantMaybe: true},
		{name: "POST after 429", method: http.MethodPost, fault: sandbox.Fault{Times: 1, Status: 429,
			Header: header("Retry-After", "0")}, wantRequests: 2, wantErr: ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(tc.fault)
			c := newClient(t, url, func(o *Options) { o.RequestTimeout = 500 * time.Millisecond })

			_, err := c.do(t.Context(), tc.method, "/probe", nil, map[string]string{"name": "x"}, nil)

			assert.ErrorIs(t, err, tc.wantErr)
			// A timed-out request is logged by the sandbox once its delay ends.
			require.Eventually(t, func() bool { return len(sb.Requests()) >= tc.wantRequests }, 5*time.Second,
				10*time.Millisecond)
			assert.Equal(t, tc.wantRequests, sb.CountRequests(tc.method, "/probe"))
			var netErr *NetworkError
			if errors.As(err, &netErr) {
				assert.Equal(t, tc.wantMaybe, netErr.MaybeSent)
			}
		})
	}
}

func TestConnectionRefusedIsRetriedEvenForPOST(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + sandbox.BasePath
	srv.Close() // nothing listens there now
	c := newClient(t, url, func(o *Options) { o.RequestTimeout, o.CallBudget = 500*time.Millisecond, 7*time.Second })

	_, err := c.do(t.Context(), http.MethodPost, "/probe", nil, map[string]string{}, nil)

	var netErr *NetworkError
	require.ErrorAs(t, err, &netErr)
	assert.False(t, netErr.MaybeSent, "a refused connection never reached the API")
	assert.Equal(t, 3, netErr.Attempts, "two retries fit the 7 s budget; a third (4-6 s backoff) does not")
	assert.ErrorIs(t, err, ErrUnavailable)
}

func TestCancellationStopsWaits(t *testing.T) {
	tests := []struct {
		name  string
		fault sandbox.Fault
	}{
		{name: "waiting for Retry-After", fault: sandbox.Fault{Status: 429, Header: header("Retry-After", "10")}},
		{name: "waiting for backoff", fault: sandbox.Fault{Status: 503}},
		{name: "waiting for an answer", fault: sandbox.Fault{Delay: 10 * time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(tc.fault)
			c := newClient(t, url, func(o *Options) { o.CallBudget = 30 * time.Second; o.RequestTimeout = 20 * time.Second })
			ctx, cancel := context.WithCancel(t.Context())
			time.AfterFunc(200*time.Millisecond, cancel)

			start := time.Now()
			_, err := c.Account(ctx)

			assert.ErrorIs(t, err, context.Canceled)
			assert.Less(t, time.Since(start), 5*time.Second, "cancellation did not stop the wait")
		})
	}
}

func TestPacingAvoids429(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{RateLimit: 100, RateWindow: time.Second})
	c := newClient(t, url, func(o *Options) {
		o.RateLimit, o.RateWindow, o.CallBudget = 100, time.Second, 20*time.Second
	})

	var wg sync.WaitGroup
	errs := make(chan error, 150)
	for range 150 {
		wg.Go(func() {
			_, err := c.Account(t.Context())
			errs <- err
		})
	}
	wg.Wait()
	close(errs)

	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 150, sb.CountRequests(http.MethodGet, "/organizations"))
	for _, r := range sb.Requests() {
		assert.NotEqual(t, http.StatusTooManyRequests, r.Status)
	}
}

func TestSpentWindowHoldsRequestsUntilReset(t *testing.T) {
	// The sandbox allows 5 requests per 2 s, far less than the client's own
	// pacing allows; the X-RateLimit headers must hold the 6th back.
	sb, url := newSandbox(t, sandbox.Options{RateLimit: 5, RateWindow: 2 * time.Second})
	c := newClient(t, url, func(o *Options) { o.CallBudget = 10 * time.Second; o.MaxRetries = -1 })

	for range 8 {
		_, err := c.Account(t.Context())
		require.NoError(t, err)
	}

	for _, r := range sb.Requests() {
		assert.NotEqual(t, http.StatusTooManyRequests, r.Status)
	}
}

// TestAResetCenturiesAheadFailsAtOnce: a window the API reports spent
// until a date far ahead holds requests back at once, with a retry time,
// rather than spinning or sleeping through the budget.
func TestAResetCenturiesAheadFailsAtOnce(t *testing.T) {
	for _, reset := range []string{"99999999999", "99999999999999"} {
		t.Run(reset, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(sandbox.Fault{Body: `{"id":"o1","name":"Acme"}`, Header: http.Header{
				"X-Ratelimit-Limit": {"100"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {reset}}})
			c := newClient(t, url, nil)
			_, err := c.Account(t.Context())
			require.NoError(t, err)

			_, err = c.Account(t.Context())
			var rl *RateLimitError
			require.ErrorAs(t, err, &rl)
			assert.Nil(t, rl.API, "held back, not sent")
			assert.Equal(t, maxRetryAfter, rl.RetryAfter.Round(time.Hour))
			assert.Len(t, sb.Requests(), 1)
		})
	}
}

func TestSpentWindowBeyondBudgetFailsWithoutSending(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{RateLimit: 1, RateWindow: time.Minute})
	c := newClient(t, url, func(o *Options) { o.CallBudget = 2 * time.Second })

	_, err := c.Account(t.Context())
	require.NoError(t, err)
	_, err = c.Account(t.Context())

	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.Nil(t, rl.API, "the client should hold the request back, not send it")
	assert.Greater(t, rl.RetryAfter, 50*time.Second)
	assert.Equal(t, 1, sb.CountRequests(http.MethodGet, "/organizations"))
}

func TestRequestsCarryKeyAndUserAgent(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	c := newClient(t, url, nil)

	_, err := c.Account(t.Context())

	require.NoError(t, err)
	reqs := sb.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "Bearer "+sandbox.DemoKey, reqs[0].Auth)
	assert.Equal(t, "voicedock-mcp/test", reqs[0].UserAgent)
	assert.Equal(t, "/api/v1/organizations", reqs[0].Path)
}

func TestAccountFallsBackToTheDeprecatedRoute(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusGone} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(sandbox.Fault{Method: http.MethodGet, Path: "/organizations", Status: status,
				Body: `{"error":"Not found"}`})
			c := newClient(t, url, nil)

			for range 2 {
				acct, err := c.Account(t.Context())
				require.NoError(t, err)
				assert.Equal(t, "Acme Dental Group", acct.Name)
			}

			assert.Equal(t, 1, sb.CountRequests(http.MethodGet, "/organizations"), "the missing route is asked once")
			assert.Equal(t, 2, sb.CountRequests(http.MethodGet, "/account"))
		})
	}
}

func TestAccountShapes(t *testing.T) {
	tests := []struct {
		name        string
		body        string
		wantName    string
		wantBalance float64
	}{
		{name: "reference", body: `{"id":"o1","name":"Acme","minutes_balance":500.5,"active_calls":2}`,
			wantName: "Acme", wantBalance: 500.5},
		{name: "auth guide", body: `{"id":"o1","email":"a@b.example","company_name":"Acme BV","minutes_balance":500}`,
			wantName: "", wantBalance: 500},
		{name: "numeric strings", body: `{"id":"o1","name":"Acme","minutes_balance":"12.25","active_calls":"3"}`,
			wantName: "Acme", wantBalance: 12.25},
		{name: "nulls", body: `{"id":"o1","name":"Acme","minutes_balance":null,"parent_org_id":null}`,
			wantName: "Acme", wantBalance: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(sandbox.Fault{Path: "/organizations", Body: tc.body})
			c := newClient(t, url, nil)

			acct, err := c.Account(t.Context())

			require.NoError(t, err)
			assert.Equal(t, tc.wantName, acct.Name)
			assert.InDelta(t, tc.wantBalance, float64(acct.MinutesBalance), 1e-9)
		})
	}
}

func TestAccountMalformedAnswer(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Path: "/organizations", Body: `{"id": "o1", "name": `})
	c := newClient(t, url, nil)

	_, err := c.Account(t.Context())

	require.Error(t, err)
	assert.Contains(t, err.Error(), "not the expected JSON")
}

func TestNoUsableKeySendsNothing(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	c := newClient(t, url, func(o *Options) { o.APIKey, o.KeyProblem = "", "HMS_SOVEREIGN_API_KEY is not set" })

	_, err := c.Account(t.Context())

	assert.ErrorIs(t, err, ErrNoCredentials)
	assert.Equal(t, "HMS_SOVEREIGN_API_KEY is not set", err.Error())
	assert.Empty(t, sb.Requests())
}

func TestBaseURLRejectsSecretsWithoutRepeatingThem(t *testing.T) {
	for _, raw := range []string{
		"http://user:CANARY_PW@127.0.0.1:1/api/v1",
		"http://127.0.0.1:1/api/v1?token=CANARY_Q",
		"api.hmsovereign.com/api/v1",
		"ftp://127.0.0.1/api/v1",
		"http:///api/v1",
		"http://example.com/api/v1",
		"http://169.254.169.254/api/v1",
		"127.0.0.1:8080/api/v1",
		"http://127.0.0.1:1/api/v1?",
		"http://127.0.0.1:1/api/v1;CANARY_SEMI",
	} {
		t.Run(raw, func(t *testing.T) {
			_, err := New(Options{BaseURL: raw, APIKey: "k"})
			require.Error(t, err)
			assert.NotContains(t, err.Error(), "CANARY")
		})
	}
}

func TestSecretsStayOutOfLogsAndErrors(t *testing.T) {
	const key = "fl_live_CANARY_7f3a"
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))

	faults := []sandbox.Fault{
		{Status: 500, Body: `{"error":"boom"}`},
		{Status: 401, Body: `{"error":"Unauthorized"}`},
		{Drop: true},
	}
	for _, f := range faults {
		sb, url := newSandbox(t, sandbox.Options{})
		sb.InjectFault(f)
		c := newClient(t, url, func(o *Options) { o.APIKey, o.Logger, o.MaxRetries = key, logger, -1 })
		_, err := c.Account(t.Context())
		require.Error(t, err)
		assert.NotContains(t, err.Error(), "CANARY")
	}

	assert.NotEmpty(t, logs.String(), "debug logging should have written attempt lines")
	assert.NotContains(t, logs.String(), "CANARY")
	assert.NotContains(t, strings.ToLower(logs.String()), "authorization")
}

func byTime(reqs []sandbox.Request) []sandbox.Request {
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].Time.Before(reqs[j].Time) })
	return reqs
}

func TestBaseURLAcceptsHTTPSAndLocalHTTP(t *testing.T) {
	for _, raw := range []string{"https://api.hmsovereign.com/api/v1", "http://127.0.0.1:9/api/v1",
		"http://localhost:9/api/v1/", "http://[::1]:9/api/v1"} {
		_, err := New(Options{BaseURL: raw, APIKey: "k"})
		assert.NoError(t, err, raw)
	}
}

func TestParseReset(t *testing.T) {
	now := time.Unix(1_796_400_000, 0)
	tests := []struct {
		value  string
		want   time.Time
		wantOK bool
	}{
		{value: "1796400060", want: time.Unix(1_796_400_060, 0), wantOK: true},
		{value: "45", want: now.Add(45 * time.Second), wantOK: true},
		{value: "1796400060000", want: time.Unix(1_796_400_060, 0), wantOK: true},
		{value: "99999999999", want: now.Add(maxRetryAfter), wantOK: true},
		{value: "99999999999999", want: now.Add(maxRetryAfter), wantOK: true},
		{value: "9223372036854775807", want: now.Add(maxRetryAfter), wantOK: true},
		{value: "soon", wantOK: false},
		{value: "-1", wantOK: false},
		{value: "", wantOK: false},
	}
	for _, tc := range tests {
		got, ok := parseReset(tc.value, now)
		assert.Equal(t, tc.wantOK, ok, tc.value)
		assert.True(t, tc.want.Equal(got), "%s: got %v", tc.value, got)
	}
}

func TestEchoedKeyIsRedacted(t *testing.T) {
	const key = "fl_live_CANARYKEY_zz"
	long := strings.Repeat("x", 490)
	tests := []struct {
		name  string
		fault sandbox.Fault
	}{
		{name: "message and details", fault: sandbox.Fault{Status: 401,
			Body: `{"error":"unauthorized","message":"Invalid key ` + key + `","details":["Bearer ` + key + `"]}`}},
		{name: "code", fault: sandbox.Fault{Status: 400, Body: `{"error":"Bad","code":"` + key + `","message":"m"}`}},
		{name: "nested type", fault: sandbox.Fault{Status: 400, Body: `{"error":{"type":"` + key + `","message":"m"}}`}},
		{name: "after a long message", fault: sandbox.Fault{Status: 400,
			Body: `{"error":"Bad","message":"` + long + key + `"}`}},
		{name: "in a value of a 200", fault: sandbox.Fault{Body: `{"id":"o1","minutes_balance":"Bearer ` + key + `"}`}},
		{name: "written with escapes", fault: sandbox.Fault{Status: 400,
			Body: `{"error":"bad_request","message":"key fl_live_CANARYKEY\u005fzz here"}`}},
		{name: "escaped in a 200", fault: sandbox.Fault{Body: `{"id":"o1","name":"fl\u005flive_CANARYKEY_zz"}`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(tc.fault)
			c := newClient(t, url, func(o *Options) { o.APIKey = key })

			acct, err := c.Account(t.Context())

			seen := fmt.Sprint(err)
			if acct != nil {
				seen = acct.Name
			}
			assert.NotContains(t, seen, "CANARY")
		})
	}
}

func TestKeyQuotedByABrokenServerIsRedacted(t *testing.T) {
	const key = "fl_live_CANARYKEY_zz"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			_, _ = bufio.NewReader(conn).ReadString('\n')
			_, _ = conn.Write([]byte("HTTP/1.1 200 OK\r\nBearer " + key + "\r\n\r\n"))
			_ = conn.Close()
		}
	}()
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := newClient(t, "http://"+ln.Addr().String()+"/api/v1", func(o *Options) {
		o.APIKey, o.Logger, o.MaxRetries = key, logger, -1
	})

	_, err = c.Account(t.Context())

	require.Error(t, err)
	assert.Contains(t, err.Error(), "malformed", "the transport error should still say what went wrong")
	assert.NotContains(t, err.Error(), "CANARY")
	assert.NotContains(t, logs.String(), "CANARY")
}

func TestUnexpectedAnswers(t *testing.T) {
	tests := []struct {
		name    string
		fault   sandbox.Fault
		wantErr string
	}{
		{name: "redirect", fault: sandbox.Fault{Status: 302, Header: header("Location", "https://elsewhere.example/")},
			wantErr: "status 302"},
		{name: "not JSON", fault: sandbox.Fault{Body: "not json at all"}, wantErr: "not the expected JSON"},
		{name: "array", fault: sandbox.Fault{Body: "[]"}, wantErr: "not the expected JSON"},
		{name: "empty object", fault: sandbox.Fault{Body: "{}"}, wantErr: "no organization"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Options{})
			sb.InjectFault(tc.fault)
			c := newClient(t, url, nil)

			_, err := c.Account(t.Context())

			assert.ErrorIs(t, err, ErrUnexpectedAnswer)
			assert.Contains(t, err.Error(), tc.wantErr)
			assert.Equal(t, 1, len(sb.Requests()), "redirects are never followed")
		})
	}
}

func TestRetriesAfter429AreSpreadAndNeverEarly(t *testing.T) {
	const callers = 30
	sb, url := newSandbox(t, sandbox.Options{RateLimit: 100000})
	sb.InjectFault(sandbox.Fault{Times: callers, Status: 429, Header: header("Retry-After", "1"),
		Body: `{"error":"Rate limit exceeded","retry_after":1}`})
	c := newClient(t, url, func(o *Options) { o.RateLimit = 100000 })

	var wg sync.WaitGroup
	for range callers {
		wg.Go(func() {
			_, err := c.Account(t.Context())
			assert.NoError(t, err)
		})
	}
	wg.Wait()

	reqs := byTime(sb.Requests())
	require.Len(t, reqs, 2*callers)
	refused, retries := reqs[:callers], reqs[callers:]
	// If every retry comes at least 1 s after its own 429, the i-th earliest
	// retry comes at least 1 s after the i-th earliest 429.
	for i := range callers {
		require.Equal(t, http.StatusTooManyRequests, refused[i].Status)
		assert.GreaterOrEqual(t, retries[i].Time.Sub(refused[i].Time), time.Second, "a retry came before Retry-After")
	}
	spread := retries[len(retries)-1].Time.Sub(retries[0].Time)
	assert.GreaterOrEqual(t, spread, 500*time.Millisecond, "retries bunched together")
}

func TestNumberCount(t *testing.T) {
	for in, want := range map[Number]int{0: 0, 2.7: 3, 3: 3, -4: 0, 1e20: math.MaxInt} {
		assert.Equal(t, want, in.Count(), "%v", in)
	}
}
