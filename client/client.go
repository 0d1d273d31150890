package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/voicedock/voicedock-mcp/internal/loopback"
)

// Documented defaults of the HMS Sovereign v1 API and of this client.
const (
	DefaultBaseURL        = "https://api.hmsovereign.com/api/v1"
	DefaultRateLimit      = 100 // requests per DefaultRateWindow per key
	DefaultRateWindow     = time.Minute
	DefaultRequestTimeout = 10 * time.Second
	DefaultCallBudget     = 25 * time.Second
	DefaultMaxRetries     = 2
)

// maxBodyBytes bounds how much of any response body is read.
const maxBodyBytes = 32 << 20

// Options configures a Client. Zero values take the documented defaults.
type Options struct {
	BaseURL string // e.g. DefaultBaseURL; must not carry credentials or a query
	// AssistantURL is the host of web calls (Request.Host AssistantAPI),
	// e.g. DefaultAssistantURL; the same rules as BaseURL apply.
	AssistantURL string
	APIKey       string // sent as a Bearer token, never logged
	// KeyProblem, when set, says why no usable key is configured; every call
	// then fails with a *CredentialsError carrying it, and nothing is sent.
	KeyProblem string
	// KeySource names where the key came from, e.g. "HMS_SOVEREIGN_API_KEY",
	// so that messages about a rejected key point at the right place.
	KeySource string
	UserAgent string

	RequestTimeout time.Duration // bound on one attempt
	CallBudget     time.Duration // bound on a whole call: pacing, attempts and waits
	MaxRetries     int           // retries after the first attempt; negative means none
	RateLimit      int           // requests allowed per RateWindow
	RateWindow     time.Duration

	// Transport sends the requests; nil means a pooled default transport.
	Transport http.RoundTripper
	// Logger receives one debug line per attempt; nil means silence.
	Logger *slog.Logger
	// DryRun keeps every request that would change something (anything
	// but GET and HEAD) from being sent: it fails with a *DryRunError
	// holding the exact request instead.
	DryRun bool
}

// Client calls the HMS Sovereign v1 API for one organization's key. It is
// safe for concurrent use; all calls share one pacer.
type Client struct {
	base           *url.URL
	assistantBase  *url.URL
	apiKey         string
	keyProblem     string
	keySource      string
	userAgent      string
	budget         time.Duration
	requestTimeout time.Duration
	rateLimit      int
	pacer          *pacer
	http           *retryablehttp.Client
	logger         *slog.Logger

	dryRun               bool
	control              controlPacer // live-call commands, per call
	organizationsMissing atomic.Bool  // GET /organizations answered 404 or 410 once
}

// New returns a Client for opts. It fails when the base URL is unusable.
func New(opts Options) (*Client, error) {
	opts = withDefaults(opts)
	base, err := parseBaseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	assistantBase, err := parseBaseURL(opts.AssistantURL)
	if err != nil {
		return nil, fmt.Errorf("assistant API %w", err)
	}

	c := &Client{
		base:           base,
		assistantBase:  assistantBase,
		apiKey:         opts.APIKey,
		keyProblem:     opts.KeyProblem,
		keySource:      opts.KeySource,
		userAgent:      opts.UserAgent,
		budget:         opts.CallBudget,
		requestTimeout: opts.RequestTimeout,
		rateLimit:      opts.RateLimit,
		pacer:          newPacer(opts.RateLimit, opts.RateWindow),
		logger:         opts.Logger,
		dryRun:         opts.DryRun,
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	if c.apiKey == "" && c.keyProblem == "" {
		c.keyProblem = "no API key configured"
	}

	transport := opts.Transport
	if transport == nil {
		transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	c.http = &retryablehttp.Client{
		HTTPClient: &http.Client{
			// No Client.Timeout: it would count time spent waiting in the
			// pacer. pacedTransport times each attempt instead.
			Transport: &pacedTransport{next: transport, client: c, timeout: opts.RequestTimeout},
			// The key must never follow a redirect to another host.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		// Logger stays nil: retryablehttp's own lines name full URLs, query
		// included. pacedTransport logs each attempt instead. A nil
		// *slog.Logger must not be stored here: as a non-nil interface it
		// would be called and panic.
		Logger:       nil,
		RetryWaitMin: time.Second,
		RetryWaitMax: 8 * time.Second,
		RetryMax:     max(opts.MaxRetries, 0),
		CheckRetry:   checkRetry,
		Backoff:      backoff,
		ErrorHandler: passthroughError,
	}
	return c, nil
}

func withDefaults(opts Options) Options {
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	if opts.AssistantURL == "" {
		opts.AssistantURL = DefaultAssistantURL
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "voicedock-mcp"
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	if opts.CallBudget <= 0 {
		opts.CallBudget = DefaultCallBudget
	}
	if opts.MaxRetries == 0 {
		opts.MaxRetries = DefaultMaxRetries
	}
	if opts.RateLimit <= 0 {
		opts.RateLimit = DefaultRateLimit
	}
	if opts.RateWindow <= 0 {
		opts.RateWindow = DefaultRateWindow
	}
	return opts
}

// parseBaseURL accepts an absolute http(s) URL without credentials, query
// or fragment. Its errors never repeat the URL, which may hold a secret.
func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil || (u.Scheme == "" && u.Host == ""):
		return nil, errors.New("base URL is not a valid URL; it must start with https://, " +
			"e.g. https://api.hmsovereign.com/api/v1")
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, errors.New("base URL must start with https:// (or http:// for a local server)")
	case u.Host == "":
		return nil, errors.New("base URL has no host")
	case u.Scheme == "http" && !loopback.Host(u.Hostname()):
		return nil, errors.New("base URL must use https:// for any host but this machine; " +
			"over http:// the API key would travel in clear text")
	case u.User != nil:
		return nil, errors.New("base URL must not contain credentials; the API key is configured on its own")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(u.Path, ";"):
		return nil, errors.New("base URL must not contain a query string or fragment")
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

// BaseURL returns the API base URL requests go to.
func (c *Client) BaseURL() string { return c.base.String() }

// DryRun reports whether requests that change something are kept back
// (Options.DryRun).
func (c *Client) DryRun() bool { return c.dryRun }

// Response is what a successful call returns besides its decoded body.
type Response struct {
	Status    int
	RateLimit RateLimit // X-RateLimit-* state of the final answer
	Attempts  int
}

// callState travels in a request's context through retryablehttp's hooks.
type callState struct {
	method     string
	path       string
	idempotent bool
	once       bool          // never resent, whatever the failure
	minAttempt time.Duration // least time left worth starting another attempt with
	attempts   atomic.Int32
	logger     *slog.Logger
}

type callStateKey struct{}

func stateOf(ctx context.Context) *callState {
	s, _ := ctx.Value(callStateKey{}).(*callState)
	return s
}

// do sends one API call and decodes a 2xx JSON body into out (unless out
// is nil). path is relative to the base URL and already escaped; query may
// be nil. Non-2xx answers become *APIError or *RateLimitError.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) (Response, error) {
	return c.doOn(ctx, Request{Method: method, Query: query, Body: body}, path, out)
}

// hostBase is the base URL of h.
func (c *Client) hostBase(h Host) *url.URL {
	if h == AssistantAPI {
		return c.assistantBase
	}
	return c.base
}

// doOn is do for any Request: on its host, without the key when it is
// public, never resent when it is sent once. path is r's path, filled and
// escaped.
func (c *Client) doOn(ctx context.Context, r Request, path string, out any) (Response, error) {
	method, query, body := r.Method, r.Query, r.Body
	if c.keyProblem != "" && !r.Public {
		return Response{}, &CredentialsError{Problem: c.keyProblem}
	}

	ctx, cancel := context.WithTimeout(ctx, c.budget)
	defer cancel()
	state := &callState{method: method, path: path, idempotent: isIdempotent(method), once: r.Once,
		minAttempt: c.requestTimeout / 2, logger: c.logger}
	ctx = context.WithValue(ctx, callStateKey{}, state)

	req, err := c.newRequest(ctx, c.hostBase(r.Host), method, path, query, body)
	if err != nil {
		return Response{}, err
	}
	if c.dryRun && method != http.MethodGet && method != http.MethodHead {
		return Response{}, dryRun(req, body)
	}
	if r.Public {
		req.Header.Del("Authorization")
	}
	resp, err := c.http.Do(req)
	attempts := int(state.attempts.Load())
	if err != nil {
		return Response{}, c.transportError(ctx, state, attempts, err)
	}
	defer resp.Body.Close()

	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes+1))
	if err != nil {
		return Response{}, &NetworkError{Method: method, Path: path, Attempts: attempts,
			MaybeSent: true, Err: c.redactErr(fmt.Errorf("reading answer: %w", sanitize(err)))}
	}
	data = c.redactBody(data)
	meta := Response{Status: resp.StatusCode, RateLimit: parseRateLimit(resp.Header, time.Now()), Attempts: attempts}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return meta, c.statusError(state, resp, data, attempts)
	}
	if out == nil || len(bytes.TrimSpace(data)) == 0 || resp.StatusCode == http.StatusNoContent {
		return meta, nil
	}
	if len(data) > maxBodyBytes {
		return meta, fmt.Errorf("%s %s: %w: larger than %d MB", method, path, ErrUnexpectedAnswer, maxBodyBytes>>20)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return meta, fmt.Errorf("%s %s: %w: not the expected JSON (%v)", method, path, ErrUnexpectedAnswer, err)
	}
	return meta, nil
}

func (c *Client) newRequest(ctx context.Context, base *url.URL, method, path string, query url.Values, body any) (*retryablehttp.Request, error) {
	unescaped, err := url.PathUnescape(path)
	if err != nil {
		return nil, fmt.Errorf("%s %s: bad path escaping: %v", method, path, err)
	}
	u := *base
	u.Path = base.Path + unescaped // RawPath keeps the escaping, e.g. %2B in call IDs
	u.RawPath = base.EscapedPath() + path
	u.RawQuery = query.Encode()

	var payload any
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding request: %v", method, path, err)
		}
		payload = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, u.String(), payload)
	if err != nil {
		return nil, fmt.Errorf("%s %s: building request: %v", method, path, sanitize(err))
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// statusError turns a non-2xx answer into an *APIError, or a
// *RateLimitError for a 429.
func (c *Client) statusError(state *callState, resp *http.Response, body []byte, attempts int) error {
	now := time.Now()
	apiErr := &APIError{
		Method: state.method, Path: state.path, Status: resp.StatusCode, KeySource: c.keySource,
		Attempts: attempts, RateLimit: parseRateLimit(resp.Header, time.Now()),
	}
	parseErrorBody(apiErr, body)
	if wait, ok := serverWait(resp.Header, now); ok {
		apiErr.RetryAfter = wait
	}
	if resp.StatusCode != http.StatusTooManyRequests {
		return apiErr
	}
	limit := apiErr.RateLimit.Limit
	if limit == 0 {
		limit = c.rateLimit
	}
	return &RateLimitError{RetryAfter: apiErr.RetryAfter, Limit: limit, API: apiErr}
}

// transportError classifies a failure with no HTTP answer.
func (c *Client) transportError(ctx context.Context, state *callState, attempts int, err error) error {
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return rl
	}
	if errors.Is(err, context.Canceled) {
		if attempts > 0 && !state.idempotent && !neverSent(err) {
			// A POST canceled in flight may still have been acted on.
			return &NetworkError{Method: state.method, Path: state.path, Attempts: attempts, MaybeSent: true,
				Err: fmt.Errorf("canceled after it was sent: %w", context.Canceled)}
		}
		return fmt.Errorf("%s %s: canceled: %w", state.method, state.path, context.Canceled)
	}
	if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("call budget exhausted: %w", context.DeadlineExceeded)
	}
	return &NetworkError{
		Method: state.method, Path: state.path, Attempts: attempts,
		MaybeSent: attempts > 0 && !neverSent(err), Err: c.redactErr(sanitize(err)),
	}
}

// sanitize strips the URL that net/http wraps around transport errors, as
// it may carry a query string.
func sanitize(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// neverSent reports whether err proves the request never reached a server:
// the connection could not be opened.
func neverSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}
